package piizerolog_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

type revCtxKey struct{}

func TestZerologRoutes(t *testing.T) {
	u := revNew()
	pu := &u
	ue := revUserErr{U: u}
	wrapped := fmt.Errorf("load: %w", ue)
	routes := map[string]func(zerolog.Logger){
		"Interface pointer to pointer": func(l zerolog.Logger) { l.Info().Interface("u", &pu).Send() },
		"Any slice of pointers":        func(l zerolog.Logger) { l.Info().Any("u", []*revUser{&u}).Send() },
		"Interface generic":            func(l zerolog.Logger) { l.Info().Interface("u", revBox[any]{Note: "n", V: &u}).Send() },
		"Interface MarshalJSON":        func(l zerolog.Logger) { l.Info().Interface("u", revJSONUser{Name: u.Name, Email: u.Email}).Send() },
		"Interface MarshalText":        func(l zerolog.Logger) { l.Info().Interface("u", revTextUser{Name: u.Name, Phone: u.Phone}).Send() },
		"Interface error":              func(l zerolog.Logger) { l.Info().Interface("e", wrapped).Send() },
		"Interface tagged map key": func(l zerolog.Logger) {
			l.Info().Interface("u", map[revTextUser]int{{Name: u.Name, Phone: u.Phone}: 1}).Send()
		},
		"Fields map nested": func(l zerolog.Logger) { l.Info().Fields(map[string]any{"m": map[string]any{"u": []any{u}}}).Send() },
		"Fields error":      func(l zerolog.Logger) { l.Info().Fields(map[string]any{"e": wrapped}).Send() },
		"Fields []error": func(l zerolog.Logger) {
			l.Info().Fields([]any{"es", []error{wrapped}}).Send() /* two or more: zerolog 1.33 itself writes invalid JSON */
		},
		"Err tagged":                 func(l zerolog.Logger) { l.Info().Err(ue).Send() },
		"Err %w":                     func(l zerolog.Logger) { l.Info().Err(wrapped).Send() },
		"Err Join":                   func(l zerolog.Logger) { l.Info().Err(errors.Join(errors.New("x"), wrapped)).Send() },
		"Err Unwrap []error":         func(l zerolog.Logger) { l.Info().Err(revMulti{Errs: []error{errors.New("x"), wrapped}}).Send() },
		"Err wrapper without Unwrap": func(l zerolog.Logger) { l.Info().Err(revOpErr{Op: "save", Err: wrapped}).Send() },
		"AnErr":                      func(l zerolog.Logger) { l.Info().AnErr("cause", wrapped).Send() },
		"Errs":                       func(l zerolog.Logger) { l.Info().Errs("es", []error{wrapped, nil, ue}).Send() },
		"Arr Err":                    func(l zerolog.Logger) { l.Info().Array("a", zerolog.Arr().Err(wrapped)).Send() },
		"Dict Err":                   func(l zerolog.Logger) { l.Info().Dict("d", zerolog.Dict().Err(wrapped).Interface("u", u)).Send() },
		"With Err":                   func(l zerolog.Logger) { s := l.With().Err(wrapped).Logger(); s.Info().Send() },
		"With Errs":                  func(l zerolog.Logger) { s := l.With().Errs("es", []error{wrapped}).Logger(); s.Info().Send() },
		"With Fields":                func(l zerolog.Logger) { s := l.With().Fields(map[string]any{"u": u}).Logger(); s.Info().Send() },
		"With AnErr":                 func(l zerolog.Logger) { s := l.With().AnErr("c", ue).Logger(); s.Info().Send() },
		"Ctx logger": func(l zerolog.Logger) {
			ctx := l.With().Interface("u", &u).Logger().WithContext(context.Background())
			zerolog.Ctx(ctx).Info().Send()
		},
		"UpdateContext": func(l zerolog.Logger) {
			l.UpdateContext(func(c zerolog.Context) zerolog.Context { return c.Interface("u", u) })
			l.Info().Send()
		},
		"Func": func(l zerolog.Logger) { l.Info().Func(func(e *zerolog.Event) { e.Interface("u", u) }).Send() },
		"Hook": func(l zerolog.Logger) {
			h := l.Hook(zerolog.HookFunc(func(e *zerolog.Event, _ zerolog.Level, _ string) { e.Interface("u", u) }))
			h.Info().Msg("m")
		},
		"Object helper generic": func(l zerolog.Logger) {
			l.Info().Object("u", piizerolog.Object(revBox[*revUser]{Note: "n", V: &u})).Send()
		},
		"Object helper error field": func(l zerolog.Logger) {
			l.Info().Object("e", piizerolog.Object(revOpErr{Op: "save", Err: wrapped})).Send()
		},
		"Object helper MarshalJSON": func(l zerolog.Logger) {
			l.Info().Object("u", piizerolog.Object(revJSONUser{Name: u.Name, Email: u.Email})).Send()
		},
		"Object helper pointer to pointer": func(l zerolog.Logger) { l.Info().Object("u", piizerolog.Object(&pu)).Send() },
		"EmbedObject helper in With":       func(l zerolog.Logger) { s := l.With().EmbedObject(piizerolog.Object(u)).Logger(); s.Info().Send() },
		"Print with Safe-less field":       func(l zerolog.Logger) { l.Info().Interface("args", []any{u, 1}).Msgf("m %d", 1) },
	}
	revRun(t, routes)
}
