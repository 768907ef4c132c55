package pii_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// TestWrappedWrongTagGetsItsNote logs errors that wrap an error whose type's tags are
// wrong: the whole text is withheld with the note that error gets logged alone (it
// names the type, field and tag to mend), not a note that says only that something was
// withheld. Its address reaches no output.
func TestWrappedWrongTagGetsItsNote(t *testing.T) {
	bad := badTagErr{reviewEmail}
	alone, _ := pii.Default().ForLog(bad)
	note := fmt.Sprint(alone)
	if !strings.HasPrefix(note, "!PII-REDACTION-FAILED: ") || !strings.Contains(note, `"emial"`) {
		t.Fatalf("the note of the error alone is %q", note)
	}
	tests := map[string]error{
		"%w":                fmt.Errorf("save: %w", bad),
		"%w of %w":          fmt.Errorf("handler: %w", fmt.Errorf("save: %w", bad)),
		"errors.Join":       errors.Join(errors.New("first"), bad),
		"beside a tagged":   fmt.Errorf("%w and %w", reviewErr{reviewEmail}, bad),
		"a pointer to it":   fmt.Errorf("save: %w", &bad),
		"two %w, one wrong": fmt.Errorf("%w; %w", errors.New("plain"), bad),
	}
	for name, err := range tests {
		t.Run(name, func(t *testing.T) {
			got, changed := pii.Default().ForLog(err)
			if diff := cmp.Diff(note, fmt.Sprint(got)); diff != "" || !changed {
				t.Errorf("ForLog changed=%v, note (-want +got):\n%s", changed, diff)
			}
			if e, ok := got.(error); !ok || !errors.Is(e, pii.ErrRedactionFailed) {
				t.Errorf("ForLog = %#v, which errors.Is does not tell as a failure", got)
			}
			var buf bytes.Buffer
			slog.New(pii.NewHandler(slog.NewTextHandler(&buf, nil), nil)).Info("m", "err", err)
			if !strings.Contains(buf.String(), "PII-REDACTION-FAILED") {
				t.Errorf("Handler line has no note: %s", buf.String())
			}
			if out := everyOutput(t, err); strings.Contains(out, "jane.doe") {
				t.Errorf("the address reached an output:\n%s", out)
			}
		})
	}
}

// TestTypedNilInChainKeepsText logs errors whose chain holds a nil pointer of a tagged
// error type: it holds nothing, so the wrapper's text stays as fmt printed it (the
// nil's "<nil>"), with a tagged error beside it redacted; the text is not withheld as
// one whose methods panicked.
func TestTypedNilInChainKeepsText(t *testing.T) {
	var nilTagged *reviewTaggedPtrErr
	tests := []struct {
		name    string
		err     error
		want    string
		changed bool
	}{
		{"alone behind %w", fmt.Errorf("lookup: %w", nilTagged), "lookup: <nil>", false},
		{"beside a tagged error", fmt.Errorf("lookup %w: %w", nilTagged, reviewErr{reviewEmail}), "lookup <nil>: bad user ***@example.com", true},
		{"behind two %w", fmt.Errorf("a: %w", fmt.Errorf("b: %w", nilTagged)), "a: b: <nil>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := pii.Default().ForLog(tt.err)
			if diff := cmp.Diff(tt.want, fmt.Sprint(got)); diff != "" || changed != tt.changed {
				t.Errorf("ForLog changed=%v (want %v), text (-want +got):\n%s", changed, tt.changed, diff)
			}
			if out := everyOutput(t, tt.err); strings.Contains(out, "jane.doe") || strings.Contains(out, "methods panicked") {
				t.Errorf("an output:\n%s", out)
			}
		})
	}
}

// reviewTaggedPtrErr is a tagged error type with a pointer receiver that reads its field,
// so that its Error panics on a nil pointer.
type reviewTaggedPtrErr struct {
	Email string `pii:"email"`
}

