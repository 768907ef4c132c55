package piizerolog_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
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

// revSet sets both of zerolog's hooks to this module's, as the README says to.
func revSet(t *testing.T) {
	savedErr, savedIface := zerolog.ErrorMarshalFunc, zerolog.InterfaceMarshalFunc
	zerolog.ErrorMarshalFunc, zerolog.InterfaceMarshalFunc = piizerolog.MarshalError, piizerolog.MarshalInterface
	t.Cleanup(func() { zerolog.ErrorMarshalFunc, zerolog.InterfaceMarshalFunc = savedErr, savedIface })
}

func revRun(t *testing.T, routes map[string]func(zerolog.Logger)) {
	t.Helper()
	revSet(t)
	for name, log := range routes {
		for wname, console := range map[string]bool{"json": false, "console": true} {
			t.Run(name+"/"+wname, func(t *testing.T) {
				var buf bytes.Buffer
				var l zerolog.Logger
				if console {
					l = zerolog.New(zerolog.ConsoleWriter{Out: &buf, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}})
				} else {
					l = zerolog.New(&buf)
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("panic: %v", r)
						}
					}()
					log(l)
				}()
				revCheck(t, buf.String())
				t.Log(buf.String())
			})
		}
	}
}
