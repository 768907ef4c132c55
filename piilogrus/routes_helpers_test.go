package piilogrus_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// The route tests' record, error types and check are internal/adaptertest's.
type (
	revUser       = adaptertest.RouteUser
	revUserErr    = adaptertest.UserError
	revMulti      = adaptertest.MultiError
	revJSONUser   = adaptertest.JSONUser
	revTextUser   = adaptertest.TextUser
	revStringUser = adaptertest.StringUser
	revOpErr      = adaptertest.OpError
)

type revBox[T any] = adaptertest.Box[T]

var revNew = adaptertest.NewRouteUser

// revCheck fails when out is empty or shows any part of the record's personal data.
func revCheck(t *testing.T, out string) {
	t.Helper()
	adaptertest.CheckRouteLine(t, out)
}

// revSetups are the ways a service wires the adapter: the hook, the formatter, both.
var revSetups = map[string]func(*bytes.Buffer, logrus.Formatter) *logrus.Logger{
	"hook": func(b *bytes.Buffer, f logrus.Formatter) *logrus.Logger {
		l := logrus.New()
		l.SetOutput(b)
		l.SetFormatter(f)
		l.AddHook(piilogrus.NewHook(nil))
		return l
	},
	"formatter": func(b *bytes.Buffer, f logrus.Formatter) *logrus.Logger {
		l := logrus.New()
		l.SetOutput(b)
		l.SetFormatter(piilogrus.NewFormatter(f, nil))
		return l
	},
}

func revFormatters() map[string]logrus.Formatter {
	return map[string]logrus.Formatter{
		"json": &logrus.JSONFormatter{DisableTimestamp: true},
		"text": &logrus.TextFormatter{DisableTimestamp: true, DisableColors: true},
	}
}

func revRun(t *testing.T, routes map[string]func(*logrus.Logger)) {
	t.Helper()
	for name, log := range routes {
		for sname, setup := range revSetups {
			for fname, f := range revFormatters() {
				t.Run(name+"/"+sname+"/"+fname, func(t *testing.T) {
					var buf bytes.Buffer
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Errorf("panic: %v", r)
							}
						}()
						log(setup(&buf, f))
					}()
					revCheck(t, buf.String())
					t.Log(buf.String())
				})
			}
		}
	}
}
