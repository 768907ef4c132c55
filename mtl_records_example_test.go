package pii_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ef8f9424/pii"
)

// A batch of messages of different ages: each is purged by its own Created, so the
// 20-day-old body (kept at least 30 days) survives the purge that clears the old one.
func ExamplePurge_records() {
	type Message struct {
		SID     string    `pii:"no"`
		Created time.Time `pii:"no,created"`
		Body    string    `pii:"body,mtl=30,ttl=90"`
	}
	now := time.Date(2026, time.June, 1, 12, 0, 0, 0, time.UTC)
	batch := []Message{
		{SID: "SM1", Created: now.AddDate(0, 0, -120), Body: "old news"},
		{SID: "SM2", Created: now.AddDate(0, 0, -20), Body: "see you at 5"},
	}
	purged, err := pii.Purge(batch, time.Time{}, now)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("purged:", purged)
	for _, m := range batch {
		fmt.Printf("%s: %q\n", m.SID, m.Body)
	}

	// Structs without a created field have no time of their own: a batch of them is refused.
	type Note struct {
		Body string `pii:"body,ttl=30"`
	}
	_, err = pii.Purge([]Note{{"hi"}}, time.Time{}, now)
	fmt.Println(errors.Is(err, pii.ErrNoCreated))
	// Output:
	// purged: [[].Body]
	// SM1: ""
	// SM2: "see you at 5"
	// true
}

// A record's schedule reads its creation time from the record, and its deletion plan
// says by when the law of the Policy's profile wants the request answered.
func ExamplePolicy_ScheduleOf_record() {
	type Order struct {
		Created time.Time `pii:"no,created"`
		Email   string    `pii:"email,mtl=30"`
	}
	p, err := pii.New(pii.WithProfile(pii.CCPA))
	if err != nil {
		fmt.Println(err)
		return
	}
	o := Order{Created: time.Date(2026, time.January, 31, 9, 0, 0, 0, time.UTC), Email: "jane@example.com"}
	s, err := p.ScheduleOf(o, time.Time{})
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := s.DeletionPlan(o.Created.AddDate(0, 0, 2))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plan)
	fmt.Println(plan.Response)
	_, err = s.DeletionPlan(o.Created.Add(-time.Hour))
	fmt.Println(errors.Is(err, pii.ErrBeforeCreation))
	// Output:
	// requested 2026-02-02 09:00 UTC: deleted by 2026-03-02 09:00 UTC, gone by 2026-03-04 09:00 UTC; answer due by 2026-03-19 09:00 UTC (CCPA)
	//   Email (email): deleted 2026-03-02 09:00 UTC, gone by 2026-03-04 09:00 UTC, waits for MTL
	// CCPA: 45 days (extendable by 45 days), Cal. Civ. Code 1798.130(a)(2)(A): within 45 days of receipt, extendable once by 45 days with notice
	// true
}

// Months are calendar months, clamped to the month's end: GDPR's one month from 31
// January ends on 28 February.
func ExampleProfile_ResponseDeadline() {
	received := time.Date(2026, time.January, 31, 10, 0, 0, 0, time.UTC)
	d := pii.GDPR.ResponseDeadline(received)
	fmt.Println(d.Due(received).Format(time.DateOnly), d.Extended(received).Format(time.DateOnly))
	fmt.Println(pii.HIPAA.ResponseDeadline(received).IsZero())
	// Output:
	// 2026-02-28 2026-04-28
	// true
}

// The defaults (30 days of grace, 30 of backups) outlast GDPR's month, which Strict
// includes: New accepts them, and Warnings says so.
func ExamplePolicy_Warnings() {
	p, err := pii.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range p.Warnings() {
		fmt.Println(errors.Is(w, pii.ErrDeadlineUnmet))
	}
	p, _ = pii.New(pii.WithGracePeriod(7), pii.WithBackupWindow(7)) // 14 days: within LGPD's 15
	fmt.Println(len(p.Warnings()))
	// Output:
	// true
	// 0
}
