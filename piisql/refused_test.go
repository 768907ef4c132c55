package piisql

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Rows whose change the database refuses (a CHECK constraint, a trigger, a foreign key)
// or whose retention cannot be decided (a hold lifted before it was placed) are left as
// they were, in part where only a column is refused, and reported by key; the rest of the
// table is swept. One such row rolled its batch back and stopped every sweep of the table
// there, the rows after it never swept.
func TestSweepRefusedRows(t *testing.T) {
	all := state{true, true, true}
	tests := []struct {
		name string
		// setup refuses something of the table's six rows, created on day 0 and swept
		// in batches of 2 at day 400 (every column due), and returns the Sweeper's options.
		setup     func(t *testing.T, d *testDB, table string) []Option
		decl      string // the sender column's declaration
		want      map[int64]state
		cleared   map[string]int
		first     string // the first record left as it was
		why       string // what the error says of it
		failed    int
		requests  int // pending after the sweep
		deleted   int
		unchanged bool // the error's cause is none of the database's
	}{{
		name: "CHECK constraint",
		decl: "TEXT NOT NULL CHECK (sender <> '' OR id < 5)",
		want: map[int64]state{1: {}, 2: {}, 3: {}, 4: {}, 5: {Sender: true}, 6: {Sender: true}},
		// Rows 5 and 6: their sender refused, their body and phone cleared one by one.
		cleared: map[string]int{"sender": 4, "body": 6, "phone": 6},
		first:   "5", why: "clearing sender, body, phone of record 5: ", failed: 2,
	}, {
		name: "trigger",
		decl: "TEXT NOT NULL",
		setup: func(t *testing.T, d *testDB, table string) []Option {
			if d.dialect == SQLite {
				d.exec(t, "CREATE TRIGGER "+table+"_keep BEFORE UPDATE ON "+table+" WHEN NEW.id = 3 AND NEW.body IS NULL BEGIN SELECT RAISE(ABORT, 'kept'); END")
			} else {
				d.exec(t, "CREATE FUNCTION "+table+"_keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id = 3 AND NEW.body IS NULL THEN RAISE EXCEPTION 'kept'; END IF; RETURN NEW; END $$")
				d.exec(t, "CREATE TRIGGER keep BEFORE UPDATE ON "+table+" FOR EACH ROW EXECUTE FUNCTION "+table+"_keep()")
				t.Cleanup(func() { d.db.Exec("DROP FUNCTION " + table + "_keep() CASCADE") })
			}
			return nil
		},
		want:    map[int64]state{1: {}, 2: {}, 3: {Body: true}, 4: {}, 5: {}, 6: {}},
		cleared: map[string]int{"sender": 6, "body": 5, "phone": 6},
		first:   "3", why: "clearing sender, body, phone of record 3: ", failed: 1,
	}, {
		name:  "foreign key refusing a row's deletion",
		decl:  "TEXT NOT NULL",
		setup: referenced(""),
		// Row 1 deleted; row 2's columns cleared instead, its request left pending.
		want:    map[int64]state{2: {}, 3: {}, 4: {}, 5: {}, 6: {}},
		cleared: map[string]int{"sender": 5, "body": 5, "phone": 5},
		first:   "2", why: "deleting record 2: ", failed: 1, requests: 1, deleted: 1,
	}, {
		name:    "deferred foreign key, PostgreSQL",
		decl:    "TEXT NOT NULL",
		setup:   referenced(" DEFERRABLE INITIALLY DEFERRED"),
		want:    map[int64]state{2: {}, 3: {}, 4: {}, 5: {}, 6: {}},
		cleared: map[string]int{"sender": 5, "body": 5, "phone": 5},
		first:   "2", why: "deleting record 2: ", failed: 1, requests: 1, deleted: 1,
	}, {
		// A deferred constraint trigger fails the COMMIT with the SQLSTATE its RAISE
		// gives (P0001), not one of class 23: the batch stopped every sweep there.
		name: "deferred constraint trigger, PostgreSQL",
		decl: "TEXT NOT NULL",
		setup: func(t *testing.T, d *testDB, table string) []Option {
			if d.dialect == SQLite {
				t.Skip("SQLite has no deferred triggers")
			}
			d.exec(t, "CREATE FUNCTION "+table+"_keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD.id = 2 THEN RAISE EXCEPTION 'kept'; END IF; RETURN NULL; END $$")
			d.exec(t, "CREATE CONSTRAINT TRIGGER keep AFTER DELETE ON "+table+" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "+table+"_keep()")
			t.Cleanup(func() { d.db.Exec("DROP FUNCTION " + table + "_keep() CASCADE") })
			s := d.sweeper(t, d.db, table)
			for _, id := range []int64{1, 2} {
				if err := s.RequestDeletion(context.Background(), id, day(1)); err != nil {
					t.Fatal(err)
				}
			}
			return []Option{WithDeleteRows()}
		},
		want:    map[int64]state{2: {}, 3: {}, 4: {}, 5: {}, 6: {}},
		cleared: map[string]int{"sender": 5, "body": 5, "phone": 5},
		first:   "2", why: "deleting record 2: ", failed: 1, requests: 1, deleted: 1,
	}, {
		name: "hold lifted before it was placed",
		decl: "TEXT NOT NULL",
		setup: func(t *testing.T, d *testDB, table string) []Option {
			d.exec(t, "INSERT INTO pii_holds (table_name, record_key, reason, placed_at, lifted_at) VALUES (?, '4', 'litigation', ?, ?)",
				table, day(10).UTC(), day(5).UTC())
			return nil
		},
		want:    map[int64]state{1: {}, 2: {}, 3: {}, 4: all, 5: {}, 6: {}},
		cleared: map[string]int{"sender": 5, "body": 5, "phone": 5},
		first:   "4", why: "deciding its retention: ", failed: 1, unchanged: true,
	}}
	forEachDB(t, func(t *testing.T, d *testDB) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ctx := context.Background()
				table := d.table(t) + "_r"
				d.exec(t, `CREATE TABLE `+table+` (id `+d.idType+`, created_at `+d.tsType+` NOT NULL,
					sender `+tt.decl+`, body TEXT, phone TEXT, topic TEXT)`)
				t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
				for id := int64(1); id <= 6; id++ {
					d.insert(t, table, id, day(0))
				}
				db := d.db
				if d.dialect == SQLite {
					db = openDB(t, "sqlite", d.path+"?_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)")
				}
				var opts []Option
				if tt.setup != nil {
					opts = tt.setup(t, d, table)
				}
				s := d.sweeper(t, db, table, append(opts, WithBatchSize(2))...)
				r, err := s.Sweep(ctx, day(400))
				want := "piisql: sweep of table " + table + ": rows left as they were (" + string(rune('0'+tt.failed)) + "), the first record " + tt.first + ": " + tt.why
				if !errors.Is(err, ErrRowFailed) || !strings.HasPrefix(err.Error(), want) {
					t.Errorf("error %v, want ErrRowFailed beginning %q", err, want)
				}
				if r.Failed != tt.failed || r.Batches != 3 || r.Deleted != tt.deleted {
					t.Errorf("%d failed, %d batches, %d deleted; want %d, 3, %d:\n%s", r.Failed, r.Batches, r.Deleted, tt.failed, tt.deleted, r)
				}
				if diff := cmp.Diff(tt.cleared, r.Cleared); diff != "" {
					t.Errorf("cleared (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tt.want, d.states(t, table)); diff != "" {
					t.Errorf("rows (-want +got):\n%s", diff)
				}
				audit := map[string]int{}
				for c, n := range tt.cleared {
					audit[c+" ttl"] = n
				}
				if tt.deleted > 0 {
					audit["* row-deleted"] = tt.deleted
				}
				if diff := cmp.Diff(audit, d.auditTotals(t, table)); diff != "" {
					t.Errorf("audit trail (-want +got):\n%s", diff)
				}
				pending := 0
				for _, q := range r.Requests {
					if !q.Done {
						pending++
					}
				}
				if pending != tt.requests {
					t.Errorf("%d requests pending, want %d: %v", pending, tt.requests, r.Requests)
				}
				// A second sweep finds the same rows and leaves them so, changing nothing.
				again, err := s.Sweep(ctx, day(400))
				if !errors.Is(err, ErrRowFailed) || again.Failed != tt.failed || len(again.Cleared)+again.Deleted != 0 && tt.deleted == 0 {
					t.Errorf("second sweep: %v, %d failed, cleared %v", err, again.Failed, again.Cleared)
				}
			})
		}
	})
}

