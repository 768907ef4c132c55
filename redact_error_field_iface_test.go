package pii_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// textError is an error that is a fmt.Stringer too, with its text in an unexported
// field, as errors.New's is.
type textError struct{ s string }

func (e *textError) Error() string  { return e.s }
func (e *textError) String() string { return e.s }

// codedError is an error interface with more methods than Error, as services declare.
type codedError interface {
	error
	String() string
}

type ifaceErrorRecords struct {
	Coded    codedError   `pii:"email"`
	Stringer fmt.Stringer `pii:"email"`
}

// TestTaggedNonErrorInterfaceHoldingText: a tagged field of an interface type that no
// masked error can stand in for, holding an error whose text is all there is, never
// panics (Redact, Redacted, Anonymize, Classify), and never reaches a log line or Safe
// readable.
func TestTaggedNonErrorInterfaceHoldingText(t *testing.T) {
	const email = "jane@example.com"
	values := map[string]func() any{
		"coded":    func() any { return &ifaceErrorRecords{Coded: &textError{email}} },
		"stringer": func() any { return &ifaceErrorRecords{Stringer: &textError{email}} },
	}
	for name, mk := range values {
		t.Run(name, func(t *testing.T) {
			calls := map[string]func() error{
				"Redact":    func() error { return pii.Redact(mk()) },
				"Redacted":  func() error { _, err := pii.Redacted(nil, mk()); return err },
				"Anonymize": func() error { return pii.Anonymize(mk()) },
				"Classify":  func() error { _, err := pii.Classify(mk()); return err },
			}
			for call, f := range calls {
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("%s panicked: %v", call, r)
						}
					}()
					if err := f(); err != nil && !errors.Is(err, pii.ErrKindType) {
						t.Errorf("%s: %v, want nil or an error wrapping ErrKindType", call, err)
					}
				}()
			}
			var buf bytes.Buffer
			slog.New(pii.NewHandler(slog.NewTextHandler(&buf, nil), nil)).Info("x", "v", mk())
			if s := buf.String(); strings.Contains(s, email) || strings.Contains(s, "panicked") {
				t.Errorf("log line: %s", s)
			}
			if s := fmt.Sprint(pii.Safe(mk())); strings.Contains(s, email) {
				t.Errorf("Safe: %s", s)
			}
		})
	}
}
