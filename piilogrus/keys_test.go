package piilogrus_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/google/go-cmp/cmp"
	"github.com/sirupsen/logrus"
)

// TestScanStringsKeys logs fields whose keys are made of data: with ScanStrings the keys
// are scanned as the values are, by the Hook and by NewFormatter, and two keys that
// redact alike keep both values.
func TestScanStringsKeys(t *testing.T) {
	const second = "+14155550124"
	json := &logrus.JSONFormatter{DisableTimestamp: true}
	loggers := map[string]func(*bytes.Buffer, ...piilogrus.Option) *logrus.Logger{
		"hook": func(buf *bytes.Buffer, opts ...piilogrus.Option) *logrus.Logger { return newLogger(buf, json, opts...) },
		"formatter": func(buf *bytes.Buffer, opts ...piilogrus.Option) *logrus.Logger {
			l := logrus.New()
			l.SetOutput(buf)
			l.SetFormatter(piilogrus.NewFormatter(json, nil, opts...))
			return l
		},
	}
	for name, newLogger := range loggers {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			fields := logrus.Fields{adaptertest.Email: 1, adaptertest.Phone: 2, second: 3, "plan": adaptertest.Plan}
			newLogger(&buf, piilogrus.ScanStrings()).WithFields(fields).Info("m")
			want := `{"***@example.com":1,"+1415555XXXX":2,"+1415555XXXX #2":3,"level":"info","msg":"m","plan":"` + adaptertest.Plan + `"}` + "\n"
			if diff := cmp.Diff(want, buf.String()); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
			if len(fields) != 4 || fields[adaptertest.Email] != 1 {
				t.Errorf("the caller's fields changed: %v", fields)
			}
			// Without ScanStrings, keys are the caller's business.
			buf.Reset()
			newLogger(&buf).WithField(adaptertest.Email, 1).Info("m")
			if !strings.Contains(buf.String(), adaptertest.Email) {
				t.Errorf("without ScanStrings the key changed: %s", buf.String())
			}
		})
	}
}
