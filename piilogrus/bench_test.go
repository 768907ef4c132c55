package piilogrus_test

import (
	"io"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// How benchLogger redacts.
const (
	none = iota
	hook
	formatter
	both
)

func benchLogger(redact int) *logrus.Logger {
	l := logrus.New()
	l.SetOutput(io.Discard)
	var f logrus.Formatter = &logrus.JSONFormatter{DisableTimestamp: true}
	if redact == formatter || redact == both {
		f = piilogrus.NewFormatter(f, nil)
	}
	l.SetFormatter(f)
	if redact == hook || redact == both {
		l.AddHook(piilogrus.NewHook(nil))
	}
	return l
}

// BenchmarkLog compares one line with a tagged struct and plain fields, through logrus
// alone, with the hook, with NewFormatter, and with both (the struct redacted twice).
func BenchmarkLog(b *testing.B) {
	c := adaptertest.NewCustomer()
	for _, bc := range []struct {
		name   string
		redact int
	}{{"logrus", none}, {"piilogrus", hook}, {"formatter", formatter}, {"hook+formatter", both}} {
		b.Run(bc.name, func(b *testing.B) {
			l := benchLogger(bc.redact)
			b.ReportAllocs()
			for b.Loop() {
				l.WithFields(logrus.Fields{"customer": c, "route": "/v1/signup", "status": 201}).Info("signup")
			}
		})
	}
}
