package piisql

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"time"

	"github.com/ef8f9424/pii"
)

// DefaultBatchSize is how many rows a batch takes unless WithBatchSize says otherwise:
// small enough that a batch's locks are held for a fraction of a second, large enough that
// a million rows take seconds (README.md has the figures).
const DefaultBatchSize = 1000

// MaxBatchSize bounds WithBatchSize: a batch binds each key in one statement, and
// databases cap the number of bound parameters (SQLite at 32766).
const MaxBatchSize = 10000

// A Sweeper applies the retention rules of one row type to one table. It is safe for
// concurrent use, and several Sweepers (in one process or on several machines) may sweep
// the same table at once.
type Sweeper struct {
	db      *sql.DB
	dialect Dialect
	m       Mapping
	table   string // quoted, with its schema
	bk      string // the table's name in the bookkeeping tables: see bookkeepingName
	// schema and name are the table's, as the catalogue resolved them.
	schema, name string
	// keyPadded is true when the key's type pads it with spaces (PostgreSQL's char(n)),
	// which the bookkeeping tables once kept: see migrateRows.
	keyPadded bool
	// createdNoZone is true when the creation column's type keeps no zone (PostgreSQL's
	// timestamp and date): its wall-clock time is read in the Sweeper's location.
	createdNoZone bool
	typ           reflect.Type
	cfg           config
	byField       map[string]int // Field path -> index in m.Columns
}

// config is what the options set.
type config struct {
	policy     *pii.Policy
	loc        *time.Location
	batch      int
	deleteRows bool
	anonymize  bool
	progress   func(Batch)
}

// An Option configures a Sweeper.
type Option func(*config) error

// WithPolicy sets the pii Policy whose profile decides which fields are personal data and
// whose backup window and grace period the deletion plans use (pii.Default() unless set).
func WithPolicy(p *pii.Policy) Option {
	return func(c *config) error {
		if p == nil {
			return fmt.Errorf("piisql: WithPolicy: nil policy")
		}
		c.policy = p
		return nil
	}
}

// WithLocation sets the time zone in which retention days are counted (UTC unless set):
// a TTL of 30 days for a record created at 10:00 runs out at 10:00 there 30 calendar days
// later, across a daylight-saving change too. Databases do not keep a time's zone, so the
// sweep reads every creation time in this one.
func WithLocation(loc *time.Location) Option {
	return func(c *config) error {
		if loc == nil {
			return fmt.Errorf("piisql: WithLocation: nil location")
		}
		c.loc = loc
		return nil
	}
}

// WithBatchSize sets how many rows one batch takes (DefaultBatchSize unless set), from 1
// to MaxBatchSize.
func WithBatchSize(n int) Option {
	return func(c *config) error {
		if n < 1 || n > MaxBatchSize {
			return fmt.Errorf("piisql: WithBatchSize(%d): %w", n, ErrBatchSize)
		}
		c.batch = n
		return nil
	}
}

// WithDeleteRows makes a deletion request delete the whole row once every personal-data
// column of it may go (the plan's DeletedAt), instead of only clearing its columns. Until
// then the columns whose minimum retention has ended are cleared as without it.
func WithDeleteRows() Option {
	return func(c *config) error {
		c.deleteRows = true
		return nil
	}
}

// WithAnonymizeOnPurge makes the sweep anonymise, with the policy's Anonymize (keyed
// pseudonyms, generalisations; see WithPolicy and pii.WithKey), the columns whose TTL has
// run out, instead of clearing them: the rows keep what statistics need, and nothing that
// identifies a person. The sweep reads those values (and only those) to do so, and records
// each anonymised column in pii_anonymized, so that no value is anonymised twice. Deletion
// requests still clear their columns.
//
// It is piisql's own option because a pii.Policy does not tell whether it was built with
// pii.WithAnonymizeOnPurge.
func WithAnonymizeOnPurge() Option {
	return func(c *config) error {
		c.anonymize = true
		return nil
	}
}

// WithProgress makes the sweep call f after each batch is committed (or, in a dry run,
// rolled back), from the sweeping goroutine.
func WithProgress(f func(Batch)) Option {
	return func(c *config) error {
		c.progress = f
		return nil
	}
}

// New returns a Sweeper for the table named table (plain, or "schema.table"), whose rows
// are of type T and whose key column is key. It reads the table's schema and refuses, with
// a *ColumnError naming the column, a key, creation-time or personal-data column that the
// table lacks (ErrNoColumn), a key column the table does not declare unique
// (ErrKeyNotUnique), a NOT NULL personal-data column that cannot take its zero value
// (ErrNoZero), a column two fields map to (ErrDuplicateColumn); with ErrNoCreated a type
// with no `pii:"no,created"` field; with ErrIdentifier a name that is not a plain
// identifier. Call Migrate once before sweeping.
func New[T any](ctx context.Context, db *sql.DB, d Dialect, table, key string, opts ...Option) (*Sweeper, error) {
	return newSweeper(ctx, db, d, reflect.TypeFor[T](), table, key, opts)
}

