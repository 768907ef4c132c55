package piisql

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TTL and MTL edges across the start of daylight saving time in New York (8 March 2026):
// days are calendar days there, so a deadline keeps its wall-clock time and comes an hour
// sooner in elapsed time than n times 24 hours.
func TestSweepAcrossDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		created := time.Date(2026, 3, 1, 10, 0, 0, 0, ny) // 15:00 UTC
		// sender's TTL of 30 days ends 31 March 10:00 EDT, 14:00 UTC (30×24h is 15:00 UTC).
		ttlEnd := time.Date(2026, 3, 31, 14, 0, 0, 0, time.UTC)
		// body's MTL of 7 days ends 8 March 10:00 EDT, 14:00 UTC.
		mtlEnd := time.Date(2026, 3, 8, 14, 0, 0, 0, time.UTC)
		tests := []struct {
			name    string
			request bool
			now     time.Time
			want    state
		}{
			{"TTL a minute before its end", false, ttlEnd.Add(-time.Minute), state{true, true, true}},
			{"TTL at its end", false, ttlEnd, state{false, true, true}},
			{"MTL a minute before its end", true, mtlEnd.Add(-time.Minute), state{false, true, true}},
			{"MTL at its end", true, mtlEnd, state{false, false, true}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				table := d.table(t)
				d.insert(t, table, 1, created)
				s := d.sweeper(t, d.db, table, WithLocation(ny))
				if tt.request {
					if err := s.RequestDeletion(ctx, 1, created.Add(time.Hour)); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := s.Sweep(ctx, tt.now); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(map[int64]state{1: tt.want}, d.states(t, table)); diff != "" {
					t.Errorf("row (-want +got):\n%s", diff)
				}
			})
		}
	})
}

// A deletion request clears each column at once or when its MTL ends, closes when the
// last one goes, and reports when every copy is gone.
func TestDeletionRequest(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		for _, deleteRows := range []bool{false, true} {
			table := d.table(t)
			d.insert(t, table, 1, day(0))
			d.insert(t, table, 2, day(0))
			var opts []Option
			if deleteRows {
				opts = append(opts, WithDeleteRows())
			}
			s := d.sweeper(t, d.db, table, opts...)
			if err := s.RequestDeletion(ctx, int64(1), day(1)); err != nil {
				t.Fatal(err)
			}

			r, err := s.Sweep(ctx, day(2))
			if err != nil {
				t.Fatal(err)
			}
			// sender has no MTL and goes at once; body waits for day 7, phone for day 30.
			all := state{true, true, true}
			if diff := cmp.Diff(map[int64]state{1: {false, true, true}, 2: all}, d.states(t, table)); diff != "" {
				t.Errorf("day 2 (-want +got):\n%s", diff)
			}
			pending := RequestStatus{Key: "1", Requested: day(1), DeletedAt: day(30), GoneBy: day(31)}
			if diff := cmp.Diff([]RequestStatus{pending}, r.Requests, cmpopts.IgnoreUnexported(RequestStatus{})); diff != "" {
				t.Errorf("day 2 requests (-want +got):\n%s", diff)
			}

			if _, err := s.Sweep(ctx, day(7)); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(map[int64]state{1: {false, false, true}, 2: all}, d.states(t, table)); diff != "" {
				t.Errorf("day 7 (-want +got):\n%s", diff)
			}

			r, err = s.Sweep(ctx, day(30))
			if err != nil {
				t.Fatal(err)
			}
			want := map[int64]state{1: {}, 2: {false, true, true}} // row 2's sender TTL ran out
			wantAudit := map[string]int{"sender deletion-request": 1, "body deletion-request": 1, "phone deletion-request": 1, "sender ttl": 1}
			if deleteRows {
				want = map[int64]state{2: {false, true, true}}
				wantAudit = map[string]int{"sender deletion-request": 1, "body deletion-request": 1, "* row-deleted": 1, "sender ttl": 1}
			}
			if diff := cmp.Diff(want, d.states(t, table)); diff != "" {
				t.Errorf("day 30, delete rows %v (-want +got):\n%s", deleteRows, diff)
			}
			if diff := cmp.Diff(wantAudit, d.auditTotals(t, table)); diff != "" {
				t.Errorf("audit, delete rows %v (-want +got):\n%s", deleteRows, diff)
			}
			pending.Done = true
			if diff := cmp.Diff([]RequestStatus{pending}, r.Requests, cmpopts.IgnoreUnexported(RequestStatus{})); diff != "" {
				t.Errorf("day 30 requests (-want +got):\n%s", diff)
			}
			// Carried out: the next sweep no longer reports it.
			if r, err = s.Sweep(ctx, day(31)); err != nil || len(r.Requests) != 0 {
				t.Errorf("day 31: requests %v, error %v; want none", r.Requests, err)
			}
		}
	})
}

