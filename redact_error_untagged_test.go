package pii_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// panicTextError is an error whose Error panics.
type panicTextError struct{}

func (*panicTextError) Error() string { panic("boom") }

// ptrWrapError wraps an error through a pointer receiver, which a nil one panics in.
type ptrWrapError struct{ err error }

func (w *ptrWrapError) Error() string { return "wrap: " + w.err.Error() }
func (w *ptrWrapError) Unwrap() error { return w.err }

// TestForLogUntaggedErrorChain checks that an error whose chain holds nothing tagged is
// passed on as it is, without a copy or an allocation, and that the chain's bounds and a
// panicking Error still make what they made before: the withheld text, the note.
func TestForLogUntaggedErrorChain(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	refused := errors.New("connection refused")
	for name, e := range map[string]error{
		"errors.New":               refused,
		"fmt.Errorf %w":            fmt.Errorf("signup: %w", refused),
		"errors.Join":              errors.Join(refused, errors.New("timeout")),
		"Join inside Errorf":       fmt.Errorf("signup: %w", errors.Join(refused, fmt.Errorf("retry: %w", refused))),
		"Errors() list":            errorList{[]error{refused, errors.New("timeout")}},
		"Unwrap and Errors() list": wrappedList{refused, errorList{[]error{errors.New("timeout")}}},
	} {
		got, changed := p.ForLog(e)
		if changed {
			t.Errorf("%s: ForLog reports a change for a chain with nothing to hide: %v", name, got)
		}
		if ge, ok := got.(error); !ok || ge.Error() != e.Error() {
			t.Errorf("%s: ForLog = %v, want the error as it is: %v", name, got, e)
		}
	}
	wrapped := fmt.Errorf("signup: %w", fmt.Errorf("store: %w", refused))
	if got, _ := p.ForLog(wrapped); got != any(wrapped) {
		t.Errorf("ForLog made a copy of an untagged chain: %#v", got)
	}
	if n := testing.AllocsPerRun(100, func() { p.ForLog(wrapped) }); n != 0 {
		t.Errorf("ForLog of an untagged chain allocates %v times, want 0", n)
	}

	t.Run("a nil wrapper is passed on as it is", func(t *testing.T) {
		var nilWrap *ptrWrapError
		if got, changed := p.ForLog(nilWrap); changed || got != any(nilWrap) {
			t.Errorf("ForLog(nil *ptrWrapError) = %v, %v: want it as it is", got, changed)
		}
	})
	t.Run("a tagged error in the chain is still hidden", func(t *testing.T) {
		got, changed := p.ForLog(fmt.Errorf("signup: %w", reviewErr{reviewEmail}))
		if text := fmt.Sprint(got); !changed || strings.Contains(text, reviewEmail) {
			t.Errorf("ForLog = %q, %v: want the email hidden", text, changed)
		}
	})
	t.Run("a chain longer than the bound is withheld", func(t *testing.T) {
		many := make([]error, 1001)
		for i := range many {
			many[i] = errors.New("connection refused")
		}
		got, changed := p.ForLog(errors.Join(many...))
		if text := fmt.Sprint(got); !changed || strings.Contains(text, "connection refused") {
			t.Errorf("ForLog of a 1001-error chain = %.80q, %v: want its text withheld", text, changed)
		}
	})
	t.Run("an Error that panics makes a note, not a crash", func(t *testing.T) {
		got, changed := p.ForLog(errors.Join(refused, &panicTextError{}))
		if text := fmt.Sprint(got); !changed || !strings.HasPrefix(text, "!PII-") {
			t.Errorf("ForLog = %q, %v: want a note in its place", text, changed)
		}
	})
}
