package piisql

import (
	"context"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Three sweepers on separate connections sweep one table of rows of mixed ages, held rows
// and deletion requests at once, deleting rows: every value is cleared once, every row
// deleted once, every request closed once, the audit trail counts each once, and the held
// rows are untouched, whatever the interleaving.
func TestConcurrentSweepersMixed(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		const n = 900
		// Row i is created on day 500, 400 or 300 (by i%3), swept on day 600: its sender and
		// body are due, its phone not.
		ins := "INSERT INTO " + table + " (id, created_at, sender, body, phone) VALUES (?, ?, 'a@example.com', 'x', '+1 202 555 0100')"
		if d.dialect == PostgreSQL {
			ins = dollars(ins)
		}
		tx, err := d.db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		for id := int64(1); id <= n; id++ {
			if _, err := tx.Exec(ins, id, day(500-int(id%3)*100)); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		setup := d.sweeper(t, d.db, table)
		held, requested := 0, 0
		for id := int64(1); id <= n; id++ {
			switch id % 10 {
			case 1:
				if err := setup.PlaceHold(ctx, id, "litigation", day(550)); err != nil {
					t.Fatal(err)
				}
				held++
			case 2:
				if err := setup.RequestDeletion(ctx, id, day(500)); err != nil {
					t.Fatal(err)
				}
				requested++
			}
		}
		var sweepers []*Sweeper
		for range 3 {
			sweepers = append(sweepers, d.sweeper(t, d.open(t), table, WithBatchSize(25), WithDeleteRows()))
		}
		reports := make([]Report, len(sweepers))
		errs := make([]error, len(sweepers))
		var wg sync.WaitGroup
		for i, s := range sweepers {
			wg.Go(func() { reports[i], errs[i] = s.Sweep(ctx, day(600)) })
		}
		wg.Wait()
		cleared := map[string]int{}
		deleted, done := 0, 0
		for i, r := range reports {
			if errs[i] != nil {
				t.Fatalf("sweeper %d: %v", i, errs[i])
			}
			for c, k := range r.Cleared {
				cleared[c] += k
			}
			deleted += r.Deleted
			for _, q := range r.Requests {
				if q.Done {
					done++
				}
			}
		}
		wantCleared := map[string]int{}
		wantAudit := map[string]int{"* row-deleted": requested}
		for id := int64(1); id <= n; id++ {
			if id%10 == 1 || id%10 == 2 {
				continue
			}
			wantCleared["sender"]++
			wantCleared["body"]++
		}
		for c, k := range wantCleared {
			wantAudit[c+" ttl"] = k
		}
		if diff := cmp.Diff(wantCleared, cleared); diff != "" {
			t.Errorf("cleared (-want +got):\n%s", diff)
		}
		if deleted != requested || done != requested {
			t.Errorf("%d rows deleted and %d requests done, want %d of each", deleted, done, requested)
		}
		if diff := cmp.Diff(wantAudit, d.auditTotals(t, table)); diff != "" {
			t.Errorf("audit trail (-want +got):\n%s", diff)
		}
		states := d.states(t, table)
		if len(states) != n-requested {
			t.Errorf("%d rows left, want %d", len(states), n-requested)
		}
		for id := int64(1); id <= n; id += 10 {
			if states[id] != (state{true, true, true}) {
				t.Errorf("held row %d: %+v, want untouched", id, states[id])
			}
		}
		q := "SELECT COUNT(*) FROM pii_requests WHERE table_name = ? AND done_at IS NULL"
		if d.dialect == PostgreSQL {
			q = dollars(q)
		}
		var pending int
		if err := d.db.QueryRow(q, table).Scan(&pending); err != nil || pending != 0 {
			t.Errorf("%d requests pending (error %v), want 0", pending, err)
		}
	})
}
