package piisql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
)

// A Dialect is the SQL database a Sweeper talks to.
type Dialect int

const (
	// SQLite is SQLite through modernc.org/sqlite (driver name "sqlite"): one writer at a
	// time, each batch in a BEGIN IMMEDIATE transaction.
	SQLite Dialect = iota + 1
	// PostgreSQL is PostgreSQL, or CockroachDB, through github.com/jackc/pgx/v5/stdlib
	// (driver name "pgx"): each batch locks its rows with FOR UPDATE SKIP LOCKED.
	PostgreSQL
)

// String returns the dialect's name.
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case PostgreSQL:
		return "postgresql"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

// query builds one SQL statement with its bound arguments, numbering placeholders as the
// dialect wants them (? or $n). Identifiers enter only through quote.
type query struct {
	d    Dialect
	b    strings.Builder
	args []any
}

// sql appends SQL text, which must hold no value.
func (q *query) sql(parts ...string) *query {
	for _, p := range parts {
		q.b.WriteString(p)
	}
	return q
}

// arg appends a placeholder bound to v.
func (q *query) arg(v any) *query {
	q.args = append(q.args, v)
	if q.d == PostgreSQL {
		q.b.WriteString("$" + strconv.Itoa(len(q.args)))
	} else {
		q.b.WriteString("?")
	}
	return q
}

// in appends "(p1, p2, ...)" bound to vs.
func (q *query) in(vs []any) *query {
	q.b.WriteString("(")
	for i, v := range vs {
		if i > 0 {
			q.b.WriteString(", ")
		}
		q.arg(v)
	}
	q.b.WriteString(")")
	return q
}

func (q *query) String() string { return q.b.String() }

// execer is what a batch runs its statements on: a transaction, or a connection inside
// one.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// txn is one batch's transaction.
type txn struct {
	execer
	commit, rollback func() error
	ended            bool
}

// newTxn returns the transaction that commit and rollback end, each ending it once.
func newTxn(e execer, commit, rollback func() error) *txn {
	tx := &txn{execer: e}
	end := func(f func() error) func() error {
		return func() error {
			if tx.ended {
				return nil
			}
			tx.ended = true
			return f()
		}
	}
	tx.commit, tx.rollback = end(commit), end(rollback)
	return tx
}

// abandon rolls the transaction back unless it has ended: deferred by whoever begins one,
// so that a panic on the way (an application's driver.Valuer or sql.Scanner, pii's
// Anonymize) ends it. The connection stayed taken, its transaction open: on SQLite
// holding the write lock, every later write of the application waiting for it.
func (tx *txn) abandon() { tx.rollback() }

// begin starts a write transaction. SQLite's is BEGIN IMMEDIATE on a dedicated
// connection, so that it holds the one write lock from the start (a deferred transaction
// that reads first can fail to upgrade while another writer holds it) and waits for it up
// to the busy timeout.
func (d Dialect) begin(ctx context.Context, db *sql.DB) (*txn, error) {
	if d == PostgreSQL {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		return newTxn(tx, tx.Commit, tx.Rollback), nil
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	bg := context.WithoutCancel(ctx)
	// The connection goes back to the pool, for the application's own use, with the busy
	// timeout it came with: a longer one set here made the application's statements wait
	// up to 30 s where it had chosen to fail fast. A connection whose timeout cannot be
	// put back is dropped.
	var timeout int64
	if err := conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout); err != nil {
		conn.Close()
		return nil, err
	}
	release := func() error { return conn.Close() }
	if timeout < sqliteBusyTimeout {
		if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = "+strconv.Itoa(sqliteBusyTimeout)); err != nil {
			conn.Close()
			return nil, err
		}
		release = func() error {
			if _, err := conn.ExecContext(bg, "PRAGMA busy_timeout = "+strconv.FormatInt(timeout, 10)); err != nil {
				conn.Raw(func(any) error { return driver.ErrBadConn }) // closes it
				return nil
			}
			return conn.Close()
		}
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		release()
		return nil, err
	}
	end := func(stmt string) error {
		_, err := conn.ExecContext(bg, stmt)
		if err != nil {
			// A COMMIT or ROLLBACK that failed can leave the transaction open, holding the
			// write lock (and showing its uncommitted changes) on a connection about to go
			// back to the pool: roll it back, and when that fails too, have the pool drop
			// the connection.
			if _, rerr := conn.ExecContext(bg, "ROLLBACK"); rerr != nil {
				conn.Raw(func(any) error { return driver.ErrBadConn })
			}
		}
		if cerr := release(); err == nil {
			err = cerr
		}
		return err
	}
	return newTxn(conn, func() error { return end("COMMIT") }, func() error { return end("ROLLBACK") }), nil
}

