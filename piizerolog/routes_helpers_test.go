package piizerolog_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
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
