package piisql

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
	_ "time/tzdata"
)

// testDB is one database the tests run against, with what differs between dialects.
type testDB struct {
	name    string
	dialect Dialect
	db      *sql.DB
	open    func(t *testing.T) *sql.DB // another handle on the same database: another machine
	idType  string                     // the key column's type
	tsType  string                     // the creation column's type
	path    string                     // SQLite's file
}

// forEachDB runs f against SQLite, always, and PostgreSQL when PII_PG_DSN is set.
func forEachDB(t *testing.T, f func(t *testing.T, d *testDB)) {
	t.Run("sqlite", func(t *testing.T) { f(t, sqliteDB(t)) })
	t.Run("postgresql", func(t *testing.T) {
		d := pgDB(t)
		if d == nil {
			t.Skip("PII_PG_DSN is not set: the PostgreSQL tests need a server (./ci starts one)")
		}
		f(t, d)
	})
}

func sqliteDB(t testing.TB) *testDB {
	path := filepath.Join(t.TempDir(), "test.db")
	open := func(t *testing.T) *sql.DB { return openDB(t, "sqlite", path+"?_pragma=journal_mode(WAL)") }
	d := &testDB{name: "sqlite", dialect: SQLite, idType: "INTEGER PRIMARY KEY", tsType: "TIMESTAMP", path: path}
	d.db = openDB(t, "sqlite", path+"?_pragma=journal_mode(WAL)")
	d.open = open
	return d
}

func pgDB(t testing.TB) *testDB {
	dsn := os.Getenv("PII_PG_DSN")
	if dsn == "" {
		return nil
	}
	d := &testDB{name: "postgresql", dialect: PostgreSQL, idType: "BIGINT PRIMARY KEY", tsType: "TIMESTAMPTZ"}
	d.db = openDB(t, "pgx", dsn)
	d.open = func(t *testing.T) *sql.DB { return openDB(t, "pgx", dsn) }
	return d
}

func openDB(t testing.TB, driver, dsn string) *sql.DB {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var tableSeq atomic.Int64

// table creates a table of messages, named after the test so that runs on one PostgreSQL
// server never meet, and drops it at the end.
func (d *testDB) table(t testing.TB) string {
	name := strings.ToLower(regexp.MustCompile(`[^A-Za-z0-9]+`).ReplaceAllString(t.Name(), "_"))
	name = fmt.Sprintf("m_%d_%d_%s", time.Now().UnixNano()%1e9, tableSeq.Add(1), name)
	if len(name) > 60 {
		name = name[:60]
	}
	d.exec(t, fmt.Sprintf(`CREATE TABLE %s (id %s, created_at %s NOT NULL, sender TEXT NOT NULL,
		body TEXT, phone TEXT, topic TEXT)`, name, d.idType, d.tsType))
	t.Cleanup(func() {
		d.db.Exec("DROP TABLE " + name)
		for _, bk := range []string{"pii_audit", "pii_requests", "pii_holds"} {
			d.db.Exec("DELETE FROM " + bk + " WHERE table_name = '" + name + "'")
		}
	})
	return name
}

func (d *testDB) exec(t testing.TB, q string, args ...any) {
	t.Helper()
	if d.dialect == PostgreSQL {
		q = dollars(q)
	}
	if _, err := d.db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// dollars numbers the ? placeholders of q for PostgreSQL.
func dollars(q string) string {
	n := 0
	return regexp.MustCompile(`\?`).ReplaceAllStringFunc(q, func(string) string {
		n++
		return fmt.Sprintf("$%d", n)
	})
}

// message is the row type of the tests' tables.
type message struct {
	ID      int64          `db:"id" pii:"no"`
	Created time.Time      `db:"created_at" pii:"no,created"`
	Sender  string         `pii:"email,ttl=30"`
	Body    *string        `pii:"true,mtl=7,ttl=90"`
	Phone   sql.NullString `pii:"phone,mtl=30,ttl=365"`
	Topic   string         `pii:"no"`
}

// insert adds a message created at created, with every column filled.
func (d *testDB) insert(t testing.TB, table string, id int64, created time.Time) {
	t.Helper()
	d.exec(t, "INSERT INTO "+table+" (id, created_at, sender, body, phone, topic) VALUES (?, ?, ?, ?, ?, ?)",
		id, created.UTC(), fmt.Sprintf("user%d@example.com", id), "hello", "+44 20 7946 0000", "billing")
}

// state is what a row holds after a sweep: which personal-data columns are still set.
type state struct {
	Sender, Body, Phone bool
}

// states reads which columns of each row still hold a value.
func (d *testDB) states(t testing.TB, table string) map[int64]state {
	t.Helper()
	rows, err := d.db.Query("SELECT id, sender <> '', body IS NOT NULL, phone IS NOT NULL FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]state{}
	for rows.Next() {
		var id int64
		var s state
		if err := rows.Scan(&id, &s.Sender, &s.Body, &s.Phone); err != nil {
			t.Fatal(err)
		}
		out[id] = s
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// auditTotals sums the audit trail's row counts per column and rule.
func (d *testDB) auditTotals(t testing.TB, table string) map[string]int {
	t.Helper()
	q := "SELECT COALESCE(column_name, '*'), rule, SUM(row_count) FROM pii_audit WHERE table_name = ? GROUP BY column_name, rule"
	if d.dialect == PostgreSQL {
		q = dollars(q)
	}
	rows, err := d.db.Query(q, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var col, rule string
		var n int
		if err := rows.Scan(&col, &rule, &n); err != nil {
			t.Fatal(err)
		}
		out[col+" "+rule] = n
	}
	return out
}

// sweeper returns a migrated Sweeper of messages for table.
func (d *testDB) sweeper(t testing.TB, db *sql.DB, table string, opts ...Option) *Sweeper {
	t.Helper()
	return must(t)(New[message](context.Background(), db, d.dialect, table, "id", opts...))
}

// must returns a function that fails t on the error New returned and otherwise migrates
// the Sweeper: must(t)(New[T](...)).
func must(t testing.TB) func(*Sweeper, error) *Sweeper {
	return func(s *Sweeper, err error) *Sweeper {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		return s
	}
}

// testPolicy is a policy with a key, for pseudonyms.
func testPolicy(t testing.TB) *pii.Policy {
	t.Helper()
	pol, err := pii.New(pii.WithKey([]byte("0123456789abcdef0123456789abcdef")))
	if err != nil {
		t.Fatal(err)
	}
	return pol
}

// day0 is the tests' epoch: 1 June 2026, 10:00 UTC.
var day0 = time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)

func day(n int) time.Time { return day0.AddDate(0, 0, n) }
