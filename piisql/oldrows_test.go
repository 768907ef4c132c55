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

// oldRow is a row of a bookkeeping table as an earlier version wrote it.
type oldRow struct {
	table, name, key string
}

// writeOld writes a hold, a request or a record of anonymisation (of column sender) as an
// earlier version did, under the table's name and the key given.
func (d *testDB) writeOld(t testing.TB, r oldRow, at time.Time) {
	t.Helper()
	switch r.table {
	case "pii_holds":
		d.exec(t, "INSERT INTO pii_holds (table_name, record_key, reason, placed_at) VALUES (?, ?, 'litigation', ?)", r.name, r.key, at.UTC())
	case "pii_requests":
		d.exec(t, "INSERT INTO pii_requests (table_name, record_key, requested_at) VALUES (?, ?, ?)", r.name, r.key, at.UTC())
	case "pii_anonymized":
		d.exec(t, "INSERT INTO pii_anonymized (table_name, record_key, column_name, anonymized_at) VALUES (?, ?, 'sender', ?)", r.name, r.key, at.UTC())
	}
}

// Holds, requests and records of anonymisation that earlier versions wrote under the
// table's name as it was given to New ("public.messages"; on SQLite "MESSAGES" or
// "main.messages") are matched: Migrate or the sweep rewrites them to the one name the
// bookkeeping tables now use, and a dry run, which writes nothing, refuses to count
// without them. They were passed over: the held row was cleared, the request never
// carried out, the anonymised value anonymised again.
func TestOldTableNames(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		for _, migrate := range []bool{true, false} {
			t.Run(fmt.Sprintf("migrate=%v", migrate), func(t *testing.T) {
				ctx := context.Background()
				table := d.table(t)
				for id := int64(1); id <= 4; id++ {
					d.insert(t, table, id, day(0))
				}
				s := d.sweeper(t, d.db, table, WithPolicy(testPolicy(t)), WithAnonymizeOnPurge())
				old := []string{"public." + table, "public." + table, "public." + table}
				if d.dialect == SQLite {
					old = []string{strings.ToUpper(table), "main." + table, "Main." + strings.ToUpper(table)}
				}
				d.writeOld(t, oldRow{"pii_holds", old[0], "1"}, day(1))
				d.writeOld(t, oldRow{"pii_requests", old[1], "2"}, day(1))
				d.writeOld(t, oldRow{"pii_anonymized", old[2], "3"}, day(31))
				// One of this version too, earlier: merged into one, of the later time.
				d.writeOld(t, oldRow{"pii_anonymized", table, "3"}, day(30).Add(-time.Hour))
				d.exec(t, "UPDATE "+table+" SET sender = 'anonymised@example.com' WHERE id = 3")
				if _, err := s.DryRun(ctx, day(40)); !errors.Is(err, ErrNotMigrated) || !strings.Contains(err.Error(), "3 rows") {
					t.Errorf("dry run before the rows are rewritten: %v, want ErrNotMigrated naming 3 rows", err)
				}
				if migrate {
					if err := s.Migrate(ctx); err != nil {
						t.Fatal(err)
					}
					if _, err := s.DryRun(ctx, day(40)); err != nil {
						t.Errorf("dry run after Migrate: %v", err)
					}
				}
				r, err := s.Sweep(ctx, day(40))
				if err != nil {
					t.Fatal(err)
				}
				// 1 held; 2 cleared by its request (its MTLs, 7 and 30 days from creation, are
				// over); 3's sender already anonymised; 4's sender anonymised now.
				if r.Held != 1 {
					t.Errorf("held %d, want 1", r.Held)
				}
				if diff := cmp.Diff(map[string]int{"sender": 1}, r.Anonymized); diff != "" {
					t.Errorf("anonymised (-want +got):\n%s", diff)
				}
				wantReq := []RequestStatus{{Key: "2", Requested: day(1), DeletedAt: day(30), GoneBy: day(31), Done: true}}
				if diff := cmp.Diff(wantReq, r.Requests, cmpopts.IgnoreUnexported(RequestStatus{})); diff != "" {
					t.Errorf("requests (-want +got):\n%s", diff)
				}
				var sender string
				if err := d.db.QueryRow("SELECT sender FROM " + table + " WHERE id = 3").Scan(&sender); err != nil || sender != "anonymised@example.com" {
					t.Errorf("row 3's sender %q (%v), want it as it was", sender, err)
				}
				if err := s.LiftHold(ctx, 1, day(41)); err != nil {
					t.Errorf("LiftHold of the old hold: %v", err)
				}
				q := "SELECT COUNT(*), MAX(anonymized_at) FROM pii_anonymized WHERE table_name = ? AND record_key = '3'"
				if d.dialect == PostgreSQL {
					q = dollars(q)
				}
				var n int
				var at storedTime
				if err := d.db.QueryRow(q, table).Scan(&n, &at); err != nil || n != 1 || !at.t.Equal(day(31)) {
					t.Errorf("record 3: %d records of anonymisation (%v), the last %v; want 1 of %v", n, err, at.t, day(31))
				}
			})
		}
	})
}

