package piizap_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// TestTeeKeepsLevels wraps a tee of a debug core and an error core, as the README says
// to: each core gets the lines of its own level, redacted.
func TestTeeKeepsLevels(t *testing.T) {
	var debug, errs bytes.Buffer
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	tee := zapcore.NewTee(
		zapcore.NewCore(enc, zapcore.AddSync(&debug), zapcore.DebugLevel),
		zapcore.NewCore(enc, zapcore.AddSync(&errs), zapcore.ErrorLevel),
	)
	l := zap.New(piizap.NewCore(tee, nil))
	l.Info("info", zap.Any("c", adaptertest.NewCustomer()))
	l.Error("error", zap.Any("c", adaptertest.NewCustomer()))
	info := `{"msg":"info","c":` + redactedCustomer + "}\n"
	bad := `{"msg":"error","c":` + redactedCustomer + "}\n"
	if diff := cmp.Diff(info+bad, debug.String()); diff != "" {
		t.Errorf("debug core (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(bad, errs.String()); diff != "" {
		t.Errorf("error core (-want +got):\n%s", diff)
	}
}

// TestSamplerInside wraps a sampler that lets the first line of a message through and
// drops the next ones: it samples as it would without the redacting core.
func TestSamplerInside(t *testing.T) {
	var buf bytes.Buffer
	base := zapcore.NewCore(zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"}), zapcore.AddSync(&buf), zapcore.DebugLevel)
	sampled := zapcore.NewSamplerWithOptions(base, 1<<40, 1, 1<<30) // first line, then one in 2^30
	l := zap.New(piizap.NewCore(sampled, nil))
	for range 3 {
		l.Info("m", zap.Any("c", adaptertest.NewCustomer()))
	}
	if diff := cmp.Diff(`{"msg":"m","c":`+redactedCustomer+"}\n", buf.String()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// failingSyncer is a WriteSyncer that refuses every write.
type failingSyncer struct{}

func (failingSyncer) Write([]byte) (int, error) { return 0, errors.New("disk full") }
func (failingSyncer) Sync() error               { return nil }

// TestWriteErrorReported writes to a core that fails: the logger's error output says
// why, as without the redacting core.
func TestWriteErrorReported(t *testing.T) {
	var errOut bytes.Buffer
	base := zapcore.NewCore(zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"}), failingSyncer{}, zapcore.DebugLevel)
	l := zap.New(piizap.NewCore(base, nil), zap.ErrorOutput(zapcore.AddSync(&errOut)))
	l.Info("m")
	if got := errOut.String(); !strings.Contains(got, "write error: disk full\n") || strings.Count(got, "write error") != 1 {
		t.Errorf("error output = %q, want one write error: disk full", got)
	}
}
