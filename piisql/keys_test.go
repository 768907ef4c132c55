package piisql

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

type ticket struct {
	Ref     string    `db:"ref" pii:"no"`
	Opened  time.Time `db:"opened" pii:"no,created"`
	Contact *string   `pii:"email,ttl=30"`
}

// Text keys work as integer keys do: batches in key order, requests matched by key.
func TestTextKeys(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t) + "_t"
		d.exec(t, "CREATE TABLE "+table+" (ref TEXT PRIMARY KEY, opened "+d.tsType+" NOT NULL, contact TEXT)")
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		for i, ref := range []string{"T-3", "T-1", "T-2", "T-10"} {
			d.exec(t, "INSERT INTO "+table+" VALUES (?, ?, 'x@example.com')", ref, day(i).UTC())
		}
		s := must(t)(New[ticket](ctx, d.db, d.dialect, table, "ref", WithBatchSize(3)))
		if err := s.RequestDeletion(ctx, "T-2", day(5)); err != nil {
			t.Fatal(err)
		}
		r, err := s.Sweep(ctx, day(31))
		if err != nil {
			t.Fatal(err)
		}
		// T-3 (day 0) and T-1 (day 1) are 30 days old; T-2 goes by its request.
		if diff := cmp.Diff(map[string]int{"contact": 3}, r.Cleared); diff != "" {
			t.Errorf("cleared (-want +got):\n%s", diff)
		}
		want := []RequestStatus{{Key: "T-2", Requested: day(5), DeletedAt: day(5), GoneBy: day(35), Done: true}}
		if diff := cmp.Diff(want, r.Requests, cmpopts.IgnoreUnexported(RequestStatus{})); diff != "" {
			t.Errorf("requests (-want +got):\n%s", diff)
		}
	})
}

func FuzzCreatedTime(f *testing.F) {
	for _, s := range []string{"2026-06-01T10:00:00Z", "2026-06-01 10:00:00.5-05:00", "2026-06-01", "next tuesday", ""} {
		f.Add(s)
	}
	s := &Sweeper{m: Mapping{Table: "t", Created: "created_at"}, cfg: config{loc: time.UTC}}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := s.createdTime(in)
		if err != nil {
			// Fixed messages, whatever the input: they never quote the value.
			switch err.Error() {
			case "piisql: table t, column created_at: creation time: text in no known layout",
				"piisql: table t, column created_at: creation time: a time outside the years 1 to 9999":
			default:
				t.Fatalf("error %q, not one of the fixed messages", err)
			}
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("createdTime(%q) in %v, want the sweeper's location", in, got.Location())
		}
	})
}

// A key column that the table does not declare unique (a primary key, or a unique index of
// that column alone) is refused at New: a batch clears rows by key, and one key of two rows
// stopped every sweep with "a statement changed 3 rows, not the 2 it locked".
func TestKeyNotUnique(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		tests := []struct {
			name, decl string
			err        error
		}{
			{"no index", "id BIGINT", ErrKeyNotUnique},
			{"unique", "id BIGINT UNIQUE", nil},
			{"primary key", "id BIGINT PRIMARY KEY", nil},
			{"unique with another column", "id BIGINT, UNIQUE (id, sender)", ErrKeyNotUnique},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				table := fmt.Sprintf("%s_u%d", d.table(t), i)
				d.exec(t, "CREATE TABLE "+table+" (created_at "+d.tsType+" NOT NULL, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT, "+tt.decl+")")
				t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
				_, err := New[message](ctx, d.db, d.dialect, table, "id")
				if !errors.Is(err, tt.err) {
					t.Fatalf("error %v, want %v", err, tt.err)
				}
				if err != nil && !strings.Contains(err.Error(), "column id") {
					t.Errorf("error %q does not name column id", err)
				}
			})
		}
	})
}

// A row whose key is NULL (a UNIQUE key column allows it) cannot be named, held or
// updated by key: it is left alone and counted, and the rest of the table is swept. It
// stopped every sweep of the table with "key is neither an integer nor a string".
func TestNullKey(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t) + "_nk"
		d.exec(t, "CREATE TABLE "+table+" (id BIGINT UNIQUE, created_at "+d.tsType+" NOT NULL, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		d.insert(t, table, 1, day(0))
		d.insert(t, table, 2, day(0))
		d.exec(t, "INSERT INTO "+table+" (created_at, sender) VALUES (?, 'a@example.com')", day(0).UTC())
		s := d.sweeper(t, d.db, table, WithBatchSize(1))
		r, err := s.Sweep(ctx, day(30))
		if err != nil {
			t.Fatal(err)
		}
		if r.NoKey != 1 || r.Cleared["sender"] != 2 {
			t.Errorf("NoKey %d, senders cleared %d; want 1 and 2:\n%s", r.NoKey, r.Cleared["sender"], r)
		}
		if want := ", 1 without a key"; !strings.Contains(r.String(), want) {
			t.Errorf("report %q does not say %q", r, want)
		}
	})
}

// A key of a padded type (PostgreSQL's char(n)) on a row whose columns are already
// cleared: its deletion request is still carried out (the row deleted, the request closed),
// and its hold still holds. The bookkeeping kept the key padded as the driver gave it and a
// batch looked for it unpadded, as the database writes it as text: the row was never taken.
func TestPaddedKeys(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t) + "_ck"
		d.exec(t, "CREATE TABLE "+table+" (ref CHAR(6) PRIMARY KEY, opened "+d.tsType+" NOT NULL, contact TEXT)")
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		for _, ref := range []string{"T-1", "T-2"} {
			d.exec(t, "INSERT INTO "+table+" VALUES (?, ?, 'x@example.com')", ref, day(0).UTC())
		}
		s := must(t)(New[ticket](ctx, d.db, d.dialect, table, "ref", WithDeleteRows()))
		if err := s.PlaceHold(ctx, "T-2", "litigation", day(1)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Sweep(ctx, day(40)); err != nil {
			t.Fatal(err)
		}
		for _, ref := range []string{"T-1", "T-2"} {
			if err := s.RequestDeletion(ctx, ref, day(41)); err != nil {
				t.Fatal(err)
			}
		}
		r, err := s.Sweep(ctx, day(42))
		if err != nil {
			t.Fatal(err)
		}
		if r.Deleted != 1 || r.Held != 1 {
			t.Errorf("deleted %d, held %d; want 1 and 1:\n%s", r.Deleted, r.Held, r)
		}
	})
}
