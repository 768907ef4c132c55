package piizerolog_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// nilCauseError is a wrapper error whose methods read its fields: a nil one panics.
type nilCauseError struct {
	msg   string
	cause error
}

func (e *nilCauseError) Error() string { return e.msg }
func (e *nilCauseError) Unwrap() error { return e.cause }

// TestNilWrapperError logs a nil *nilCauseError through Object: no panic reaches the
// caller.
func TestNilWrapperError(t *testing.T) {
	var out bytes.Buffer
	l := zerolog.New(&out)
	var err *nilCauseError
	l.Info().Object("o", piizerolog.Object(err)).Msg("failed")
	if !strings.Contains(out.String(), `"o":{"error":null}`) {
		t.Errorf("Object of a nil error: %s", out.String())
	}
}
