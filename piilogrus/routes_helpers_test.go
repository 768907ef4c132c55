package piilogrus_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

type revUser struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Email string `pii:"email" json:"email"`
	Phone string `pii:"phone" json:"phone"`
}

func revNew() revUser {
	return revUser{ID: "u-42", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
}

var revSecrets = []string{"okafor", "maria", "2671"}

func revCheck(t *testing.T, out string) {
	t.Helper()
	if strings.TrimSpace(out) == "" {
		t.Fatalf("no line written")
	}
	low := strings.ToLower(out)
	for _, s := range revSecrets {
		if strings.Contains(low, s) {
			t.Errorf("line shows %q: %s", s, out)
		}
	}
}

type revUserErr struct{ U revUser }

func (e revUserErr) Error() string { return "user " + e.U.Name + " <" + e.U.Email + "> " + e.U.Phone }

type revMulti struct{ errs []error }

func (m revMulti) Error() string {
	var s []string
	for _, e := range m.errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "; ")
}
func (m revMulti) Unwrap() []error { return m.errs }

var _ = errors.New
var _ = fmt.Sprint

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
