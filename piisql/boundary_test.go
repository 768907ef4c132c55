package piisql

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Deadlines to the nanosecond: a TTL, an MTL under a deletion request, and a TTL pushed
// back by a lifted hold each clear nothing a nanosecond before their instant, and clear
// at it and after it.
func TestDeadlinesToTheNanosecond(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		tests := []struct {
			name     string
			setup    func(s *Sweeper) error
			deadline time.Time
			before   state // the row a nanosecond before the deadline
			after    state // at it, and after it
		}{
			{"sender's TTL", func(*Sweeper) error { return nil }, day(30), state{true, true, true}, state{false, true, true}},
			{"body's MTL under a request", func(s *Sweeper) error { return s.RequestDeletion(ctx, 1, day(1)) },
				day(7), state{false, true, true}, state{false, false, true}},
			{"sender's TTL after a hold of 2 days", func(s *Sweeper) error {
				if err := s.PlaceHold(ctx, 1, "litigation", day(10)); err != nil {
					return err
				}
				return s.LiftHold(ctx, 1, day(12))
			}, day(32), state{true, true, true}, state{false, true, true}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				for _, at := range []time.Duration{-time.Nanosecond, 0, time.Nanosecond} {
					table := d.table(t)
					d.insert(t, table, 1, day(0))
					s := d.sweeper(t, d.db, table)
					if err := tt.setup(s); err != nil {
						t.Fatal(err)
					}
					if _, err := s.Sweep(ctx, tt.deadline.Add(at)); err != nil {
						t.Fatal(err)
					}
					want := tt.after
					if at < 0 {
						want = tt.before
					}
					if diff := cmp.Diff(map[int64]state{1: want}, d.states(t, table)); diff != "" {
						t.Errorf("%v from the deadline (-want +got):\n%s", at, diff)
					}
				}
			})
		}
	})
}