func newSweeper(ctx context.Context, db *sql.DB, d Dialect, t reflect.Type, table, key string, opts []Option) (*Sweeper, error) {
	if d != SQLite && d != PostgreSQL {
		return nil, fmt.Errorf("piisql: unknown dialect %v", d)
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem() // New[*Row] is New[Row]: the rows are read into a Row
	}
	cfg := config{policy: pii.Default(), loc: time.UTC, batch: DefaultBatchSize}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	m, err := mapType(t, cfg.policy, table, key)
	if err != nil {
		return nil, err
	}
	schema, name, _ := splitTable(table)
	ti, err := d.readSchema(ctx, db, schema, name)
	if err != nil {
		return nil, err
	}
	keyCol, ok := ti.column(d, key)
	if !ok {
		return nil, &ColumnError{Table: table, Column: key, Err: ErrNoColumn}
	}
	created, ok := ti.column(d, m.Created)
	if !ok {
		return nil, &ColumnError{Table: table, Column: m.Created, Field: "(created)", Err: ErrNoColumn}
	}
	unique, err := d.keyUnique(ctx, db, ti.schema, name, key)
	if err != nil {
		return nil, err
	}
	if !unique {
		return nil, &ColumnError{Table: table, Column: key, Err: ErrKeyNotUnique}
	}
	// The table is named with the schema it was found in, so that every statement reaches
	// the table checked here whatever a connection's search_path.
	s := &Sweeper{db: db, dialect: d, m: m, table: quoteTable(ti.schema, name), bk: d.bookkeepingName(ti.schema, name),
		schema: ti.schema, name: name, keyPadded: keyCol.padded,
		createdNoZone: created.noZone, typ: t, cfg: cfg, byField: map[string]int{}}
	for i := range s.m.Columns {
		c := &s.m.Columns[i]
		sc, ok := ti.column(d, c.Name)
		if !ok {
			return nil, &ColumnError{Table: table, Column: c.Name, Field: c.Field, Err: ErrNoColumn}
		}
		c.NotNull = sc.notNull
		if c.NotNull {
			if err := s.checkZero(ctx, ti.schema, name, *c); err != nil {
				return nil, err
			}
		}
		if cfg.anonymize {
			if _, ok := fieldOf(reflect.New(s.typ).Elem(), c.index); !ok {
				return nil, &ColumnError{Table: table, Column: c.Name, Field: c.Field, Err: ErrUnsettable}
			}
		}
		s.byField[c.Field] = i
	}
	return s, nil
}

// checkZero checks that the NOT NULL column c can be cleared, so that a column no sweep
// could clear is refused here rather than stopping every sweep of the table: that its
// zero value is not NULL, that no unique index holds the column (the second row cleared to
// the zero value would be refused), and that the column's type takes the zero value and
// compares with it (PostgreSQL's json and jsonb take no "", nor its uuid and inet). A
// *ColumnError wrapping ErrNoZero says which fails.
func (s *Sweeper) checkZero(ctx context.Context, schema, name string, c Column) error {
	fault := func(err error) error {
		return &ColumnError{Table: s.m.Table, Column: c.Name, Field: c.Field, Err: err}
	}
	if isNull(c.zero()) {
		return fault(ErrNoZero)
	}
	unique, err := s.dialect.inUniqueIndex(ctx, s.db, schema, name, c.Name)
	if err != nil {
		return err
	}
	if unique {
		return fault(fmt.Errorf("%w: the column is in a unique index, which would refuse a second row cleared to the same value", ErrNoZero))
	}
	q := s.newQuery().sql("SELECT 1 FROM ", s.table, " WHERE ")
	s.notCleared(q, c)
	q.sql(" LIMIT 0")
	rows, err := s.db.QueryContext(ctx, q.String(), q.args...)
	if err == nil {
		err = rows.Close()
	}
	if err != nil {
		// The message is about the zero value, never a row's.
		return fault(fmt.Errorf("%w: %v", ErrNoZero, err))
	}
	return nil
}

// Mapping returns how the Sweeper maps the row type to the table.
func (s *Sweeper) Mapping() Mapping {
	m := s.m
	m.Columns = append([]Column(nil), s.m.Columns...)
	return m
}

func (s *Sweeper) newQuery() *query { return &query{d: s.dialect} }
