package pii

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestResponseMonthsClamp(t *testing.T) {
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 30, 0, 0, time.UTC) }
	tests := []struct {
		name         string
		from         time.Time
		months, days int
		want         time.Time
	}{
		{"31 January + 1 month", at(2026, 1, 31), 1, 0, at(2026, 2, 28)},
		{"31 January + 1 month, leap year", at(2028, 1, 31), 1, 0, at(2028, 2, 29)},
		{"15 March + 1 month", at(2026, 3, 15), 1, 0, at(2026, 4, 15)},
		{"31 March + 1 month", at(2026, 3, 31), 1, 0, at(2026, 4, 30)},
		{"30 November + 3 months", at(2026, 11, 30), 3, 0, at(2027, 2, 28)},
		{"31 December + 1 month", at(2026, 12, 31), 1, 0, at(2027, 1, 31)},
		{"45 days", at(2026, 1, 31), 0, 45, at(2026, 3, 17)},
	}
	for _, tt := range tests {
		if got := responseAdd(tt.from, tt.months, tt.days); !got.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestResponseDeadlineByProfile(t *testing.T) {
	received := time.Date(2026, 1, 31, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		profile       Profile
		law           string
		due, extended time.Time
	}{
		{GDPR, "GDPR", time.Date(2026, 2, 28, 12, 0, 0, 0, time.UTC), time.Date(2026, 4, 28, 12, 0, 0, 0, time.UTC)},
		{UKGDPR, "UK-GDPR", time.Date(2026, 2, 28, 12, 0, 0, 0, time.UTC), time.Date(2026, 4, 28, 12, 0, 0, 0, time.UTC)},
		{CCPA, "CCPA", time.Date(2026, 3, 17, 12, 0, 0, 0, time.UTC), time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)},
		{HIPAA, "", time.Time{}, time.Time{}},
		{PCIDSS, "", time.Time{}, time.Time{}},
		{CalOPPA, "", time.Time{}, time.Time{}},
		{Combine(CCPA, HIPAA), "CCPA", time.Date(2026, 3, 17, 12, 0, 0, 0, time.UTC), time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)},
		{Combine(CCPA, GDPR), "GDPR", time.Date(2026, 2, 28, 12, 0, 0, 0, time.UTC), time.Date(2026, 4, 28, 12, 0, 0, 0, time.UTC)},
		// Strict answers by the earliest deadline of every law it stands for: LGPD's 15 days.
		{Strict, "LGPD", time.Date(2026, 2, 15, 12, 0, 0, 0, time.UTC), time.Date(2026, 2, 15, 12, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		d := tt.profile.ResponseDeadline(received)
		if d.Law != tt.law || !d.Due(received).Equal(tt.due) || !d.Extended(received).Equal(tt.extended) {
			t.Errorf("%s: %v, due %v, extended %v; want %s, %v, %v", tt.profile, d, d.Due(received),
				d.Extended(received), tt.law, tt.due, tt.extended)
		}
		if d.Law != "" && d.Source == "" {
			t.Errorf("%s: no source", tt.profile)
		}
	}
}

// TestResponseEveryLawRuled checks that the table rules on every built-in law, with its
// provision, so that a profile added without its deadline fails here.
func TestResponseEveryLawRuled(t *testing.T) {
	for i, law := range profileLaws {
		r, ok := responseLaw(i)
		if !ok {
			t.Errorf("%s: no entry in responseRules (by any of its names %q)", law.name, law.aliases)
		} else if r.source == "" {
			t.Errorf("%s: no source", law.name)
		}
	}
}

func TestResponseInDeletionPlan(t *testing.T) {
	type rec struct {
		Created time.Time `pii:"no,created"`
		Phone   string    `pii:"phone,mtl=90"`
	}
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	requested := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	ccpa, _ := New(WithProfile(CCPA))
	party, _ := New(WithProfile(CCPA), WithPartyJurisdiction())
	hipaa, _ := New(WithProfile(HIPAA))
	tests := []struct {
		name string
		p    *Policy
		rec  rec
		law  string
		by   time.Time
	}{
		{"CCPA", ccpa, rec{created, "+14155551234"}, "CCPA", requested.AddDate(0, 0, 45)},
		{"a party in the EU", party, rec{created, "+33612345678"}, "GDPR", time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)},
		{"HIPAA has none", hipaa, rec{created, "+14155551234"}, "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.p.ScheduleOf(tt.rec, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			plan, err := s.DeletionPlan(requested)
			if err != nil {
				t.Fatal(err)
			}
			if plan.Response.Law != tt.law || !plan.RespondBy.Equal(tt.by) {
				t.Errorf("plan: %s by %v, want %s by %v", plan.Response.Law, plan.RespondBy, tt.law, tt.by)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want bool
	}{
		{"defaults: 30 + 30 days outlast every deadline", nil, true},
		{"grace 7 + backups 21 meet GDPR's month", []Option{WithProfile(GDPR), WithGracePeriod(7), WithBackupWindow(21)}, false},
		{"grace 7 + backups 22 may not", []Option{WithProfile(GDPR), WithGracePeriod(7), WithBackupWindow(22)}, true},
		{"Strict: LGPD's 15 days", []Option{WithGracePeriod(7), WithBackupWindow(8)}, false},
		{"CCPA: 45 days", []Option{WithProfile(CCPA), WithGracePeriod(15), WithBackupWindow(30)}, false},
		{"HIPAA sets no deadline", []Option{WithProfile(HIPAA)}, false},
	}
	for _, tt := range tests {
		p, err := New(tt.opts...)
		if err != nil {
			t.Fatal(err)
		}
		ws := p.Warnings()
		if got := len(ws) > 0; got != tt.want {
			t.Errorf("%s: warnings %v", tt.name, ws)
		}
		for _, w := range ws {
			if !errors.Is(w, ErrDeadlineUnmet) {
				t.Errorf("%s: %v does not wrap ErrDeadlineUnmet", tt.name, w)
			}
		}
	}
	p, _ := New(WithProfile(GDPR), WithGracePeriod(7), WithBackupWindow(22))
	want := "pii: grace period 7 days + backup window 22 days = 29 days, but GDPR: 1 month (extendable by 2 months), " +
		"GDPR Art. 12(3): without undue delay and within one month of receipt, extendable by two further months: " + ErrDeadlineUnmet.Error()
	if diff := cmp.Diff(want, p.Warnings()[0].Error()); diff != "" {
		t.Errorf("warning (-want +got):\n%s", diff)
	}
}
