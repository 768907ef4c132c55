package piisql

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A sweep stopped between batches and run again: what the first run did stays done and
// is counted once, and the second run does the rest.
func TestSweepStoppedAndRerun(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		table := d.table(t)
		for id := int64(1); id <= 20; id++ {
			d.insert(t, table, id, day(0))
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s := d.sweeper(t, d.db, table, WithBatchSize(3), WithProgress(func(b Batch) {
			if b.Number == 2 {
				cancel() // the process is killed after its second batch
			}
		}))
		r, err := s.Sweep(ctx, day(400))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error %v, want one wrapping context.Canceled", err)
		}
		first := map[string]int{"sender": 6, "body": 6, "phone": 6}
		if diff := cmp.Diff(first, r.Cleared); diff != "" || r.Batches != 2 {
			t.Errorf("stopped sweep: %d batches, cleared (-want +got):\n%s", r.Batches, diff)
		}
		states := d.states(t, table)
		for id := int64(1); id <= 20; id++ {
			if want := (state{}); id > 6 {
				want = state{true, true, true}
				if states[id] != want {
					t.Errorf("row %d after the stopped sweep: %+v, want untouched", id, states[id])
				}
			} else if states[id] != want {
				t.Errorf("row %d after the stopped sweep: %+v, want cleared", id, states[id])
			}
		}

		r, err = s.Sweep(context.Background(), day(400))
		if err != nil {
			t.Fatal(err)
		}
		rest := map[string]int{"sender": 14, "body": 14, "phone": 14}
		if diff := cmp.Diff(rest, r.Cleared); diff != "" || r.Rows != 14 {
			t.Errorf("second run: %d rows, cleared (-want +got):\n%s", r.Rows, diff)
		}
		wantAudit := map[string]int{"sender ttl": 20, "body ttl": 20, "phone ttl": 20}
		if diff := cmp.Diff(wantAudit, d.auditTotals(t, table)); diff != "" {
			t.Errorf("audit trail (-want +got):\n%s", diff)
		}
	})
}

// Two sweepers on separate connections (two machines) sweep one table at once: every row
// is examined by exactly one of them, and cleared and audited once.
func TestConcurrentSweepers(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		table := d.table(t)
		const n = 600
		tx, err := d.db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		ins := "INSERT INTO " + table + " (id, created_at, sender, body, phone) VALUES (?, ?, 'a@example.com', 'x', '+1 202 555 0100')"
		if d.dialect == PostgreSQL {
			ins = dollars(ins)
		}
		for id := int64(1); id <= n; id++ {
			if _, err := tx.Exec(ins, id, day(0)); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		sweepers := []*Sweeper{
			d.sweeper(t, d.open(t), table, WithBatchSize(20)),
			d.sweeper(t, d.open(t), table, WithBatchSize(20)),
		}
		reports := make([]Report, len(sweepers))
		errs := make([]error, len(sweepers))
		var wg sync.WaitGroup
		for i, s := range sweepers {
			wg.Go(func() { reports[i], errs[i] = s.Sweep(context.Background(), day(400)) })
		}
		wg.Wait()
		total := map[string]int{}
		rows := 0
		for i, r := range reports {
			if errs[i] != nil {
				t.Fatalf("sweeper %d: %v", i, errs[i])
			}
			rows += r.Rows
			for c, k := range r.Cleared {
				total[c] += k
			}
		}
		if rows != n {
			t.Errorf("the sweepers examined %d rows between them, want %d: some twice or not at all", rows, n)
		}
		if diff := cmp.Diff(map[string]int{"sender": n, "body": n, "phone": n}, total); diff != "" {
			t.Errorf("cleared (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(map[string]int{"sender ttl": n, "body ttl": n, "phone ttl": n}, d.auditTotals(t, table)); diff != "" {
			t.Errorf("audit trail (-want +got):\n%s", diff)
		}
		for id, st := range d.states(t, table) {
			if st != (state{}) {
				t.Errorf("row %d left with %+v", id, st)
			}
		}
		t.Logf("batches: %d and %d", reports[0].Batches, reports[1].Batches)
	})
}
