// Retention sweeps a store of messages of different ages: it prints the inventory with
// each field's MTL, what a deletion request asked for today would do, and what a daily
// purge zeroes because a field's maximum retention (ttl=) has run out.
//
//	go run ./examples/retention
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/ef8f9424/pii"
)

// Message keeps its numbers 120 days at least, its body 30 days at least and at most
// 180, and the sender's IP address 14 days at most.
type Message struct {
	SID      string `pii:"no"`
	From     string `pii:"phone,mtl=120"`
	Body     string `pii:"body,mtl=30,ttl=180"`
	ClientIP string `pii:"ip,ttl=14"`
}

func main() {
	p, err := pii.New(pii.WithBackupWindow(30))
	if err != nil {
		log.Fatal(err)
	}
	inv, err := p.Inventory(Message{})
	if err != nil {
		log.Fatal(err)
	}
	if err := inv.WriteMarkdown(os.Stdout); err != nil {
		log.Fatal(err)
	}

	today := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	for _, age := range []int{3, 20, 90, 200} {
		created := today.AddDate(0, 0, -age)
		m := Message{SID: fmt.Sprintf("SM%03d", age), From: "+14155551234", Body: "see you at 5", ClientIP: "203.0.113.42"}
		fmt.Printf("\n%s, created %d days ago (%s)\n", m.SID, age, created.Format(time.DateOnly))

		s, err := p.ScheduleOf(m, created)
		if err != nil {
			log.Fatal(err)
		}
		plan, err := s.DeletionPlan(today)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("  a deletion asked for today: %v\n", plan)

		purged, err := p.Purge(&m, created, today)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("  today's purge zeroes %q: %+v\n", purged, m)
	}
}
