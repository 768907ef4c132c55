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

// TestSafeOfNil logs pii.Safe of nil and of nil pointers as zap.Stringer and zap.Any
// fields: written as a line without NewCore writes them, "<nil>", or what a String that
// runs on nil gives.
func TestSafeOfNil(t *testing.T) {
	for name, f := range map[string]zap.Field{
		"Stringer of a nil pointer": zap.Stringer("s", pii.Safe((*adaptertest.Customer)(nil))),
		"Any of a nil pointer":      zap.Any("s", pii.Safe((*adaptertest.Customer)(nil))),
		"Any of nil":                zap.Any("s", pii.Safe(nil)),
		"a String that runs on nil": zap.Stringer("s", pii.Safe((*anonUser)(nil))),
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

// anonUser is a tagged type whose String runs on a nil receiver.
type anonUser struct {
	Email string `pii:"email"`
}

func (u *anonUser) String() string {
	if u == nil {
		return "anon"
	}
	return "user " + u.Email
}
