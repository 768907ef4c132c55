package pii

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var retentionCreated = time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)

func retentionTestSchedule(t *testing.T) Schedule {
	t.Helper()
	s, err := retentionSchedule([]Field{
		{Path: "From", Class: PII, Kind: KindPhone, MTL: 120},
		{Path: "ClientIP", Class: PII, Kind: KindIP, MTL: 30, TTL: 60},
	}, retentionCreated, retentionDefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRetentionBadInput checks that each bad input gives its sentinel, and that no message
// carries more than the input's name.
func TestRetentionBadInput(t *testing.T) {
	s := retentionTestSchedule(t)
	before := retentionCreated.Add(-time.Second)
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"zero creation time", func() error {
			_, err := retentionSchedule(nil, time.Time{}, retentionDefaultConfig())
			return err
		}, ErrZeroTime},
		{"negative backup window", func() error { _, err := New(WithBackupWindow(-1)); return err }, ErrNegativeDays},
		{"negative grace period", func() error { _, err := New(WithGracePeriod(-1)); return err }, ErrNegativeDays},
		{"backup window that overflows", func() error { _, err := New(WithBackupWindow(math.MaxInt)); return err }, ErrBadDays},
		{"grace period that overflows", func() error { _, err := New(WithGracePeriod(math.MaxInt)); return err }, ErrBadDays},
		{"grace period over a century", func() error { _, err := New(WithGracePeriod(maxDays + 1)); return err }, ErrOption},
		{"purge time before creation", func() error { _, err := s.PurgeDue(before); return err }, ErrBeforeCreation},
		{"negative MTL in a field", func() error {
			_, err := retentionSchedule([]Field{{Path: "F", Class: PII, MTL: -1}}, retentionCreated, retentionDefaultConfig())
			return err
		}, ErrNegativeDays},
		{"unchecked negative configuration", func() error {
			_, err := retentionSchedule(nil, retentionCreated, retentionConfig{backupWindow: -1})
			return err
		}, ErrNegativeDays},
		{"deletion requested before creation", func() error { _, err := s.DeletionPlan(before); return err }, ErrBeforeCreation},
		{"GoneBy before creation", func() error { _, err := s.GoneBy(before); return err }, ErrBeforeCreation},
		{"zero request time", func() error { _, err := s.GoneBy(time.Time{}); return err }, ErrZeroTime},
		{"account closed before creation", func() error { _, err := s.AccountClosed(before); return err }, ErrBeforeCreation},
		{"zero closure time", func() error { _, err := s.AccountClosed(time.Time{}); return err }, ErrZeroTime},
		{"zero purge time", func() error { _, err := s.PurgeDue(time.Time{}); return err }, ErrZeroTime},
		{"a schedule never computed", func() error { _, err := Schedule{}.GoneBy(retentionCreated); return err }, ErrZeroTime},
		{"hold with no placed time", func() error {
			_, err := s.WithHold(Hold{Lifted: retentionCreated}).GoneBy(retentionCreated)
			return err
		}, ErrZeroTime},
		{"hold lifted before it was placed", func() error {
			_, err := s.WithHold(Hold{Placed: retentionCreated.AddDate(0, 0, 2), Lifted: retentionCreated.AddDate(0, 0, 1)}).EarliestPurge()
			return err
		}, ErrNegativeDays},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "pii: ") {
				t.Errorf("error %q does not say it comes from pii", err)
			}
		})
	}
}

