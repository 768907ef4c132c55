package piisql

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A table of 10,000 rows swept in batches of several sizes, with holds and a request
// among them: the counts are exact, each batch takes at most its size, and a second sweep
// finds nothing left to do.
func TestSweepTenThousand(t *testing.T) {
	const n = 10_000
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		for _, size := range []int{1000, 997, MaxBatchSize} {
			table := d.table(t)
			d.fill(t, table, n)
			var batches []Batch
			s := d.sweeper(t, d.db, table, WithBatchSize(size), WithProgress(func(b Batch) { batches = append(batches, b) }))
			// Row 5 (created day 5) is held; row 6 (day 6) asked for deletion on day 7.
			if err := s.PlaceHold(ctx, 5, "litigation", day(10)); err != nil {
				t.Fatal(err)
			}
			if err := s.RequestDeletion(ctx, 6, day(7)); err != nil {
				t.Fatal(err)
			}
			now := day(400)
			want := map[string]int{}
			for g := 1; g <= n; g++ {
				if g == 5 {
					continue
				}
				age := 400 - g%400
				if age >= 30 || g == 6 {
					want["sender"]++
				}
				if age >= 90 || g == 6 {
					want["body"]++
				}
				if age >= 365 || g == 6 {
					want["phone"]++
				}
			}
			r, err := s.Sweep(ctx, now)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, r.Cleared); diff != "" {
				t.Errorf("batches of %d: cleared (-want +got):\n%s", size, diff)
			}
			wantBatches := (n + size - 1) / size
			if r.Rows != n || r.Batches != wantBatches || r.Held != 1 || len(batches) != wantBatches {
				t.Errorf("batches of %d: %d rows, %d batches (%d reported), %d held; want %d, %d, 1",
					size, r.Rows, r.Batches, len(batches), r.Held, n, wantBatches)
			}
			sum := 0
			for _, b := range batches {
				if b.Rows > size {
					t.Errorf("batch %d took %d rows, more than %d", b.Number, b.Rows, size)
				}
				sum += b.Cleared
			}
			if total := want["sender"] + want["body"] + want["phone"]; sum != total {
				t.Errorf("batches of %d: the batches cleared %d values, want %d", size, sum, total)
			}
			again, err := s.Sweep(ctx, now)
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Cleared) != 0 || len(again.Requests) != 0 {
				t.Errorf("batches of %d: a second sweep cleared %v, requests %v", size, again.Cleared, again.Requests)
			}
		}
	})
}
