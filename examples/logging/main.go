// Logging shows the pii slog handler: tagged values are redacted at any depth, in
// groups, in logger.With attributes and in LogValuers, and with ScanStrings the personal
// data in free-text messages and string attributes is hidden too.
//
//	go run ./examples/logging
package main

import (
	"errors"
	"io"
	"log"
	"log/slog"
	"os"

	"github.com/ef8f9424/pii"
)

// Participant is one party of a call.
type Participant struct {
	Label  string `pii:"no"`
	Number string `pii:"phone,mtl=120"`
}

// Call is a voice call with its parties.
type Call struct {
	SID          string        `pii:"no"`
	CallerName   string        `pii:"name,mtl=120"`
	Participants []Participant // untagged: descended
}

// session resolves to a Call only when a line is written.
type session struct{ call *Call }

func (s session) LogValue() slog.Value { return slog.AnyValue(s.call) }

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run is the program, writing to w: its test compares what it writes with
// testdata/output.golden.
func run(w io.Writer) error {
	p, err := pii.New()
	if err != nil {
		return err
	}
	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	h := pii.NewHandler(slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: noTime}), p, pii.ScanStrings())
	logger := slog.New(h)

	call := &Call{
		SID:        "CA42",
		CallerName: "Jane Doe",
		Participants: []Participant{
			{Label: "caller", Number: "+14155551234"},
			{Label: "callee", Number: "+33 1 23 45 67 89"},
		},
	}
	logger.With("call", call).Info("call started")
	logger.Info("call ended", slog.Group("details", "session", session{call}, "seconds", 42))
	logger.Info("voicemail from +44 20 7946 0958, reply to jane.doe@example.com")
	if call.Participants[0].Number != "+14155551234" {
		return errors.New("the handler changed the caller's value")
	}
	return nil
}
