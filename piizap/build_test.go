package piizap_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// buildConfig is a production configuration writing to a file of t's, with no time,
// caller or stack in its lines, so that they can be compared whole.
func buildConfig(t *testing.T, initial map[string]any) (zap.Config, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "log.json")
	cfg := zap.NewProductionConfig()
	cfg.OutputPaths, cfg.ErrorOutputPaths = []string{path}, []string{"stderr"}
	cfg.EncoderConfig.TimeKey, cfg.DisableCaller, cfg.DisableStacktrace = "", true, true
	cfg.InitialFields = initial
	return cfg, path
}

// logged returns what the lines written to path hold.
func logged(t *testing.T, l *zap.Logger, path string) string {
	t.Helper()
	_ = l.Sync()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBuildRedactsInitialFields builds loggers whose configurations carry tagged
// values in InitialFields: Build redacts them, where cfg.Build wraps the core too late
// to see them; fields with nothing to hide are written as cfg.Build writes them, in
// its order.
func TestBuildRedactsInitialFields(t *testing.T) {
	tests := []struct {
		name    string
		initial map[string]any
		opts    []piizap.Option
		want    string
	}{
		{"tagged value", map[string]any{"customer": adaptertest.NewCustomer(), "service": "signup"}, nil,
			`{"level":"info","msg":"m","customer":{"id":"c1","name":"J. D.","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"},"service":"signup","n":1}`},
		{"tagged value behind a pointer", map[string]any{"c": &adaptertest.Customer{ID: "c2", Email: adaptertest.Email}}, nil,
			`{"level":"info","msg":"m","c":{"id":"c2","name":"","email":"***@example.com","phone":"","plan":""},"n":1}`},
		{"no initial fields", nil, nil, `{"level":"info","msg":"m","n":1}`},
		{"string scanned with ScanStrings", map[string]any{"owner": "mail " + adaptertest.Email}, []piizap.Option{piizap.ScanStrings()},
			`{"level":"info","msg":"m","owner":"mail ***@example.com","n":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, path := buildConfig(t, tt.initial)
			l, err := piizap.Build(cfg, nil, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			l.Info("m", zap.Int("n", 1))
			if diff := cmp.Diff(tt.want+"\n", logged(t, l, path)); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBuildAsConfigBuild checks that a logger from Build writes a line with nothing to
// hide as one from cfg.Build does, and leaves the caller's configuration as it was.
func TestBuildAsConfigBuild(t *testing.T) {
	initial := map[string]any{"service": "signup", "region": "eu", "build": 42}
	cfg, path := buildConfig(t, initial)
	l, err := piizap.Build(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	l.Info("m", zap.String("route", "/v1"))
	got := logged(t, l, path)

	plainCfg, plainPath := buildConfig(t, initial)
	plain, err := plainCfg.Build()
	if err != nil {
		t.Fatal(err)
	}
	plain.Info("m", zap.String("route", "/v1"))
	if diff := cmp.Diff(logged(t, plain, plainPath), got); diff != "" {
		t.Errorf("Build's line against cfg.Build's (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"service": "signup", "region": "eu", "build": 42}, cfg.InitialFields); diff != "" {
		t.Errorf("the caller's InitialFields changed (-want +got):\n%s", diff)
	}
}

// TestBuildError returns cfg.Build's error for a configuration it refuses.
func TestBuildError(t *testing.T) {
	cfg, _ := buildConfig(t, map[string]any{"c": adaptertest.NewCustomer()})
	cfg.Encoding = "no-such-encoding"
	l, err := piizap.Build(cfg, nil)
	_, want := cfg.Build()
	if l != nil || err == nil || want == nil || err.Error() != want.Error() {
		t.Fatalf("Build = %v, %v; want nil and cfg.Build's error %v", l, err, want)
	}
}

// TestWrapBeforeFields shows the order NewCore's documentation asks for: fields added
// after the core is wrapped are redacted.
func TestWrapBeforeFields(t *testing.T) {
	cfg, path := buildConfig(t, nil)
	l, err := cfg.Build(
		zap.WrapCore(func(c zapcore.Core) zapcore.Core { return piizap.NewCore(c, nil) }),
		zap.Fields(zap.Any("customer", adaptertest.NewCustomer())),
	)
	if err != nil {
		t.Fatal(err)
	}
	l.Info("m")
	adaptertest.NoPII(t, logged(t, l, path))
}