// TestRetentionHold places a hold, checks that every deadline method refuses a date while
// it is in force, lifts it, and checks the deadlines it pushed back.
func TestRetentionHold(t *testing.T) {
	s := retentionTestSchedule(t)
	day := func(n int) time.Time { return retentionCreated.AddDate(0, 0, n) }
	placed := Hold{Reason: "litigation", Placed: day(10)}

	held := s.WithHold(placed)
	calls := map[string]func() error{
		"GoneBy":        func() error { _, err := held.GoneBy(day(1)); return err },
		"DeletionPlan":  func() error { _, err := held.DeletionPlan(day(1)); return err },
		"AccountClosed": func() error { _, err := held.AccountClosed(day(1)); return err },
		"PurgeDue":      func() error { _, err := held.PurgeDue(day(500)); return err },
		"EarliestPurge": func() error { _, err := held.EarliestPurge(); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrOnHold) {
			t.Errorf("%s under an active hold: error = %v, want ErrOnHold", name, err)
		}
		if err := call(); err != nil && strings.Contains(err.Error(), "litigation") {
			t.Errorf("%s: the hold's reason leaked into %q", name, err)
		}
	}

	lifted := placed
	lifted.Lifted = day(40)
	after := s.WithHold(lifted) // a 30-day hold
	want := []FieldSchedule{
		{Path: "From", Kind: KindPhone, MTL: 120, HeldUntil: day(150)},
		{Path: "ClientIP", Kind: KindIP, MTL: 30, TTL: 60, HeldUntil: day(60), PurgeAfter: day(90)},
	}
	if diff := cmp.Diff(want, after.Fields); diff != "" {
		t.Errorf("deadlines after the hold (-want +got):\n%s", diff)
	}
	gone, err := after.GoneBy(day(1))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(day(151), gone); diff != "" {
		t.Errorf("GoneBy (-want +got):\n%s", diff)
	}
	// WithHold returns a copy: the schedule it was called on is unchanged.
	if diff := cmp.Diff(day(120), s.Fields[0].HeldUntil); diff != "" {
		t.Errorf("original schedule changed (-want +got):\n%s", diff)
	}
	if _, err := s.GoneBy(day(1)); err != nil {
		t.Errorf("original schedule is on hold: %v", err)
	}
	// A second, active hold on top of a lifted one puts the record on hold again.
	if _, err := after.WithHold(Hold{Placed: day(200)}).GoneBy(day(1)); !errors.Is(err, ErrOnHold) {
		t.Errorf("second active hold: error = %v, want ErrOnHold", err)
	}
}

// TestRetentionAccountClosed checks closure with the default grace period and with one
// from the configuration: removal starts when the grace period ends, and a field whose
// MTL runs longer than the 30 days waits for it.
func TestRetentionAccountClosed(t *testing.T) {
	day := func(n int) time.Time { return retentionCreated.AddDate(0, 0, n) }
	fields := []Field{
		{Path: "From", Class: PII, Kind: KindPhone, MTL: 120},
		{Path: "Author", Class: PII, Kind: KindName},
	}
	tests := []struct {
		name  string
		grace int
		want  DeletionPlan
	}{
		{"default grace of 30 days", retentionDefaultGrace, DeletionPlan{
			Requested: day(40), DeletedAt: day(120), GoneBy: day(121),
			Fields: []FieldDeletion{
				{Path: "From", Kind: KindPhone, DeletedAt: day(120), GoneBy: day(121), WaitsForMTL: true},
				{Path: "Author", Kind: KindName, DeletedAt: day(40), GoneBy: day(70)},
			}}},
		{"grace of 100 days: the MTL has run out by then", 100, DeletionPlan{
			Requested: day(110), DeletedAt: day(120), GoneBy: day(140),
			Fields: []FieldDeletion{
				{Path: "From", Kind: KindPhone, DeletedAt: day(120), GoneBy: day(140), WaitsForMTL: true},
				{Path: "Author", Kind: KindName, DeletedAt: day(110), GoneBy: day(140)},
			}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := newRetentionConfig(retentionDefaultBackupWindow, tt.grace)
			if err != nil {
				t.Fatal(err)
			}
			s, err := retentionSchedule(fields, retentionCreated, cfg)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.AccountClosed(day(10))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, retentionIgnoreResponse); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestRetentionDue checks the per-field decisions Purge uses.
func TestRetentionDue(t *testing.T) {
	s := retentionTestSchedule(t)
	day := func(n int) time.Time { return retentionCreated.AddDate(0, 0, n) }
	ip := s.Fields[1]
	got := []bool{ip.purgeDue(day(60).Add(-time.Nanosecond)), ip.purgeDue(day(60)), s.Fields[0].purgeDue(day(10000))}
	if diff := cmp.Diff([]bool{false, true, false}, got); diff != "" {
		t.Errorf("purgeDue (-want +got):\n%s", diff)
	}
	p, err := s.DeletionPlan(day(1))
	if err != nil {
		t.Fatal(err)
	}
	from := p.Fields[0] // MTL 120: deleted on day 120
	got = []bool{from.deletionDue(day(119)), from.deletionDue(day(120))}
	if diff := cmp.Diff([]bool{false, true}, got); diff != "" {
		t.Errorf("deletionDue (-want +got):\n%s", diff)
	}
}