func TestRequestDeletionErrors(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		d.insert(t, table, 1, day(0))
		s := d.sweeper(t, d.db, table)
		tests := []struct {
			name string
			key  any
			at   time.Time
			want error
		}{
			{"before creation", 1, day(-1), pii.ErrBeforeCreation},
			{"zero time", 1, time.Time{}, pii.ErrZeroTime},
			{"no such record", 2, day(1), ErrNoRecord},
			{"key of another type", 1.5, day(1), ErrKeyType},
		}
		for _, tt := range tests {
			if err := s.RequestDeletion(ctx, tt.key, tt.at); !errors.Is(err, tt.want) {
				t.Errorf("%s: error %v, want one wrapping %v", tt.name, err, tt.want)
			}
		}
		if err := s.LiftHold(ctx, 1, day(1)); !errors.Is(err, ErrNoHold) {
			t.Errorf("LiftHold with no hold: error %v, want ErrNoHold", err)
		}
		if err := s.PlaceHold(ctx, 1, "litigation", day(5)); err != nil {
			t.Fatal(err)
		}
		if err := s.LiftHold(ctx, 1, day(4)); !errors.Is(err, pii.ErrNegativeDays) {
			t.Errorf("LiftHold before placed: error %v, want ErrNegativeDays", err)
		}
		if _, err := s.Sweep(ctx, time.Time{}); !errors.Is(err, pii.ErrZeroTime) {
			t.Errorf("Sweep at the zero time: error %v, want ErrZeroTime", err)
		}
	})
}

// Holds placed and lifted while a sweep runs: a hold placed before its row's batch stops
// that row; a hold lifted before its row's batch lets the row go, with its deadlines pushed
// back by the hold's length.
func TestHoldsMidSweep(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		for id := int64(1); id <= 6; id++ {
			d.insert(t, table, id, day(0))
		}
		s := d.sweeper(t, d.db, table)
		// Row 5: held from day 10, lifted during the sweep on day 20: sender's 30 days
		// are pushed back by 10, to day 40.
		if err := s.PlaceHold(ctx, 5, "litigation", day(10)); err != nil {
			t.Fatal(err)
		}
		// Row 6: held from day 10 to day 12 before the sweep: pushed back to day 32.
		if err := s.PlaceHold(ctx, 6, "fraud review", day(10)); err != nil {
			t.Fatal(err)
		}
		if err := s.LiftHold(ctx, 6, day(12)); err != nil {
			t.Fatal(err)
		}
		now := day(35)
		done := false
		sweeper := d.sweeper(t, d.db, table, WithBatchSize(2), WithProgress(func(b Batch) {
			if done {
				return
			}
			done = true
			// After rows 1 and 2: hold row 4, lift row 5's hold.
			if err := s.PlaceHold(ctx, 4, "litigation", day(30)); err != nil {
				t.Error(err)
			}
			if err := s.LiftHold(ctx, 5, day(20)); err != nil {
				t.Error(err)
			}
		}))
		r, err := sweeper.Sweep(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		all := state{true, true, true}
		gone := state{false, true, true}
		want := map[int64]state{1: gone, 2: gone, 3: gone, 4: all, 5: all, 6: gone}
		if diff := cmp.Diff(want, d.states(t, table)); diff != "" {
			t.Errorf("rows (-want +got):\n%s", diff)
		}
		if r.Held != 1 {
			t.Errorf("held %d, want 1 (row 4)", r.Held)
		}
		// Row 5's pushed-back deadline: day 40.
		if _, err := sweeper.Sweep(ctx, day(40).Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got := d.states(t, table)[5]; got != all {
			t.Errorf("row 5 a minute before day 40: %+v, want untouched", got)
		}
		if _, err := sweeper.Sweep(ctx, day(40)); err != nil {
			t.Fatal(err)
		}
		if got := d.states(t, table)[5]; got != gone {
			t.Errorf("row 5 on day 40: %+v, want sender cleared", got)
		}
	})
}
