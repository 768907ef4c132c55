package piizap_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// nilCauseError is a wrapper error whose methods read its fields: a nil one panics.
type nilCauseError struct {
	msg   string
	cause error
}

func (e *nilCauseError) Error() string { return e.msg }
func (e *nilCauseError) Unwrap() error { return e.cause }

// TestNilWrapperError logs a nil *nilCauseError through Object and NewCore: no panic
// reaches the caller, and the line says nil, as zap alone writes a nil error.
func TestNilWrapperError(t *testing.T) {
	var out bytes.Buffer
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	l := zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(&out), zapcore.InfoLevel), nil))
	var err *nilCauseError
	l.Info("failed", piizap.Object("o", err), zap.Error(err))
	if !strings.Contains(out.String(), `"o":"<nil>"`) && !strings.Contains(out.String(), `"o":null`) {
		t.Errorf("Object of a nil error: %s", out.String())
	}
	if !strings.Contains(out.String(), `"error":"<nil>"`) {
		t.Errorf("zap.Error of a nil error: %s", out.String())
	}
}
