package piizap

import (
	"io"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// TestWritesAtOnce checks which wrapped cores a line's copies are lent to: cores that
// zapcore.NewCore made, and zap's own samplers and tees of only such cores.
func TestWritesAtOnce(t *testing.T) {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{})
	ioCore := func() zapcore.Core { return zapcore.NewCore(enc, zapcore.AddSync(io.Discard), zapcore.InfoLevel) }
	obs, _ := observer.New(zapcore.InfoLevel)
	sample := func(c zapcore.Core) zapcore.Core { return zapcore.NewSamplerWithOptions(c, time.Second, 10, 10) }
	raised, err := zapcore.NewIncreaseLevelCore(ioCore(), zapcore.ErrorLevel)
	if err != nil {
		t.Fatal(err)
	}
	production, err := zap.NewProduction()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for name, c := range map[string]zapcore.Core{
		"io core":             ioCore(),
		"sampler":             sample(ioCore()),
		"tee":                 zapcore.NewTee(ioCore(), sample(ioCore())),
		"zap.NewProduction":   production.Core(),
		"observer":            obs,
		"tee with observer":   zapcore.NewTee(ioCore(), obs),
		"sampler of observer": sample(obs),
		"raised level":        raised,
		"nop":                 zapcore.NewNopCore(),
	} {
		got[name] = writesAtOnce(c)
	}
	want := map[string]bool{"io core": true, "sampler": true, "tee": true, "zap.NewProduction": true}
	for name := range got {
		if !want[name] {
			want[name] = false
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("writesAtOnce (-want +got):\n%s", diff)
	}
}
