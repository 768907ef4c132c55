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

// TestForLog checks what the loggers' adapters are given: the value itself when it
// holds nothing to hide, a copy with masks and sensitive data zeroed, and for a value
// that cannot be redacted, a note that is an ErrRedactionFailed error naming the field.
func TestForLog(t *testing.T) {
	type payment struct {
		ID    string `pii:"no"`
		Phone string `pii:"phone"`
		Card  string `pii:"card,handling=sensitive"`
	}
	type plain struct{ Route string }
	type bad struct {
		Phone float64 `pii:"phone"`
	}
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}

	got, changed := p.ForLog(payment{ID: "p1", Phone: "+14155552671", Card: "4242 4242 4242 4242"})
	if diff := cmp.Diff(payment{ID: "p1", Phone: "+1415555XXXX"}, got); diff != "" || !changed {
		t.Errorf("ForLog(payment) changed=%v (-want +got):\n%s", changed, diff)
	}

	in := plain{Route: "/v1"}
	if got, changed := p.ForLog(in); changed || got != any(in) {
		t.Errorf("ForLog(plain) = %v, %v; want it as it is", got, changed)
	}

	got, changed = p.ForLog(bad{Phone: 4155550123})
	err, isErr := got.(error)
	switch {
	case !changed || !isErr:
		t.Fatalf("ForLog(bad) = %#v, %v; want a failure note that is an error", got, changed)
	case !errors.Is(err, pii.ErrRedactionFailed):
		t.Errorf("the note is not ErrRedactionFailed: %v", err)
	case !errors.As(err, new(*pii.TagError)):
		t.Errorf("the note's chain lost its cause: %v", err)
	}
	want := `!PII-REDACTION-FAILED: pii: pii_test.bad.Phone: tag "phone": the field's Go type cannot hold this kind: float64 cannot hold phone`
	for verb, s := range map[string]string{"Error": err.Error(), "%v": fmt.Sprint(got)} {
		if s != want {
			t.Errorf("%s of the note = %q, want %q", verb, s, want)
		}
	}
}

// panicRedactor is a Redactor whose method panics, quoting the value it holds.
type panicRedactor struct{ Number string }

func (p *panicRedactor) RedactPII(pii.Kind) { panic("cannot redact " + p.Number) }

// panicStringer is an untagged Stringer whose method panics, quoting its value.
type panicStringer struct{ text string }

func (p panicStringer) String() string { panic("cannot print " + p.text) }

// TestHandlerSurvivesPanickingMethods logs values whose methods panic while they are
// redacted: the line is written, with a failure note in the value's place, the rest of
// the line intact, and nothing of what the panic quoted.
func TestHandlerSurvivesPanickingMethods(t *testing.T) {
	type record struct {
		Name string         `pii:"name"`
		Bad  *panicRedactor `pii:"phone"`
	}
	for name, tt := range map[string]struct {
		v    any
		opts []pii.HandlerOption
	}{
		"Redactor":          {v: record{Name: "Jane Doe", Bad: &panicRedactor{"+14155552671"}}},
		"Stringer, scanned": {v: panicStringer{"+14155552671"}, opts: []pii.HandlerOption{pii.ScanStrings()}},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			logger := slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil, tt.opts...))
			logger.Info("m", "v", tt.v, "route", "/v1")
			line := withoutTime(buf.String())
			if !strings.Contains(line, `"v":"!PII-REDACTION-FAILED: pii: `) || !strings.Contains(line, `"route":"/v1"`) {
				t.Errorf("line = %s, want a failure note for v and the route", line)
			}
			if strings.Contains(line, "2671") || strings.Contains(line, "Jane") {
				t.Errorf("line shows personal data: %s", line)
			}
		})
	}
}