// sqliteBusyTimeout is how long, in milliseconds, a SQLite transaction of the Sweeper waits
// for another writer to commit (unless the connection already waits longer).
const sqliteBusyTimeout = 30000

// lockRows is what ends a batch's SELECT so that two sweepers never take the same rows.
func (d Dialect) lockRows() string {
	if d == PostgreSQL {
		return " FOR UPDATE SKIP LOCKED"
	}
	return "" // the write lock taken by BEGIN IMMEDIATE already excludes other writers
}

// lockRow is what ends a SELECT of one row that must wait for a batch holding it.
func (d Dialect) lockRow() string {
	if d == PostgreSQL {
		return " FOR UPDATE"
	}
	return ""
}

// schemaColumn is one column as the database describes it.
type schemaColumn struct {
	notNull bool
	// noZone is true for a type that keeps a wall-clock time without its zone
	// (PostgreSQL's timestamp without time zone and date).
	noZone bool
	// padded is true for a type that pads its text with spaces (PostgreSQL's char(n)).
	padded bool
}

// tableInfo is a table as the database's catalogue describes it.
type tableInfo struct {
	// schema is the table's schema: as given, or the one the name resolves to (SQLite's
	// "main", PostgreSQL's current_schema()).
	schema string
	// cols are its columns by name: as the catalogue spells them on PostgreSQL, in lower
	// case on SQLite, which reads identifiers in any case.
	cols map[string]schemaColumn
}

// column returns the column named name, as the dialect matches names.
func (ti tableInfo) column(d Dialect, name string) (schemaColumn, bool) {
	if d == SQLite {
		name = strings.ToLower(name)
	}
	c, ok := ti.cols[name]
	return c, ok
}

