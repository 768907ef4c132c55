package piisql

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Rows of mixed ages: each column goes when its own TTL has run out, and only then.
func TestSweepMixedAges(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		table := d.table(t)
		ages := []int{0, 29, 30, 89, 90, 364, 365, 400}
		now := day(400)
		for i, age := range ages {
			d.insert(t, table, int64(i+1), now.AddDate(0, 0, -age))
		}
		s := d.sweeper(t, d.db, table, WithBatchSize(3))
		ctx := context.Background()

		dry, err := s.DryRun(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		wantCleared := map[string]int{"sender": 6, "body": 4, "phone": 2}
		if diff := cmp.Diff(wantCleared, dry.Cleared); diff != "" {
			t.Errorf("dry run cleared (-want +got):\n%s", diff)
		}
		all := state{true, true, true}
		untouched := map[int64]state{1: all, 2: all, 3: all, 4: all, 5: all, 6: all, 7: all, 8: all}
		if diff := cmp.Diff(untouched, d.states(t, table)); diff != "" {
			t.Errorf("a dry run changed rows (-want +got):\n%s", diff)
		}
		if got := d.auditTotals(t, table); len(got) != 0 {
			t.Errorf("a dry run wrote the audit trail: %v", got)
		}

		r, err := s.Sweep(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(wantCleared, r.Cleared); diff != "" {
			t.Errorf("cleared (-want +got):\n%s", diff)
		}
		want := map[int64]state{
			1: all, 2: all, // 0 and 29 days: nothing due
			3: {false, true, true}, 4: {false, true, true}, // 30, 89: sender's 30 days are up
			5: {false, false, true}, 6: {false, false, true}, // 90, 364: body's 90 too
			7: {false, false, false}, 8: {false, false, false}, // 365, 400: everything
		}
		if diff := cmp.Diff(want, d.states(t, table)); diff != "" {
			t.Errorf("rows after the sweep (-want +got):\n%s", diff)
		}
		wantAudit := map[string]int{"sender ttl": 6, "body ttl": 4, "phone ttl": 2}
		if diff := cmp.Diff(wantAudit, d.auditTotals(t, table)); diff != "" {
			t.Errorf("audit trail (-want +got):\n%s", diff)
		}

		again, err := s.Sweep(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]int{}, again.Cleared); diff != "" {
			t.Errorf("a second sweep cleared again (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(wantAudit, d.auditTotals(t, table)); diff != "" {
			t.Errorf("a second sweep changed the audit trail (-want +got):\n%s", diff)
		}
	})
}

// A row created after the sweep's now is left alone and counted; the rest is swept.
func TestSweepFutureRow(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		table := d.table(t)
		now := day(400)
		for i := int64(1); i <= 10; i++ {
			created := now.AddDate(0, 0, -100)
			if i == 5 {
				created = now.AddDate(0, 0, 1)
			}
			d.insert(t, table, i, created)
		}
		r, err := d.sweeper(t, d.db, table, WithBatchSize(3)).Sweep(context.Background(), now)
		if err != nil {
			t.Fatal(err)
		}
		if r.Future != 1 || r.Cleared["sender"] != 9 {
			t.Errorf("Future = %d, sender cleared %d; want 1 and 9:\n%s", r.Future, r.Cleared["sender"], r)
		}
	})
}

// A hold placed with a key written otherwise than the table holds it ("02" for 2) is
// honoured all the same.
func TestHoldKeyWrittenOtherwise(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		table := d.table(t)
		now := day(400)
		for i := int64(1); i <= 3; i++ {
			d.insert(t, table, i, now.AddDate(0, 0, -100))
		}
		s := d.sweeper(t, d.db, table)
		ctx := context.Background()
		if err := s.PlaceHold(ctx, "02", "litigation", now.AddDate(0, 0, -1)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Sweep(ctx, now); err != nil {
			t.Fatal(err)
		}
		if got := d.states(t, table)[2]; got != (state{true, true, true}) {
			t.Errorf("the held row was swept: %+v", got)
		}
		if err := s.LiftHold(ctx, " 2", now); err != nil && d.name == "sqlite" {
			t.Errorf("LiftHold(\" 2\") = %v", err)
		}
	})
}
