package pii

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type concurrentMessage struct {
	Created time.Time `pii:"no,created"`
	To      string    `pii:"phone,mtl=10,ttl=30"`
	Body    string    `pii:"body,ttl=5"`
	Extra   any
}

// One Policy serves many goroutines at once: schedules (parties read, interfaces walked),
// plans, purges and the names of combined profiles give what one goroutine alone gets.
// Run with -race.
func TestRetentionConcurrent(t *testing.T) {
	p, err := New(WithProfile(PCIDSS), WithPartyJurisdiction())
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	phones := []string{"+4930123456", "+14165550100", "+15145550100", "+14155550100", "+447946000000"}
	msg := func(i int) concurrentMessage {
		return concurrentMessage{Created: created.AddDate(0, 0, -i%20), To: phones[i%len(phones)], Body: "hi",
			Extra: scheduleIfaceInner{Card: "4111111111111111"}}
	}
	type answer struct {
		Plan   string
		Purged []string
		Name   string
	}
	one := func(i int) answer {
		v := msg(i)
		s, err := p.ScheduleOf(v, time.Time{})
		if err != nil {
			return answer{Plan: err.Error()}
		}
		plan, err := s.DeletionPlan(created.AddDate(0, 0, 2))
		if err != nil {
			return answer{Plan: err.Error()}
		}
		purged, err := p.Purge(&v, time.Time{}, created.AddDate(0, 0, 12))
		if err != nil {
			return answer{Plan: err.Error()}
		}
		return answer{fmt.Sprint(plan, plan.Response.Extended(created)), purged, s.profile.Name()}
	}
	const n = 200
	want := make([]answer, n)
	for i := range n {
		want[i] = one(i)
	}
	got := make([]answer, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = one(i) })
	}
	wg.Wait()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("concurrent answers differ from sequential ones (-want +got):\n%s", diff)
	}
	names := map[string]bool{}
	for _, a := range want {
		names[a.Name] = true
	}
	if diff := cmp.Diff(map[string]bool{"GDPR+PCI-DSS": true, "UK-GDPR+PCI-DSS": true, "PCI-DSS+PIPEDA": true,
		"PCI-DSS+PIPEDA+Quebec": true, "PCI-DSS": true}, names); diff != "" {
		t.Errorf("records' profiles (-want +got):\n%s", diff)
	}
}
