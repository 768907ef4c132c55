package piilogrus_test

import (
	"io"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

func benchLogger(redact bool) *logrus.Logger {
	l := logrus.New()
	l.SetOutput(io.Discard)
	l.SetFormatter(&logrus.JSONFormatter{DisableTimestamp: true})
	if redact {
		l.AddHook(piilogrus.NewHook(nil))
	}
	return l
}

// BenchmarkLog compares one line with a tagged struct and plain fields, through logrus
// alone and with the hook.
func BenchmarkLog(b *testing.B) {
	c := adaptertest.NewCustomer()
	for _, bc := range []struct {
		name   string
		redact bool
	}{{"logrus", false}, {"piilogrus", true}} {
		b.Run(bc.name, func(b *testing.B) {
			l := benchLogger(bc.redact)
			b.ReportAllocs()
			for b.Loop() {
				l.WithFields(logrus.Fields{"customer": c, "route": "/v1/signup", "status": 201}).Info("signup")
			}
		})
	}
}
