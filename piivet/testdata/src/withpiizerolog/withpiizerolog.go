// Package withpiizerolog sets zerolog.ErrorMarshalFunc to piizerolog.MarshalError,
// which redacts the errors of Err, AnErr and Errs by their type: an error whose type
// carries tags is not reported there; given to Interface, it still is.
package withpiizerolog

import (
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

type UserError struct { // want UserError:"pii-tagged"
	Email string `pii:"email"`
}

func (e *UserError) Error() string { return "user " + e.Email } // want Error:`returns tagged pii:"email" at withpiizerolog.UserError.Email`

func init() { zerolog.ErrorMarshalFunc = piizerolog.MarshalError }

func Log(ev *zerolog.Event, err *UserError) { // want Log:"forwards \\[1\\] to zerolog.Event.Err, which hands it to zerolog.Event.AnErr \\(redacted by type\\)"
	ev.Err(err)
	ev.AnErr("e", err)
	ev.Interface("e", err) // want `err \(\*withpiizerolog.UserError carries pii tags\) reaches zerolog.Event.Interface`
}