func (e *reviewTaggedPtrErr) Error() string { return "user " + e.Email }

// nilWrap is an error whose methods run on a nil receiver: its Error prints, and its
// Unwrap returns, a tagged error.
type nilWrap struct{ code int }

var nilWrapInner error = reviewErr{reviewEmail}

func (w *nilWrap) Error() string {
	if w == nil {
		return "default: " + nilWrapInner.Error()
	}
	return "code"
}

func (w *nilWrap) Unwrap() error {
	if w == nil {
		return nilWrapInner
	}
	return nil
}

// nilSafeTagged is a tagged error type whose Error runs on nil.
type nilSafeTagged struct {
	Email string `pii:"email"`
}

func (e *nilSafeTagged) Error() string {
	if e == nil {
		return "no user"
	}
	return "user " + e.Email
}

// TestTypedNilWhoseMethodsRun logs errors whose chain holds a nil pointer whose methods
// run on nil: it is looked at as any error is, so what it unwraps to is redacted, and a
// tagged type's chain is cut as for a value of it.
func TestTypedNilWhoseMethodsRun(t *testing.T) {
	var nw *nilWrap
	var ns *nilSafeTagged
	for name, err := range map[string]error{
		"%w":          fmt.Errorf("op: %w", nw),
		"errors.Join": errors.Join(errors.New("x"), nw),
		"alone":       error(nw),
	} {
		got, changed := pii.Default().ForLog(err)
		if !changed || strings.Contains(fmt.Sprint(got), "jane.doe") {
			t.Errorf("%s: ForLog = %q, %v; want the address hidden", name, got, changed)
		}
		if out := everyOutput(t, err); strings.Contains(out, "jane.doe") {
			t.Errorf("%s: the address reached an output:\n%s", name, out)
		}
	}
	got, changed := pii.Default().ForLog(fmt.Errorf("op: %w", ns))
	if diff := cmp.Diff("op: no user", fmt.Sprint(got)); diff != "" || !changed {
		t.Errorf("a nil-safe tagged error: changed=%v, text (-want +got):\n%s", changed, diff)
	}
	var target *nilSafeTagged
	if e, ok := got.(error); !ok || errors.As(e, &target) {
		t.Errorf("the chain of a tagged error was not cut: %#v", got)
	}
}

// callError is a tagged error that names the number it called.
type callError struct {
	Phone string `pii:"phone"`
}

func (e callError) Error() string { return "call to " + e.Phone + " failed" }

// TestWrapperFormattedTaggedData logs errors whose wrapper formatted a tagged value's data
// itself, beside the tagged error it wraps: no replacement of the wrapped error's text
// reaches it, so the whole text is withheld. Data redaction leaves as it is (the
// service's own number) is no reason to withhold, nor is a wrapper that shows nothing
// of it.
func TestWrapperFormattedTaggedData(t *testing.T) {
	const own, other = "+14155550100", "+14155550123"
	p, err := pii.New(pii.WithOwnedNumbers(own))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		err  error
		want string // "" for withheld
	}{
		{"%s beside %w", fmt.Errorf("retry %s: %w", other, callError{other}), ""},
		{"in errors.Join", errors.Join(errors.New("dialled "+other), callError{other}), ""},
		{"two levels up", fmt.Errorf("job %s: %w", other, fmt.Errorf("step: %w", callError{other})), ""},
		{"only %w", fmt.Errorf("retry: %w", callError{other}), "retry: call to +1415555XXXX failed"},
		{"the own number", fmt.Errorf("retry %s: %w", own, callError{own}), "retry " + own + ": call to " + own + " failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkForLogText(t, p, tt.err, tt.want)
			var buf bytes.Buffer
			slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), p)).Info("m", "err", tt.err)
			if strings.Contains(buf.String(), "4155550123") {
				t.Errorf("the number reached the Handler's line: %s", buf.String())
			}
		})
	}
}
