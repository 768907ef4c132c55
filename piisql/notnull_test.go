package piisql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// nullable is a row whose personal-data fields are of the sql.Null kinds, in columns the
// table declares NOT NULL.
type nullable struct {
	ID      int64            `db:"id" pii:"no"`
	Created time.Time        `db:"created_at" pii:"no,created"`
	Sender  sql.NullString   `pii:"email,ttl=30"`
	Body    sql.Null[string] `pii:"true,ttl=30"`
	Phone   *sql.NullString  `pii:"phone,ttl=30"`
	Score   sql.NullInt64    `pii:"true,ttl=30"`
}

// A NOT NULL column whose field is sql.NullString, sql.Null[T] or a pointer to one is
// cleared to the zero value of what it wraps ("" or 0): NULL is refused there, and a
// column compared with NULL never matched, so such columns were never swept.
func TestNotNullOfNullTypes(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t) + "_nn"
		d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+d.tsType+` NOT NULL,
			sender TEXT NOT NULL, body TEXT NOT NULL, phone TEXT NOT NULL, score BIGINT NOT NULL, topic TEXT)`)
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		d.exec(t, "INSERT INTO "+table+" (id, created_at, sender, body, phone, score) VALUES (1, ?, 'a@example.com', 'hi', '+44 20 7946 0000', 42)", day(0).UTC())
		s := must(t)(New[nullable](ctx, d.db, d.dialect, table, "id"))
		r, err := s.Sweep(ctx, day(30))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]int{"sender": 1, "body": 1, "phone": 1, "score": 1}, r.Cleared); diff != "" {
			t.Errorf("cleared (-want +got):\n%s", diff)
		}
		var sender, body, phone string
		var score int64
		if err := d.db.QueryRow("SELECT sender, body, phone, score FROM "+table).Scan(&sender, &body, &phone, &score); err != nil {
			t.Fatal(err)
		}
		if sender != "" || body != "" || phone != "" || score != 0 {
			t.Errorf("row after the sweep: %q %q %q %d, want every column at its zero value", sender, body, phone, score)
		}
		if r, err := s.Sweep(ctx, day(31)); err != nil || r.Rows != 0 {
			t.Errorf("second sweep: %d rows examined, error %v; want none", r.Rows, err)
		}
	})
}

// opaque is a field type that a driver writes through its Value method, with no zero value
// other than NULL.
type opaque string

func (o opaque) Value() (driver.Value, error) {
	if o == "" {
		return nil, nil
	}
	return string(o), nil
}

type opaqueRow struct {
	ID      int64     `db:"id" pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
	Sender  opaque    `pii:"true,ttl=30"`
}

// A NOT NULL column whose field type writes its zero value as NULL cannot be cleared:
// refused at New, naming the column, rather than never swept.
func TestNotNullWithoutZero(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		table := d.table(t)
		_, err := New[opaqueRow](context.Background(), d.db, d.dialect, table, "id")
		if !errors.Is(err, ErrNoZero) {
			t.Fatalf("error %v, want one wrapping ErrNoZero", err)
		}
		var ce *ColumnError
		if !errors.As(err, &ce) || ce.Column != "sender" || ce.Field != "Sender" {
			t.Errorf("error %v does not name column sender, field Sender", err)
		}
	})
}

type jsonRow struct {
	ID      int64           `db:"id" pii:"no"`
	Created time.Time       `db:"created_at" pii:"no,created"`
	Profile json.RawMessage `pii:"true,ttl=30"`
	Raw     []byte          `pii:"true,ttl=30"`
}

// JSON and binary columns: cleared to NULL, or, NOT NULL, to an empty value where the
// column's type takes one. A NOT NULL column whose type takes no empty value
// (PostgreSQL's json and jsonb) is refused at New: it stopped every sweep of its table
// with "invalid input syntax for type json".
func TestJSONAndBinaryColumns(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		bin := "BLOB"
		decls := []string{"TEXT", "TEXT NOT NULL", "JSON NOT NULL"}
		if d.dialect == PostgreSQL {
			bin = "BYTEA"
			decls = []string{"TEXT NOT NULL", "JSONB", "JSON", "JSONB NOT NULL", "JSON NOT NULL"}
		}
		for _, decl := range decls {
			t.Run(decl, func(t *testing.T) {
				table := d.table(t) + "_j"
				d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+d.tsType+" NOT NULL, profile "+decl+", raw "+bin+" NOT NULL)")
				t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
				d.exec(t, "INSERT INTO "+table+" VALUES (1, ?, '{\"name\":\"Ann\"}', ?)", day(0).UTC(), []byte("secret"))
				s, err := New[jsonRow](ctx, d.db, d.dialect, table, "id")
				if d.dialect == PostgreSQL && strings.HasPrefix(decl, "JSON") && strings.HasSuffix(decl, "NOT NULL") {
					var ce *ColumnError
					if !errors.Is(err, ErrNoZero) || !errors.As(err, &ce) || ce.Column != "profile" {
						t.Fatalf("error %v, want ErrNoZero naming column profile", err)
					}
					return
				}
				r, err := must(t)(s, err).Sweep(ctx, day(30))
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(map[string]int{"profile": 1, "raw": 1}, r.Cleared); diff != "" {
					t.Errorf("cleared (-want +got):\n%s", diff)
				}
				var left int
				if err := d.db.QueryRow("SELECT COUNT(*) FROM " + table + " WHERE (profile IS NOT NULL AND CAST(profile AS TEXT) <> '') OR LENGTH(raw) > 0").Scan(&left); err != nil {
					t.Fatal(err)
				}
				if left != 0 {
					t.Errorf("%d rows still hold a value", left)
				}
				if r, err := s.Sweep(ctx, day(31)); err != nil || r.Rows != 0 {
					t.Errorf("second sweep: %d rows, error %v; want none", r.Rows, err)
				}
			})
		}
	})
}

// A NOT NULL column in a unique index (alone, or with others) would take its zero value
// once: the second row cleared was refused and every sweep stopped there. Refused at New;
// a nullable unique column is cleared to NULL, which repeats freely.
func TestNotNullUnique(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		tests := []struct {
			decl string
			err  error
		}{
			{"sender TEXT NOT NULL UNIQUE", ErrNoZero},
			{"sender TEXT NOT NULL, UNIQUE (topic, sender)", ErrNoZero},
			{"sender TEXT UNIQUE", nil},
		}
		for i, tt := range tests {
			t.Run(tt.decl, func(t *testing.T) {
				table := fmt.Sprintf("%s_q%d", d.table(t), i)
				d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+d.tsType+" NOT NULL, body TEXT, phone TEXT, topic TEXT, "+tt.decl+")")
				t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
				d.insert(t, table, 1, day(0))
				d.insert(t, table, 2, day(0))
				s, err := New[message](ctx, d.db, d.dialect, table, "id")
				if !errors.Is(err, tt.err) {
					t.Fatalf("error %v, want %v", err, tt.err)
				}
				if err != nil {
					if !strings.Contains(err.Error(), "column sender") {
						t.Errorf("error %q does not name column sender", err)
					}
					return
				}
				r, err := must(t)(s, nil).Sweep(ctx, day(30))
				if err != nil || r.Cleared["sender"] != 2 {
					t.Errorf("senders cleared %d, error %v; want 2", r.Cleared["sender"], err)
				}
			})
		}
	})
}
