package piizerolog_test

// Review s33 of the commits 07fddf1..HEAD (error.go, interface.go, jsonobject.go,
// object.go).

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
)

// s33CardErr is a tagged error that writes itself (zerolog.LogObjectMarshaler) with the
// last four digits of its card: correct on every real value, not on the redacted copy.
type s33CardErr struct {
	ID   string `pii:"no"`
	Card string `pii:"card,handling=sensitive"`
}

func (e s33CardErr) Error() string { return "card " + e.ID + " declined" }
func (e s33CardErr) MarshalZerologObject(ev *zerolog.Event) {
	ev.Str("id", e.ID).Str("last4", e.Card[len(e.Card)-4:])
}

// DEFECT (found by review of guard.JSON and MarshalError; fixed since): MarshalError still returns a copy that is a
// zerolog.LogObjectMarshaler as it is (error.go:27-29), and zerolog's Err, AnErr and
// Errs run its MarshalZerologObject with no recover: the copy's method panics out of the
// log call, the crash the guard commits set out to remove ("A redacted copy whose ...
// Error panics ... no longer crashes a log call").
func TestS33ErrorObjectCopyPanics(t *testing.T) {
	arHooks(t)
	e := s33CardErr{ID: "c1", Card: adaptertest.ReviewCard}
	for name, log := range map[string]func(zerolog.Logger){
		"Err":  func(l zerolog.Logger) { l.Info().Err(e).Msg("m") },
		"Errs": func(l zerolog.Logger) { l.Info().Errs("es", []error{e}).Msg("m") },
		"With": func(l zerolog.Logger) { ll := l.With().AnErr("e", e).Logger(); ll.Info().Msg("m") },
	} {
		t.Run(name, func(t *testing.T) {
			out := arLog(t, log)
			if out == "" {
				t.Errorf("nothing was written")
			}
		})
	}
}

type s33Own struct{}

func (s33Own) MarshalJSON() ([]byte, error) { panic("the value's own MarshalJSON") }

type s33UntaggedOwn struct{ O s33Own }

// The review (found as a DEFECT against the README of the time): Object of a value
// with nothing tagged recovers the panic of the value's own MarshalJSON. Decided since:
// Object encodes the value itself and never lets a method's panic out of the log call
// (the README says so); only zerolog's own fields let a value's own panic through.
func TestS33ObjectOwnPanicSwallowed(t *testing.T) {
	for name, v := range map[string]any{"marshaler": s33Own{}, "field": s33UntaggedOwn{}} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			panicked := func() (p any) {
				defer func() { p = recover() }()
				l := zerolog.New(&buf)
				l.Info().Object("o", piizerolog.Object(v)).Msg("m")
				return nil
			}()
			if panicked != nil || !strings.Contains(buf.String(), "a method of the value panicked while it was written") {
				t.Errorf("panic %v; wrote %s; want the failure note", panicked, buf.String())
			}
		})
	}
}

type s33Err struct {
	Email string `pii:"email"`
}

func (e *s33Err) Error() string { return "no account for <" + e.Email + ">" }

// TestS33MarshalErrorText is a guard: a tagged error's text (now a string from
// MarshalError) is written as zerolog wrote the copy's Error, on every route.
func TestS33MarshalErrorText(t *testing.T) {
	arHooks(t)
	e := &s33Err{adaptertest.ReviewEmail}
	got := arLog(t, func(l zerolog.Logger) {
		ll := l.With().AnErr("c", e).Logger()
		ll.Info().Err(e).AnErr("a", e).Errs("es", []error{e, nil}).
			Fields(map[string]any{"f": e}).Fields([]any{"g", e}).
			Array("arr", zerolog.Arr().Err(e)).Dict("d", zerolog.Dict().Err(e)).Msg("m")
	})
	const red = `"no account for <***@example.com>"`
	want := `{"level":"info","c":` + red + `,"error":` + red + `,"a":` + red + `,"es":[` + red + `,null],"f":` + red +
		`,"g":` + red + `,"arr":[` + red + `],"d":{"error":` + red + `},"message":"m"}` + "\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}
