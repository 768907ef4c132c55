// Retention sweeps a store of messages of different ages: it prints the inventory with
// each field's MTL, what a deletion request asked for today would do to each message and
// by when the law wants it answered, and what one daily purge of the whole store zeroes
// because a field's maximum retention (ttl=) has run out. Each message carries its own
// creation time (`pii:"no,created"`), so each is purged by its own age.
//
//	go run ./examples/retention
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/ef8f9424/pii"
)

// Message keeps its numbers 120 days at least, its body 30 days at least and at most
// 180, and the sender's IP address 14 days at most, all counted from Created.
type Message struct {
	SID      string    `pii:"no"`
	Created  time.Time `pii:"no,created"`
	From     string    `pii:"phone,mtl=120"`
	Body     string    `pii:"body,mtl=30,ttl=180"`
	ClientIP string    `pii:"ip,ttl=14"`
}

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run is the program, writing to w: its test compares what it writes with
// testdata/output.golden.
func run(w io.Writer) error {
	// Seven days of grace after an account closure and fourteen of backups meet GDPR's
	// one month for answering a deletion request; the defaults (30 + 30) would not.
	p, err := pii.New(pii.WithProfile(pii.GDPR), pii.WithGracePeriod(7), pii.WithBackupWindow(14))
	if err != nil {
		return err
	}
	for _, warning := range p.Warnings() {
		fmt.Fprintln(w, "warning:", warning)
	}
	inv, err := p.Inventory(Message{})
	if err != nil {
		return err
	}
	if err := inv.WriteMarkdown(w); err != nil {
		return err
	}

	today := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	var store []Message
	for _, age := range []int{3, 20, 90, 200} {
		store = append(store, Message{SID: fmt.Sprintf("SM%03d", age), Created: today.AddDate(0, 0, -age),
			From: "+14155551234", Body: "see you at 5", ClientIP: "203.0.113.42"})
	}
	for _, m := range store {
		fmt.Fprintf(w, "\n%s, created %s\n", m.SID, m.Created.Format(time.DateOnly))
		s, err := p.ScheduleOf(m, time.Time{}) // the time is the record's own
		if err != nil {
			return err
		}
		plan, err := s.DeletionPlan(today)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  a deletion asked for today: %v\n", plan)
	}

	purged, err := p.Purge(store, time.Time{}, today)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\ntoday's purge zeroes %q, message by message:\n", purged)
	for _, m := range store {
		//piivet:ignore the example shows what the purge left of each record: nothing personal
		fmt.Fprintf(w, "  %s: body %q, client IP %q\n", m.SID, m.Body, m.ClientIP)
	}
	return nil
}