// Under WithAnonymizeOnPurge a value whose pseudonym the database refuses is left as it
// was, and not recorded as anonymised; the row's other columns and the other rows are
// anonymised.
func TestAnonymizeRefusedRows(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t) + "_ar"
		d.exec(t, `CREATE TABLE `+table+` (id `+d.idType+`, created_at `+d.tsType+` NOT NULL,
			sender TEXT NOT NULL CHECK (sender LIKE 'user%' OR id < 5), body TEXT, phone TEXT, topic TEXT)`)
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		for id := int64(1); id <= 6; id++ {
			d.insert(t, table, id, day(0))
		}
		s := d.sweeper(t, d.db, table, WithPolicy(testPolicy(t)), WithAnonymizeOnPurge(), WithBatchSize(4))
		r, err := s.Sweep(ctx, day(400))
		if !errors.Is(err, ErrRowFailed) || r.Failed != 2 {
			t.Fatalf("%d failed, error %v; want 2, ErrRowFailed", r.Failed, err)
		}
		if diff := cmp.Diff(map[string]int{"sender": 4, "body": 6, "phone": 6}, r.Anonymized); diff != "" {
			t.Errorf("anonymised (-want +got):\n%s", diff)
		}
		var kept int
		if err := d.db.QueryRow("SELECT COUNT(*) FROM " + table + " WHERE sender LIKE 'user%@example.com'").Scan(&kept); err != nil || kept != 2 {
			t.Errorf("%d senders kept (%v), want 2", kept, err)
		}
		q := "SELECT COUNT(*) FROM pii_anonymized WHERE table_name = ? AND column_name = 'sender'"
		if d.dialect == PostgreSQL {
			q = dollars(q)
		}
		var recorded int
		if err := d.db.QueryRow(q, table).Scan(&recorded); err != nil || recorded != 4 {
			t.Errorf("%d senders recorded as anonymised (%v), want 4", recorded, err)
		}
	})
}

// referenced is the setup of a table whose row 2 another table references, by a foreign
// key of the given clauses, and whose rows 1 and 2 have deletion requests.
func referenced(clauses string) func(t *testing.T, d *testDB, table string) []Option {
	return func(t *testing.T, d *testDB, table string) []Option {
		if clauses != "" && d.dialect == SQLite {
			t.Skip("SQLite cannot make a deferred constraint immediate: its COMMIT still fails the batch")
		}
		d.exec(t, "CREATE TABLE "+table+"_ref (id INTEGER PRIMARY KEY, message BIGINT REFERENCES "+table+" (id)"+clauses+")")
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table + "_ref") })
		d.exec(t, "INSERT INTO "+table+"_ref VALUES (1, 2)")
		s := d.sweeper(t, d.db, table)
		for _, id := range []int64{1, 2} {
			if err := s.RequestDeletion(context.Background(), id, day(1)); err != nil {
				t.Fatal(err)
			}
		}
		return []Option{WithDeleteRows()}
	}
}
