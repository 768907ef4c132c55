package piizap_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
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

// TestSafeOfNil logs pii.Safe of nil and of a nil pointer as zap.Stringer and zap.Any
// fields: written as zap writes a nil Stringer, "<nil>", as a line without NewCore does.
func TestSafeOfNil(t *testing.T) {
	for name, f := range map[string]zap.Field{
		"Stringer of a nil pointer": zap.Stringer("s", pii.Safe((*adaptertest.Customer)(nil))),
		"Any of a nil pointer":      zap.Any("s", pii.Safe((*adaptertest.Customer)(nil))),
		"Any of nil":                zap.Any("s", pii.Safe(nil)),
	} {
		var got, want bytes.Buffer
		newLogger(&got, nil).Info("m", f)
		enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
		zap.New(zapcore.NewCore(enc, zapcore.AddSync(&want), zapcore.DebugLevel)).Info("m", f)
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("%s (-without NewCore +with):\n%s", name, diff)
		}
	}
}
