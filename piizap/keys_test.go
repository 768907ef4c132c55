package piizap_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
)

// TestScanStringsKeys logs fields whose keys are made of data, every way zap takes a key:
// with ScanStrings they are scanned as values are; without, they are left as they are.
func TestScanStringsKeys(t *testing.T) {
	const red = "***@example.com"
	tests := []struct {
		name string
		log  func(*zap.Logger)
		want string
	}{
		{"field", func(l *zap.Logger) { l.Info("m", zap.Int(adaptertest.Email, 1)) },
			`{"level":"info","msg":"m","` + red + `":1}`},
		{"changed value", func(l *zap.Logger) { l.Info("m", zap.String(adaptertest.Email, "call "+adaptertest.Phone)) },
			`{"level":"info","msg":"m","` + red + `":"call +1415555XXXX"}`},
		{"sugared pair", func(l *zap.Logger) { l.Sugar().Infow("m", adaptertest.Email, 1) },
			`{"level":"info","msg":"m","` + red + `":1}`},
		{"With", func(l *zap.Logger) { l.With(zap.Int(adaptertest.Email, 1)).Info("m") },
			`{"level":"info","msg":"m","` + red + `":1}`},
		{"Dict", func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Int(adaptertest.Email, 1))) },
			`{"level":"info","msg":"m","d":{"` + red + `":1}}`},
		{"Namespace", func(l *zap.Logger) { l.Info("m", zap.Namespace(adaptertest.Email), zap.Int("n", 1)) },
			`{"level":"info","msg":"m","` + red + `":{"n":1}}`},
		{"tagged value", func(l *zap.Logger) { l.Info("m", zap.Any(adaptertest.Email, adaptertest.NewCustomer())) },
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			tt.log(newLogger(&buf, nil, piizap.ScanStrings()))
			if tt.want == "" {
				adaptertest.NoPII(t, buf.String()) // a tagged value: its plan shows, its data does not
			} else if diff := cmp.Diff(tt.want+"\n", buf.String()); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
			buf.Reset()
			tt.log(newLogger(&buf, nil))
			if !bytes.Contains(buf.Bytes(), []byte(adaptertest.Email)) {
				t.Errorf("without ScanStrings the key changed: %s", buf.String())
			}
		})
	}
}
