package piilogrus_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/google/go-cmp/cmp"
)

// note holds free text that carries no tag.
type note struct{ Note string }

// TestSafeScanned logs pii.Safe values with and without ScanStrings: with it, their
// untagged strings are scanned too, as a pii.Handler with ScanStrings does.
func TestSafeScanned(t *testing.T) {
	text := note{"call " + adaptertest.Phone}
	bad := adaptertest.BadTag{Phone: 4155550123}
	const failed = `"!PII-REDACTION-FAILED: pii: adaptertest.BadTag.Phone: tag \"phone\": the field's Go type cannot hold this kind: float64 cannot hold phone"`
	tests := []struct {
		name string
		opts []piilogrus.Option
		v    any
		want string
	}{
		{"scanned", []piilogrus.Option{piilogrus.ScanStrings()}, pii.Safe(text), `{"Note":"call +1415555XXXX"}`},
		{"scanned pointer", []piilogrus.Option{piilogrus.ScanStrings()}, pii.Safe(&text), `{"Note":"call +1415555XXXX"}`},
		{"not scanned", nil, pii.Safe(text), `{"Note":"call +14155550123"}`},
		{"bad tag scanned", []piilogrus.Option{piilogrus.ScanStrings()}, pii.Safe(bad), failed},
		{"bad tag", nil, pii.Safe(bad), failed},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		newLogger(&buf, formatters["json"], tt.opts...).WithField("s", tt.v).Info("m")
		if diff := cmp.Diff(`{"level":"info","msg":"m","s":`+tt.want+"}\n", buf.String()); diff != "" {
			t.Errorf("%s: line (-want +got):\n%s", tt.name, diff)
		}
	}
}
