// Misplaced shows personal data put where the tags say there is none (a phone number in
// a "friendly name" tagged pii:"no") being caught twice: by pii.CheckNoPII, as a
// service's own test would catch it in its sample records, and by the log handler,
// which reports the field and hides what it found.
//
//	go run ./examples/misplaced
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/ef8f9424/pii"
)

// Number is a phone number a customer rents, as an API returns it.
type Number struct {
	SID          string    `pii:"no"`
	PhoneNumber  string    `pii:"no"` // the customer's own number: not personal data
	FriendlyName string    `pii:"no"` // a label, meant for "Support line"
	Owner        string    `pii:"name,mtl=30"`
	Created      time.Time `pii:"no,created"`
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	n := Number{
		SID:          "PN2a1b3c4d5e6f",
		PhoneNumber:  "+14155550100",
		FriendlyName: "Dr. Alvarez mobile +1 415 555 2671",
		Owner:        "Rosa Alvarez",
		Created:      time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC),
	}
	p, err := pii.New(pii.WithOwnedNumbers(n.PhoneNumber))
	if err != nil {
		return err
	}

	fmt.Fprintln(w, "In a test, over sample records:")
	fmt.Fprintln(w, " ", p.CheckNoPII(n))

	fmt.Fprintln(w, "In a log line:")
	report := func(_ context.Context, msg string, m pii.Misplaced) {
		fmt.Fprintf(w, "  reported: %q: %s\n", msg, m)
	}
	h := slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: dropTime})
	logger := slog.New(pii.NewHandler(h, p, pii.ReportMisplaced(report), pii.RedactMisplaced()))
	logger.Info("number updated", "number", n)
	return nil
}

// dropTime leaves the time out of log lines, so that the output is the same every run.
func dropTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}
