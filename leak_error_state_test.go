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

// validationError keeps the field it names exported and the value it quotes
// unexported, as many services' error types do.
type validationError struct {
	Field string
	value string
}

func (e *validationError) Error() string { return "field " + e.Field + ": bad value " + e.value }

type validationFailure struct {
	Err error `pii:"email"`
}

// TestTaggedErrorWithHiddenState: a PII-tagged error field holding an error whose
// text comes from unexported fields (the walk hides only its exported ones) never
// shows that text readable, through a text or JSON log line, Safe, Redacted or Redact;
// and the caller's error is left as it was.
func TestTaggedErrorWithHiddenState(t *testing.T) {
	const email = "jane@example.com"
	orig := &validationError{Field: "Email", value: email}
	v := validationFailure{Err: orig}
	outputs := map[string]string{}
	for name, h := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		"json": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var buf bytes.Buffer
		slog.New(pii.NewHandler(h(&buf), nil)).Info("x", "v", v, "p", &v)
		outputs[name+" log line"] = buf.String()
	}
	outputs["Safe"] = fmt.Sprintf("%v %+v", pii.Safe(v), pii.Safe(&v))
	red, err := pii.Redacted(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	outputs["Redacted"] = fmt.Sprint(red.Err)
	inPlace := v
	if err := pii.Redact(&inPlace); err != nil {
		t.Fatal(err)
	}
	outputs["Redact"] = fmt.Sprint(inPlace.Err)
	for name, out := range outputs {
		if strings.Contains(out, email) {
			t.Errorf("%s shows the value: %s", name, out)
		}
	}
	if orig.value != email || orig.Field != "Email" || !errors.Is(v.Err, orig) {
		t.Errorf("the caller's error changed: %+v", orig)
	}
}
