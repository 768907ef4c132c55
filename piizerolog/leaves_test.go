package piizerolog_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
)

// TestLeavesAsSlog logs the values a PII tag masks as their text (URLs, netip values, an
// error holding only text), errors holding a reflect.Type, and what the library refuses
// (a reflect.Value, a map keyed by a tagged type in an unexported field) every way
// zerolog takes them, with MarshalInterface and MarshalError set, in a child process (a
// fatal error would end the run): each line shows what the slog Handler shows of the
// value, and nothing personal; the caller's value is as it was.
func TestLeavesAsSlog(t *testing.T) {
	adaptertest.InChild(t, func(t *testing.T) {
		zerolog.InterfaceMarshalFunc = piizerolog.MarshalInterface
		zerolog.ErrorMarshalFunc = piizerolog.MarshalError
		for _, s := range adaptertest.Shapes() {
			v := s.Value()
			want := adaptertest.SlogJSON(t, v)
			routes := map[string]func(zerolog.Logger){
				"Fields map":   func(l zerolog.Logger) { l.Info().Fields(map[string]any{"v": v}).Send() },
				"Fields slice": func(l zerolog.Logger) { l.Info().Fields([]any{"v", v}).Send() },
			}
			if err, ok := v.(error); ok {
				// zerolog writes an error given as an interface by reflection.
				routes["Err"] = func(l zerolog.Logger) { l.Info().AnErr("v", err).Send() }
				routes["Errs"] = func(l zerolog.Logger) { l.Info().Errs("v", []error{err}).Send() }
				routes["Dict Err"] = func(l zerolog.Logger) { l.Info().Dict("d", zerolog.Dict().AnErr("v", err)).Send() }
			} else {
				routes["Interface"] = func(l zerolog.Logger) { l.Info().Interface("v", v).Send() }
				routes["Any"] = func(l zerolog.Logger) { l.Info().Any("v", v).Send() }
				routes["Dict"] = func(l zerolog.Logger) { l.Info().Dict("d", zerolog.Dict().Interface("v", v)).Send() }
				routes["Arr"] = func(l zerolog.Logger) { l.Info().Array("v", zerolog.Arr().Interface(v)).Send() }
				routes["context"] = func(l zerolog.Logger) { c := l.With().Interface("v", v).Logger(); c.Info().Send() }
				if reflect.Indirect(reflect.ValueOf(v)).Kind() == reflect.Struct && !s.Failed {
					// Object writes a failure as {"error": note}, a non-object as {"value": v}.
					routes["Object"] = func(l zerolog.Logger) { l.Info().Object("v", piizerolog.Object(v)).Send() }
				}
			}
			for name, log := range routes {
				var buf bytes.Buffer
				log(zerolog.New(&buf))
				adaptertest.NoLeak(t, buf.String(), s.Failed)
				got := buf.String()
				if name == "Dict" || name == "Dict Err" {
					got = adaptertest.Field(t, got, "d")
				}
				got = adaptertest.Field(t, got, "v")
				w := want
				if name == "Arr" || name == "Errs" {
					w = "[" + want + "]"
				}
				if diff := cmp.Diff(w, got); diff != "" {
					t.Errorf("%s, %s (-slog +zerolog):\n%s", s.Name, name, diff)
				}
			}
			if l, ok := v.(adaptertest.Leaves); ok {
				adaptertest.Unchanged(t, l)
			}
		}
	})
}
