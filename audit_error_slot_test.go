package pii

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

// slotDetailError is a wrapper error whose own text holds an email, untagged.
type slotDetailError struct {
	msg   string
	cause error
}

func (e *slotDetailError) Error() string { return e.msg }
func (e *slotDetailError) Unwrap() error { return e.cause }

// TestRedactMisplacedErrorFields checks that RedactMisplaced hides what the finder sees
// in the text of a wrapper error held in a field of its own type, as it does for one
// held in an interface field: the typed field once printed the email.
func TestRedactMisplacedErrorFields(t *testing.T) {
	type holder struct {
		ID    string `pii:"no"`
		Typed *slotDetailError
		Iface error
	}
	detail := func() *slotDetailError {
		return &slotDetailError{"mail jane.doe@example.com", errors.New("refused")}
	}
	for _, next := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var out bytes.Buffer
		l := slog.New(NewHandler(next(&out), nil, RedactMisplaced()))
		l.Info("failed", "h", holder{ID: "h1", Typed: detail(), Iface: detail()})
		if strings.Contains(out.String(), "jane.doe@example.com") {
			t.Errorf("the line shows the email in an error's text: %s", out.String())
		}
		if !strings.Contains(out.String(), "h1") {
			t.Errorf("the line lost the Not PII ID: %s", out.String())
		}
	}
}
