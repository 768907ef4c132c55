package pii

import (
	"testing"
	"time"
	_ "time/tzdata" // the DST tests must not depend on the machine's zone files

	"github.com/google/go-cmp/cmp"
)

func retentionNewYork(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestRetentionDST checks that deadlines spanning a daylight-saving change keep the
// creation's wall-clock time, for the MTL, the backup window and a lifted hold, and that
// times given in another location are read in the creation's.
func TestRetentionDST(t *testing.T) {
	ny := retentionNewYork(t)
	local := func(month time.Month, day, hour int) time.Time {
		return time.Date(2026, month, day, hour, 0, 0, 0, ny)
	}
	fields := []Field{{Path: "Body", Class: PII, Kind: KindBody, MTL: 30}}
	tests := []struct {
		name    string
		created time.Time
		hold    *Hold
		request time.Time
		want    FieldDeletion
	}{
		{
			name:    "spring forward inside the MTL",
			created: local(time.March, 1, 10),
			request: local(time.March, 2, 10),
			want: FieldDeletion{Path: "Body", Kind: KindBody, WaitsForMTL: true,
				DeletedAt: local(time.March, 31, 10), GoneBy: local(time.April, 1, 10)},
		},
		{
			name:    "fall back inside the backup window, request given in UTC",
			created: local(time.October, 1, 10),
			request: local(time.October, 31, 10).UTC(),
			want: FieldDeletion{Path: "Body", Kind: KindBody,
				DeletedAt: local(time.October, 31, 10), GoneBy: local(time.November, 30, 10)},
		},
		{
			name:    "a hold of five calendar days across the change pushes by five days",
			created: local(time.March, 1, 10),
			hold:    &Hold{Reason: "litigation", Placed: local(time.March, 5, 10), Lifted: local(time.March, 10, 10)},
			request: local(time.March, 2, 10),
			want: FieldDeletion{Path: "Body", Kind: KindBody, WaitsForMTL: true,
				DeletedAt: local(time.April, 5, 10), GoneBy: local(time.April, 6, 10)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := retentionSchedule(fields, tt.created, retentionDefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			if tt.hold != nil {
				s = s.WithHold(*tt.hold)
			}
			p, err := s.DeletionPlan(tt.request)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]FieldDeletion{tt.want}, p.Fields); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// Equal instants are not enough: the wall clock must be 10:00 in New York.
			for _, at := range []time.Time{p.Fields[0].DeletedAt, p.Fields[0].GoneBy} {
				if at.Location() != ny || at.Hour() != 10 {
					t.Errorf("deadline %v is not 10:00 in New York", at)
				}
			}
		})
	}
}

// TestRetentionDSTHeldUntil is the brief's example: created 2026-03-01 10:00 in New York,
// MTL 30, held until 2026-03-31 10:00 New York time (29 days 23 hours later).
func TestRetentionDSTHeldUntil(t *testing.T) {
	ny := retentionNewYork(t)
	created := time.Date(2026, time.March, 1, 10, 0, 0, 0, ny)
	s, err := retentionSchedule([]Field{{Path: "Body", Class: PII, Kind: KindBody, MTL: 30}}, created, retentionDefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, time.March, 31, 10, 0, 0, 0, ny)
	if diff := cmp.Diff(want, s.Fields[0].HeldUntil); diff != "" {
		t.Errorf("HeldUntil (-want +got):\n%s", diff)
	}
	if got := s.Fields[0].HeldUntil.Sub(created); got != 30*24*time.Hour-time.Hour {
		t.Errorf("elapsed = %v, want 719h (a lost hour)", got)
	}
}

// TestRetentionSeedRule checks, request by request over a year, that the deletion rule is
// the README's max(Created + MTL + 1 day, requested + window) whenever the window is at least
// a day, and that outside the MTL a deletion applies at once with backups within the window.
func TestRetentionSeedRule(t *testing.T) {
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	for _, mtl := range []int{0, 1, 30, 90, 120} {
		for _, window := range []int{1, 7, 30} {
			cfg, err := newRetentionConfig(window, 0)
			if err != nil {
				t.Fatal(err)
			}
			s, err := retentionSchedule([]Field{{Path: "F", Class: PII, MTL: mtl}}, created, cfg)
			if err != nil {
				t.Fatal(err)
			}
			held := created.AddDate(0, 0, mtl)
			for r := created; r.Before(created.AddDate(1, 0, 0)); r = r.Add(7 * time.Hour) {
				p, err := s.DeletionPlan(r)
				if err != nil {
					t.Fatal(err)
				}
				design := held.AddDate(0, 0, 1)
				if w := r.AddDate(0, 0, window); w.After(design) {
					design = w
				}
				fd := p.Fields[0]
				if !fd.GoneBy.Equal(design) {
					t.Fatalf("mtl %d window %d request %v: gone by %v, DESIGN rule says %v", mtl, window, r, fd.GoneBy, design)
				}
				if !r.Before(held) && (!fd.DeletedAt.Equal(r) || !fd.GoneBy.Equal(r.AddDate(0, 0, window)) || fd.WaitsForMTL) {
					t.Fatalf("mtl %d window %d request %v outside the MTL: %+v", mtl, window, r, fd)
				}
				if r.Before(held) && (!fd.DeletedAt.Equal(held) || !fd.WaitsForMTL) {
					t.Fatalf("mtl %d window %d request %v inside the MTL: %+v", mtl, window, r, fd)
				}
			}
		}
	}
}
