package pii

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type scheduleProfileKid struct {
	Created time.Time `pii:"no,created"`
	Card    string    `pii:"card,ttl=5"`
}

// A schedule lists the fields that are personal data under the record's own profile (the
// Policy's, widened by its parties under WithPartyJurisdiction), and says what Purge does:
// PurgeDue at a time lists exactly the fields a Purge at that time zeroes. Under PCI DSS a
// record with a German number is under GDPR too, and its phone's TTL binds; ScheduleOf
// listed only what PCI DSS counts, so it gave no deadline for what Purge then deleted. And
// a record nested behind an interface keeps its own time: it is not in the outer
// record's schedule, under any profile.
func TestScheduleFollowsRecordProfile(t *testing.T) {
	type rec struct {
		Created time.Time `pii:"no,created"`
		Phone   string    `pii:"phone,ttl=30"`
		Email   string    `pii:"email,ttl=40"`
		Card    string    `pii:"card,ttl=50"`
		Kid     any
	}
	created := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		opts  []Option
		phone string
		want  []string // the schedule's paths
	}{
		{"PCI DSS, German party", []Option{WithProfile(PCIDSS), WithPartyJurisdiction()}, "+4930123456", []string{"Phone", "Email", "Card"}},
		{"PCI DSS, US party", []Option{WithProfile(PCIDSS), WithPartyJurisdiction()}, "+14155550100", []string{"Card"}},
		{"PCI DSS, parties not read", []Option{WithProfile(PCIDSS)}, "+4930123456", []string{"Card"}},
		{"Strict", nil, "+14155550100", []string{"Phone", "Email", "Card"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			v := rec{Created: created, Phone: tt.phone, Email: "a@example.com", Card: "4111111111111111",
				Kid: scheduleProfileKid{Created: created.AddDate(0, 0, -100), Card: "4111111111111111"}}
			s, err := p.ScheduleOf(v, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			for _, f := range s.Fields {
				paths = append(paths, f.Path)
			}
			if diff := cmp.Diff(tt.want, paths); diff != "" {
				t.Errorf("schedule's fields (-want +got):\n%s", diff)
			}
			for _, day := range []int{29, 30, 45, 60} {
				now := created.AddDate(0, 0, day)
				due, err := s.PurgeDue(now)
				if err != nil {
					t.Fatal(err)
				}
				c := v
				c.Kid = nil // the nested record purges by its own time
				purged, err := p.Purge(&c, time.Time{}, now)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(due, purged); diff != "" {
					t.Errorf("day %d: PurgeDue (-) and Purge (+) disagree:\n%s", day, diff)
				}
			}
		})
	}
}

type scheduleIfaceInner struct {
	Card   string   `pii:"card,ttl=30"`
	Phones []string `pii:"phone,ttl=20"`
}

// Fields that an interface of the record holds are purged by the record's time, so the
// record's schedule gives their deadlines; they were missing from it, and EarliestPurge
// said "never" for a record whose card Purge deleted on day 30.
func TestScheduleFieldsBehindInterfaces(t *testing.T) {
	type rec struct {
		Created time.Time `pii:"no,created"`
		Extra   any
		More    []any
		Kid     any // a record of its own: not in this schedule
	}
	created := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	v := rec{Created: created,
		Extra: scheduleIfaceInner{Card: "4111111111111111", Phones: []string{"+4930123456"}},
		More:  []any{&scheduleIfaceInner{Card: "4111111111111111"}, scheduleIfaceInner{}},
		Kid:   scheduleProfileKid{Created: created, Card: "4111111111111111"}}
	s, err := ScheduleOf(&v, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Path       string
		PurgeAfter time.Time
	}
	var got []row
	for _, f := range s.Fields {
		got = append(got, row{f.Path, f.PurgeAfter})
	}
	want := []row{{"Extra.Card", created.AddDate(0, 0, 30)}, {"Extra.Phones[]", created.AddDate(0, 0, 20)},
		{"More[].Card", created.AddDate(0, 0, 30)}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
	first, err := s.EarliestPurge()
	if err != nil || !first.Equal(created.AddDate(0, 0, 20)) {
		t.Errorf("EarliestPurge = %v, %v; want day 20", first, err)
	}
	// Purge agrees: nothing of v itself before day 20, its phones on day 20.
	for day, want := range map[int][]string{19: nil, 20: {"pii.scheduleIfaceInner.Phones"}} {
		c := v
		c.Kid, c.More = nil, nil
		c.Extra = scheduleIfaceInner{Card: "4111111111111111", Phones: []string{"+4930123456"}}
		got, err := Purge(&c, time.Time{}, created.AddDate(0, 0, day))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Purge on day %d (-want +got):\n%s", day, diff)
		}
	}
	// A reflect.Type has no value: only the type's own fields.
	s, err = ScheduleOf(reflect.TypeFor[rec](), created)
	if err != nil || len(s.Fields) != 0 {
		t.Errorf("ScheduleOf(type) = %v, %v; want no field", s.Fields, err)
	}
}
