package piizap_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// TestNilWrapperError logs a nil *adaptertest.NilCauseError through Object and NewCore: no panic
// reaches the caller, and the line says nil, as zap alone writes a nil error.
func TestNilWrapperError(t *testing.T) {
	var out bytes.Buffer
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	l := zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(&out), zapcore.InfoLevel), nil))
	var err *adaptertest.NilCauseError
	l.Info("failed", piizap.Object("o", err), zap.Error(err))
	if !strings.Contains(out.String(), `"o":"<nil>"`) && !strings.Contains(out.String(), `"o":null`) {
		t.Errorf("Object of a nil error: %s", out.String())
	}
	if !strings.Contains(out.String(), `"error":"<nil>"`) {
		t.Errorf("zap.Error of a nil error: %s", out.String())
	}
}
