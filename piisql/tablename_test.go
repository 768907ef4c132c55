package piisql

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// One table named two ways (its default schema spelt out, or on SQLite, which reads names
// in any case, in capitals): a hold placed through one Sweeper stops the sweep of the
// other, and a request filed through one is carried out by the other, because the
// bookkeeping tables name the table one way.
func TestTableSpellings(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		spellings := []string{"public." + table}
		if d.dialect == SQLite {
			spellings = []string{"main." + table, strings.ToUpper(table), "MAIN." + strings.ToUpper(table)}
		}
		for _, other := range spellings {
			t.Run(other, func(t *testing.T) {
				d.exec(t, "DELETE FROM "+table)
				d.insert(t, table, 1, day(0))
				d.insert(t, table, 2, day(0))
				s := d.sweeper(t, d.db, table)
				if err := s.PlaceHold(ctx, 1, "litigation", day(1)); err != nil {
					t.Fatal(err)
				}
				o := d.sweeper(t, d.db, other)
				if err := o.RequestDeletion(ctx, 2, day(1)); err != nil {
					t.Fatal(err)
				}
				r, err := o.Sweep(ctx, day(100))
				if err != nil {
					t.Fatal(err)
				}
				if r.Held != 1 {
					t.Errorf("sweep of %s: held %d, want 1 (the hold placed through %s)", other, r.Held, table)
				}
				r, err = s.Sweep(ctx, day(100))
				if err != nil {
					t.Fatal(err)
				}
				if len(r.Requests) != 0 {
					t.Errorf("sweep of %s: requests %v left, want the one filed through %s carried out", table, r.Requests, other)
				}
				want := map[int64]state{1: {true, true, true}, 2: {}}
				if diff := cmp.Diff(want, d.states(t, table)); diff != "" {
					t.Errorf("rows (-want +got):\n%s", diff)
				}
				if err := s.LiftHold(ctx, 1, day(100)); err != nil {
					t.Fatal(err)
				}
			})
		}
	})
}

// SQLite reads column names in any case: a table declared with ID and Sender is swept
// through a type whose columns are id and sender.
func TestColumnNamesInAnyCaseSQLite(t *testing.T) {
	d := sqliteDB(t)
	d.exec(t, `CREATE TABLE caps (ID INTEGER PRIMARY KEY, Created_At TIMESTAMP NOT NULL, SENDER TEXT NOT NULL, Body TEXT, Phone TEXT, Topic TEXT)`)
	d.insert(t, "caps", 1, day(0))
	r, err := d.sweeper(t, d.db, "caps").Sweep(context.Background(), day(400))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"sender": 1, "body": 1, "phone": 1}, r.Cleared); diff != "" {
		t.Errorf("cleared (-want +got):\n%s", diff)
	}
}
