package piilogrus_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/google/go-cmp/cmp"
	"github.com/sirupsen/logrus"
)

// TestLeavesAsSlog logs the values a PII tag masks as their text (URLs, netip values, an
// error holding only text), errors holding a reflect.Type, and what the library refuses
// (a reflect.Value, a map keyed by a tagged type in an unexported field) with WithField,
// WithFields and WithError, through the Hook and through NewFormatter, in a child process
// (a fatal error would end the run): each JSON line shows what the slog Handler shows of
// the value, each text line nothing personal; the caller's value is as it was.
func TestLeavesAsSlog(t *testing.T) {
	adaptertest.InChild(t, func(t *testing.T) {
		for _, scan := range []bool{false, true} {
			for _, s := range adaptertest.Shapes() {
				v := s.Value()
				var opts []piilogrus.Option
				var hopts []pii.HandlerOption
				if scan {
					opts, hopts = append(opts, piilogrus.ScanStrings()), append(hopts, pii.ScanStrings())
				}
				want := adaptertest.SlogJSON(t, v, hopts...)
				key := "v"
				routes := map[string]func(*logrus.Logger){
					"WithField":  func(l *logrus.Logger) { l.WithField("v", v).Info("m") },
					"WithFields": func(l *logrus.Logger) { l.WithFields(logrus.Fields{"v": v}).Info("m") },
				}
				if err, ok := v.(error); ok {
					routes = map[string]func(*logrus.Logger){"WithError": func(l *logrus.Logger) { l.WithError(err).Info("m") }}
					key = logrus.ErrorKey
				}
				for fname, f := range formatters {
					loggers := map[string]func(*bytes.Buffer) *logrus.Logger{
						"Hook": func(b *bytes.Buffer) *logrus.Logger { return newLogger(b, f, opts...) },
						"Formatter": func(b *bytes.Buffer) *logrus.Logger {
							l := logrus.New()
							l.SetOutput(b)
							l.SetFormatter(piilogrus.NewFormatter(f, nil, opts...))
							return l
						},
					}
					for lname, newL := range loggers {
						for rname, log := range routes {
							var buf bytes.Buffer
							log(newL(&buf))
							adaptertest.NoLeak(t, buf.String(), s.Failed)
							if fname != "json" {
								continue
							}
							if diff := cmp.Diff(want, adaptertest.Field(t, buf.String(), key)); diff != "" {
								t.Errorf("%s, %s, %s, scan %v (-slog +logrus):\n%s", s.Name, lname, rname, scan, diff)
							}
						}
					}
				}
				if l, ok := v.(adaptertest.Leaves); ok {
					adaptertest.Unchanged(t, l)
				}
			}
		}
	})
}