// On PostgreSQL, a table outside public given to New without its schema was written
// without it: such rows are this table's when no other schema has a table of its name,
// and are left as they are when one does (they could be either's).
func TestOldUnqualifiedNames(t *testing.T) {
	d := pgDB(t)
	if d == nil {
		t.Skip("PII_PG_DSN is not set: the PostgreSQL tests need a server (./ci starts one)")
	}
	ctx := context.Background()
	for _, shared := range []bool{false, true} {
		t.Run(fmt.Sprintf("shared=%v", shared), func(t *testing.T) {
			schema := fmt.Sprintf("old_%d", time.Now().UnixNano())
			name := "msgs_" + schema
			d.exec(t, "CREATE SCHEMA "+schema)
			t.Cleanup(func() { d.db.Exec("DROP SCHEMA " + schema + " CASCADE") })
			d.exec(t, "CREATE TABLE "+schema+"."+name+" (id BIGINT PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
			if shared {
				d.exec(t, "CREATE TABLE public."+name+" (id BIGINT PRIMARY KEY)")
				t.Cleanup(func() { d.db.Exec("DROP TABLE public." + name) })
			}
			t.Cleanup(func() { d.db.Exec("DELETE FROM pii_holds WHERE table_name = $1", name) })
			d.insert(t, schema+"."+name, 1, day(0))
			s := d.sweeper(t, d.db, schema+"."+name)
			d.writeOld(t, oldRow{"pii_holds", name, "1"}, day(1))
			r, err := s.Sweep(ctx, day(40))
			if err != nil {
				t.Fatal(err)
			}
			if want := map[bool]int{false: 1, true: 0}[shared]; r.Held != want {
				t.Errorf("held %d, want %d", r.Held, want)
			}
		})
	}
}

// On PostgreSQL, keys of a char(n) column that earlier versions wrote with their padding
// ("T-1   ") are matched: a hold holds, a request is carried out, a column anonymised is
// not anonymised again.
func TestOldPaddedKeys(t *testing.T) {
	d := pgDB(t)
	if d == nil {
		t.Skip("PII_PG_DSN is not set: the PostgreSQL tests need a server (./ci starts one)")
	}
	ctx := context.Background()
	table := d.table(t) + "_op"
	d.exec(t, "CREATE TABLE "+table+" (id CHAR(6) PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
	t.Cleanup(func() {
		d.db.Exec("DROP TABLE " + table)
		for _, bk := range recordTables {
			d.db.Exec("DELETE FROM "+bk+" WHERE table_name = $1", table)
		}
	})
	for i := 1; i <= 4; i++ {
		d.exec(t, "INSERT INTO "+table+" (id, created_at, sender, body, phone) VALUES (?, ?, 'a@example.com', 'x', '+44 20 7946 0000')",
			fmt.Sprintf("T-%d", i), day(0).UTC())
	}
	type row struct {
		ID      string    `db:"id" pii:"no"`
		Created time.Time `db:"created_at" pii:"no,created"`
		Sender  string    `pii:"email,ttl=30"`
		Body    *string   `pii:"true,mtl=7,ttl=90"`
		Phone   *string   `pii:"phone,mtl=30,ttl=365"`
	}
	s := must(t)(New[row](ctx, d.db, PostgreSQL, table, "id", WithPolicy(testPolicy(t)), WithAnonymizeOnPurge()))
	d.writeOld(t, oldRow{"pii_holds", table, "T-1   "}, day(1))
	d.writeOld(t, oldRow{"pii_requests", table, "T-2   "}, day(1))
	d.writeOld(t, oldRow{"pii_anonymized", table, "T-3   "}, day(31))
	// One already rewritten by a sweep of this version: merged, not duplicated.
	d.writeOld(t, oldRow{"pii_anonymized", table, "T-3"}, day(32))
	r, err := s.Sweep(ctx, day(40))
	if err != nil {
		t.Fatal(err)
	}
	if r.Held != 1 || r.Anonymized["sender"] != 1 || len(r.Requests) != 1 || !r.Requests[0].Done {
		t.Errorf("held %d, anonymised %v, requests %v; want 1, sender 1, T-2's done:\n%s", r.Held, r.Anonymized, r.Requests, r)
	}
	var n int
	var at time.Time
	if err := d.db.QueryRow("SELECT COUNT(*), MAX(anonymized_at) FROM pii_anonymized WHERE table_name = $1 AND record_key LIKE 'T-3%'", table).Scan(&n, &at); err != nil {
		t.Fatal(err)
	}
	if n != 1 || !at.Equal(day(32)) {
		t.Errorf("T-3 has %d records of anonymisation, the last %v; want 1 of %v", n, at, day(32))
	}
}

// SQLite reads column names in any case: a record of anonymisation of SENDER (written
// through a mapping that named the column so) is one of sender, and its value is not
// anonymised again (a pseudonym of a pseudonym).
func TestAnonymizedColumnInAnyCaseSQLite(t *testing.T) {
	d := sqliteDB(t)
	ctx := context.Background()
	table := d.table(t)
	d.insert(t, table, 1, day(0))
	d.insert(t, table, 2, day(0))
	s := d.sweeper(t, d.db, table, WithPolicy(testPolicy(t)), WithAnonymizeOnPurge())
	d.exec(t, "INSERT INTO pii_anonymized (table_name, record_key, column_name, anonymized_at) VALUES (?, '1', 'SENDER', ?)", table, day(31).UTC())
	r, err := s.Sweep(ctx, day(40))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"sender": 1}, r.Anonymized); diff != "" {
		t.Errorf("anonymised (-want +got):\n%s", diff)
	}
}