// readSchema describes a table from the database's catalogue.
func (d Dialect) readSchema(ctx context.Context, db *sql.DB, schema, table string) (tableInfo, error) {
	var rows *sql.Rows
	var err error
	ti := tableInfo{schema: schema, cols: map[string]schemaColumn{}}
	switch d {
	case SQLite:
		if ti.schema == "" {
			ti.schema = "main"
		}
		rows, err = db.QueryContext(ctx, `SELECT name, "notnull", '', ? FROM pragma_table_info(?, ?)`, ti.schema, table, ti.schema)
	case PostgreSQL:
		q := `SELECT column_name, is_nullable = 'NO', data_type, table_schema FROM information_schema.columns WHERE table_name = $1 AND table_schema = `
		args := []any{table}
		if schema == "" {
			q += "current_schema()"
		} else {
			q += "$2"
			args = append(args, schema)
		}
		rows, err = db.QueryContext(ctx, q, args...)
	default:
		return ti, fmt.Errorf("piisql: unknown dialect %v", d)
	}
	if err != nil {
		return ti, fmt.Errorf("piisql: reading the schema of table %s: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, typ string
		var notNull bool
		if err := rows.Scan(&name, &notNull, &typ, &ti.schema); err != nil {
			return ti, fmt.Errorf("piisql: reading the schema of table %s: %w", table, err)
		}
		if d == SQLite {
			name = strings.ToLower(name)
		}
		ti.cols[name] = schemaColumn{notNull: notNull, noZone: typ == "timestamp without time zone" || typ == "date",
			padded: typ == "character"}
	}
	if err := rows.Err(); err != nil {
		return ti, fmt.Errorf("piisql: reading the schema of table %s: %w", table, err)
	}
	if len(ti.cols) == 0 {
		return ti, fmt.Errorf("piisql: table %s: %w", table, ErrNoTable)
	}
	return ti, nil
}

// bookkeepingName is how the bookkeeping tables name a table, the same however it was
// given to New: without its schema when that is the default one (SQLite's main,
// PostgreSQL's public), and on SQLite, which reads names in any case, in lower case.
// Otherwise a hold placed through a Sweeper of "messages" went unseen by one of
// "public.messages".
func (d Dialect) bookkeepingName(schema, table string) string {
	if d == SQLite {
		schema, table = strings.ToLower(schema), strings.ToLower(table)
		if schema == "main" {
			return table
		}
	} else if schema == "public" {
		return table
	}
	return schema + "." + table
}

// inUniqueIndex reports whether column col is part of a unique index or primary key of
// the table, alone or with other columns, partial or not: writing one zero value into it
// for many rows may then be refused.
func (d Dialect) inUniqueIndex(ctx context.Context, db *sql.DB, schema, table, col string) (bool, error) {
	var q string
	var args []any
	switch d {
	case SQLite:
		q = `SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1, ?2) WHERE pk > 0 AND name = ?3 COLLATE NOCASE)
			OR EXISTS (SELECT 1 FROM pragma_index_list(?1, ?2) AS l WHERE l."unique"
				AND EXISTS (SELECT 1 FROM pragma_index_info(l.name, ?2) WHERE name = ?3 COLLATE NOCASE))`
		args = []any{table, schema, col}
	case PostgreSQL:
		q = `SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
			WHERE i.indrelid = to_regclass($1) AND i.indisunique AND a.attname = $2)`
		args = []any{quoteTable(schema, table), col}
	}
	var ok bool
	if err := db.QueryRowContext(ctx, q, args...).Scan(&ok); err != nil {
		return false, fmt.Errorf("piisql: reading the indexes of table %s: %w", table, err)
	}
	return ok, nil
}

// keyUnique reports whether the table declares column key unique: a primary key of that
// column alone, or a unique index of it alone with no WHERE clause.
func (d Dialect) keyUnique(ctx context.Context, db *sql.DB, schema, table, key string) (bool, error) {
	var q string
	var args []any
	switch d {
	case SQLite:
		// The primary key (INTEGER PRIMARY KEY has no index of its own), then unique
		// indexes.
		q = `SELECT (SELECT COUNT(*) FROM pragma_table_info(?1, ?2) WHERE pk > 0) = 1
			AND EXISTS (SELECT 1 FROM pragma_table_info(?1, ?2) WHERE pk > 0 AND name = ?3 COLLATE NOCASE)
			OR EXISTS (SELECT 1 FROM pragma_index_list(?1, ?2) AS l WHERE l."unique" AND NOT l.partial
				AND (SELECT COUNT(*) FROM pragma_index_info(l.name, ?2)) = 1
				AND EXISTS (SELECT 1 FROM pragma_index_info(l.name, ?2) WHERE name = ?3 COLLATE NOCASE))`
		args = []any{table, schema, key}
	case PostgreSQL:
		q = `SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
			WHERE i.indrelid = to_regclass($1) AND i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL AND a.attname = $2)`
		args = []any{quoteTable(schema, table), key}
	}
	var ok bool
	if err := db.QueryRowContext(ctx, q, args...).Scan(&ok); err != nil {
		return false, fmt.Errorf("piisql: reading the indexes of table %s: %w", table, err)
	}
	return ok, nil
}
