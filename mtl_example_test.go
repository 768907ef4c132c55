package pii

import (
	"errors"
	"fmt"
	"time"
)

// exampleMessage is the record of the retention examples.
type exampleMessage struct {
	SID  string `pii:"no"`
	From string `pii:"phone,mtl=120"`
	Body string `pii:"body,mtl=90"`
	IP   string `pii:"ip,ttl=60"`
}

// The seed's two examples for a field with an MTL of 90 days: a deletion asked for on day 1
// waits for the MTL, and everything is gone 91 days after creation; one asked for on day 90
// applies at once, and backups are clear 30 days later, by day 120.
func ExampleSchedule_GoneBy() {
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	type note struct {
		Body string `pii:"body,mtl=90"`
	}
	s, err := ScheduleOf(note{}, created)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, day := range []int{1, 90} {
		gone, err := s.GoneBy(created.AddDate(0, 0, day))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("requested on day %d: gone %d days after creation\n", day, int(gone.Sub(created).Hours()/24))
	}
	// Output:
	// requested on day 1: gone 91 days after creation
	// requested on day 90: gone 120 days after creation
}

// Deadlines are per field: the body goes when its MTL ends, the numbers wait longer, and
// the IP address, which has no MTL, goes at once.
func ExampleSchedule_DeletionPlan() {
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	s, err := ScheduleOf(exampleMessage{}, created)
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := s.DeletionPlan(created.AddDate(0, 0, 10))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plan)
	// Output:
	// requested 2026-01-15 09:00 UTC: deleted by 2026-05-05 09:00 UTC, gone by 2026-05-06 09:00 UTC; answer due by 2026-01-30 09:00 UTC (LGPD)
	//   From (phone): deleted 2026-05-05 09:00 UTC, gone by 2026-05-06 09:00 UTC, waits for MTL
	//   Body (body): deleted 2026-04-05 09:00 UTC, gone by 2026-04-06 09:00 UTC, waits for MTL
	//   IP (ip): deleted 2026-01-15 09:00 UTC, gone by 2026-02-14 09:00 UTC
}

// A field with a TTL must be purged once it runs out, whether or not anyone asks.
func ExampleSchedule_PurgeDue() {
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	s, err := ScheduleOf(exampleMessage{}, created)
	if err != nil {
		fmt.Println(err)
		return
	}
	first, _ := s.EarliestPurge()
	fmt.Println("first purge:", first.Format(time.DateOnly))
	for _, day := range []int{59, 60} {
		due, err := s.PurgeDue(created.AddDate(0, 0, day))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("day %d: %q\n", day, due)
	}
	// Output:
	// first purge: 2026-03-06
	// day 59: []
	// day 60: ["IP"]
}

// A legal hold suspends every deadline: while it is in force there is no date to give, and
// once lifted the deadlines it covered move back by its length.
func ExampleSchedule_WithHold() {
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	s, err := ScheduleOf(exampleMessage{}, created)
	if err != nil {
		fmt.Println(err)
		return
	}
	hold := Hold{Reason: "litigation", Placed: created.AddDate(0, 0, 20)}
	_, err = s.WithHold(hold).GoneBy(created.AddDate(0, 0, 30))
	fmt.Println("on hold:", errors.Is(err, ErrOnHold))

	hold.Lifted = hold.Placed.AddDate(0, 0, 45)
	gone, err := s.WithHold(hold).GoneBy(created.AddDate(0, 0, 30))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("gone by:", gone.Format(time.DateOnly), "instead of", created.AddDate(0, 0, 121).Format(time.DateOnly))
	// Output:
	// on hold: true
	// gone by: 2026-06-20 instead of 2026-05-06
}

// When an account is closed, its PII goes once the grace period has passed (30 days by
// default), and every copy within 30 days more, except fields whose MTL runs longer.
func ExampleSchedule_AccountClosed() {
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	s, err := ScheduleOf(exampleMessage{}, created)
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := s.AccountClosed(created.AddDate(0, 0, 70))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plan)
	// Output:
	// requested 2026-04-15 09:00 UTC: deleted by 2026-05-05 09:00 UTC, gone by 2026-05-15 09:00 UTC; answer due by 2026-03-31 09:00 UTC (LGPD)
	//   From (phone): deleted 2026-05-05 09:00 UTC, gone by 2026-05-15 09:00 UTC, waits for MTL
	//   Body (body): deleted 2026-04-15 09:00 UTC, gone by 2026-05-15 09:00 UTC
	//   IP (ip): deleted 2026-03-06 09:00 UTC, gone by 2026-04-05 09:00 UTC, purged by TTL
}
