package pii

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A combined profile answers by the stricter law on both counts: the earliest due date, and
// the earliest latest date once extensions are counted, which may be another law's. Quebec
// allows no extension where PIPEDA allows 30 days; CCPA's 45 + 45 days end before GDPR's
// month + two months for a request received on 1 July.
func TestResponseCombinedStricter(t *testing.T) {
	jul := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
	jan := time.Date(2026, 1, 31, 12, 0, 0, 0, time.UTC)
	type answer struct{ Due, Extended time.Time }
	tests := []struct {
		name     string
		p        Profile
		received time.Time
		want     answer
	}{
		{"PIPEDA+Quebec", Combine(PIPEDA, Quebec), jul, answer{jul.AddDate(0, 0, 30), jul.AddDate(0, 0, 30)}},
		{"Quebec+PIPEDA", Combine(Quebec, PIPEDA), jul, answer{jul.AddDate(0, 0, 30), jul.AddDate(0, 0, 30)}},
		{"GDPR+CCPA in July", Combine(GDPR, CCPA), jul, answer{time.Date(2026, 8, 1, 12, 0, 0, 0, time.UTC), jul.AddDate(0, 0, 90)}},
		{"GDPR+CCPA on 31 January", Combine(GDPR, CCPA), jan, answer{time.Date(2026, 2, 28, 12, 0, 0, 0, time.UTC), time.Date(2026, 4, 28, 12, 0, 0, 0, time.UTC)}},
		{"GDPR alone", GDPR, jul, answer{time.Date(2026, 8, 1, 12, 0, 0, 0, time.UTC), time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)}},
		{"Strict: LGPD's 15 days", Strict, jul, answer{jul.AddDate(0, 0, 15), jul.AddDate(0, 0, 15)}},
	}
	for _, tt := range tests {
		d := tt.p.ResponseDeadline(tt.received)
		got := answer{d.Due(tt.received), d.Extended(tt.received)}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: %v (-want +got):\n%s", tt.name, d, diff)
		}
	}
	got := Combine(GDPR, CCPA).ResponseDeadline(jul).String()
	want := "GDPR: 1 month (extendable by 2 months, to no more than CCPA's 90 days), " + profileRuleSource("gdpr")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("String (-want +got):\n%s", diff)
	}
	// Every pair of built-in laws: the combination is due no later than either, and its
	// latest date is no later than either's.
	for i := range profileLaws {
		for j := range profileLaws {
			a, b := profileFromLaw(i), profileFromLaw(j)
			c := Combine(a, b).ResponseDeadline(jul)
			for _, one := range []ResponseDeadline{a.ResponseDeadline(jul), b.ResponseDeadline(jul)} {
				if one.IsZero() {
					continue
				}
				if c.Due(jul).After(one.Due(jul)) || c.Extended(jul).After(one.Extended(jul)) {
					t.Errorf("%v: due %v, at the latest %v; %s alone: %v, %v", Combine(a, b),
						c.Due(jul), c.Extended(jul), one.Law, one.Due(jul), one.Extended(jul))
				}
			}
		}
	}
}

func profileRuleSource(name string) string { return responseRules[name].source }
