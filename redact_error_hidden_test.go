package pii_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// notFoundError holds the key it did not find in an unexported interface field, and
// prints it.
type notFoundError struct{ key any }

func (e *notFoundError) Error() string { return fmt.Sprintf("not found: %v", e.key) }

// opError is a wrapper written before Unwrap: it prints the error it holds.
type opError struct {
	op  string
	err error
}

func (e *opError) Error() string { return e.op + ": " + e.err.Error() }

// causeHolder holds its detail in a struct of its own, by value.
type causeHolder struct {
	state struct{ detail any }
}

func (e causeHolder) Error() string { return fmt.Sprint("bad state ", e.state.detail) }

// lazyJSON prints what it holds as JSON, when a logger asks.
type lazyJSON struct{ v any }

func (l lazyJSON) String() string {
	b, _ := json.Marshal(l.v)
	return string(b)
}

// TestHiddenInterfaceFields logs values that hold a tagged record in an unexported
// interface field, where no walk goes but their Error or String (or fmt) prints it: an
// error's text is redacted as a tagged error's is, and any other value is withheld
// whole. What holds nothing tagged there is passed on as it is.
func TestHiddenInterfaceFields(t *testing.T) {
	u := sendUser{ID: "u1", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
	const withheld = "withheld"
	tests := []struct {
		name string
		v    any
		want string // what the line shows; withheld for the note
		same bool   // passed on as it is
	}{
		{"an error's key", &notFoundError{u}, "not found: {u1 M. O. ***@example.com +1415555XXXX}", false},
		{"an error's key, a pointer", &notFoundError{&u}, "not found: &{u1 M. O. ***@example.com +1415555XXXX}", false},
		{"a wrapper with no Unwrap", &opError{"load", notifyError{u.Email}}, "load: cannot notify ***@example.com", false},
		{"wrapped with %w", fmt.Errorf("get: %w", &notFoundError{u}), "get: not found: {u1 M. O. ***@example.com +1415555XXXX}", false},
		{"in a struct held by value", causeHolder{state: struct{ detail any }{u}}, "bad state {u1 M. O. ***@example.com +1415555XXXX}", false},
		{"an error printed as JSON", &opError{"load", jsonError{u}}, withheld, false},
		{"a Stringer", lazyJSON{u}, withheld, false},
		{"a struct fmt prints", struct{ key any }{u}, withheld, false},
		{"a plain key", &notFoundError{"order 42"}, "not found: order 42", true},
		{"a nil wrapper", error((*opError)(nil)), "<nil>", true},
		{"a nil wrapper wrapped", fmt.Errorf("get: %w", (*opError)(nil)), "get: <nil>", true},
		{"a wrapper of a plain error", &opError{"load", errors.New("timeout")}, "load: timeout", true},
		{"a Stringer of a plain value", lazyJSON{map[string]int{"n": 1}}, `{"n":1}`, true},
		{"a Stringer of plain values in interfaces", lazyJSON{map[string]any{"n": 1, "s": "ok"}}, `{"n":1,"s":"ok"}`, true},
		{"a Stringer of a record in an interface", lazyJSON{map[string]any{"u": u}}, withheld, false},
		{"an error's plain values in interfaces", &notFoundError{[]any{"order", 42}}, "not found: [order 42]", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := pii.Default().ForLog(tt.v)
			if tt.same {
				if changed {
					t.Errorf("ForLog changed it: %v", got)
				}
			} else if !changed {
				t.Errorf("ForLog left it as it was: %v", got)
			}
			text := fmt.Sprint(got)
			if tt.want == withheld {
				if !strings.HasPrefix(text, "!PII-REDACTED: ") {
					t.Errorf("ForLog = %q, want it withheld", text)
				}
			} else if diff := cmp.Diff(tt.want, text); diff != "" {
				t.Errorf("ForLog (-want +got):\n%s", diff)
			}
			for _, h := range []func(*bytes.Buffer) slog.Handler{
				func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
				func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
			} {
				var buf bytes.Buffer
				slog.New(pii.NewHandler(h(&buf), nil)).Info("m", "v", tt.v)
				for _, raw := range []string{"Okafor", "2671", "Maria"} {
					if strings.Contains(buf.String(), raw) {
						t.Errorf("%q reached the Handler's line: %s", raw, buf.String())
					}
				}
			}
			if s := pii.Safe(tt.v).String(); strings.Contains(s, "Okafor") {
				t.Errorf("Safe printed %q", s)
			}
		})
	}
}

// jsonError prints what it holds as JSON, a form redaction cannot find in its text.
type jsonError struct{ v any }

func (e jsonError) Error() string {
	b, _ := json.Marshal(e.v)
	return string(b)
}
