// Quickstart tags a messaging service's type, redacts a message in place and as a copy,
// and writes a JSON log line through the pii handler: nothing personal reaches the log.
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/ef8f9424/pii"
)

// Message is a text message as a messaging API keeps it.
type Message struct {
	SID      string    `pii:"no"`
	From     string    `pii:"phone,mtl=120"`
	To       string    `pii:"phone,mtl=120"`
	Body     string    `pii:"body,mtl=30"`
	Author   string    `pii:"name,mtl=30"`
	ClientIP string    `pii:"ip"`
	Segments int       `pii:"no"`
	Created  time.Time `pii:"no,created"`
}

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run is the program, writing to w: its test compares what it writes with
// testdata/output.golden.
func run(w io.Writer) error {
	// The service's own number is not personal data: it stays as it is.
	p, err := pii.New(pii.WithOwnedNumbers("+14155550100"))
	if err != nil {
		return err
	}
	msg := Message{
		SID:      "SM87105da94bff44b999e4e6eb90d8eb6a",
		From:     "+1 (415) 555-1234",
		To:       "+14155550100",
		Body:     "Running late, call me at +44 20 7946 0958",
		Author:   "Jane Doe",
		ClientIP: "203.0.113.42",
		Segments: 1,
		Created:  time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC),
	}

	fields, err := p.Classify(msg)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "What each field is:")
	for _, f := range fields {
		fmt.Fprintf(w, "  %-9s %s\n", f.Path, f.Summary())
	}

	// A redacted copy: msg itself is untouched.
	safe, err := pii.Redacted(p, msg)
	if err != nil {
		return err
	}
	//piivet:ignore the example shows the record before redaction, next to its copy
	fmt.Fprintf(w, "\nBefore: %+v\nCopy:   %+v\n", msg, safe)

	// Every log line goes through the handler, which logs redacted copies.
	logger := slog.New(pii.NewHandler(slog.NewJSONHandler(w, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // keep the example's output stable
			}
			return a
		},
	}), p))
	fmt.Fprintln(w, "\nThe log line:")
	logger.Info("message sent", "sms", msg)

	// In place, for a value that is about to be stored or shared.
	if err := p.Redact(&msg); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nIn place: %+v\n", msg)
	return nil
}
