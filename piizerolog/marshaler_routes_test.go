package piizerolog_test

import (
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// selfWriter is a tagged record that writes itself, as zerolog users commonly do.
type selfWriter struct {
	ID    string `pii:"no"`
	Name  string `pii:"name"`
	Email string `pii:"email"`
}

func (u selfWriter) MarshalZerologObject(e *zerolog.Event) {
	e.Str("id", u.ID).Str("name", u.Name).Str("email", u.Email)
}

// TestSelfWriterRoutes logs a tagged record that is a zerolog.LogObjectMarshaler
// through every route where zerolog runs that method before any hook of its (Fields,
// Arr, Dict and With's Interface), given as the README says: pii.Safe(u) or
// piizerolog.Object(u), neither of which runs the record's own method.
func TestSelfWriterRoutes(t *testing.T) {
	u := selfWriter{"u-42", "Maria Okafor", "Maria.Okafor@example.com"}
	routes := map[string]func(zerolog.Logger){}
	for name, v := range map[string]any{"Safe": pii.Safe(u), "Object": piizerolog.Object(u)} {
		routes[name+"/Fields map"] = func(l zerolog.Logger) { l.Info().Fields(map[string]any{"u": v}).Send() }
		routes[name+"/Fields list"] = func(l zerolog.Logger) { l.Info().Fields([]any{"u", v}).Send() }
		routes[name+"/With Fields"] = func(l zerolog.Logger) { s := l.With().Fields(map[string]any{"u": v}).Logger(); s.Info().Send() }
		routes[name+"/Arr Interface"] = func(l zerolog.Logger) { l.Info().Array("a", zerolog.Arr().Interface(v)).Send() }
		routes[name+"/Dict Interface"] = func(l zerolog.Logger) { l.Info().Dict("d", zerolog.Dict().Interface("u", v)).Send() }
		routes[name+"/With Interface"] = func(l zerolog.Logger) { s := l.With().Interface("u", v).Logger(); s.Info().Send() }
		routes[name+"/Any"] = func(l zerolog.Logger) { l.Info().Any("u", v).Send() }
	}
	revRun(t, routes)
}
