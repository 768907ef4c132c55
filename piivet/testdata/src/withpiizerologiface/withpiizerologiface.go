// Package withpiizerologiface sets zerolog.InterfaceMarshalFunc to
// piizerolog.MarshalInterface, which redacts what Interface, Any, Fields and
// Array.Interface write by its type: a tagged value given to them is not reported. A
// tagged string is, and so is what Msgf formats.
package withpiizerologiface

import (
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"

	"models"
)

func init() { zerolog.InterfaceMarshalFunc = piizerolog.MarshalInterface }

func Log(ev *zerolog.Event, c zerolog.Context, u models.User) { // want Log:"forwards \\[2\\] to zerolog.Event.Interface \\(redacted by type\\)"
	ev.Interface("user", u)
	ev.Any("user", &u)
	ev.Fields(map[string]any{"user": u})
	c.Interface("user", u)
	zerolog.Arr().Interface(u)
	ev.Str("email", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches zerolog.Event.Str`
	ev.Msgf("signup %v", u)  // want `u \(models.User carries pii tags\) reaches zerolog.Event.Msgf`
}
