package piizerolog_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
)

// redactedCustomer is the customer of the tests as a line shows it.
const redactedCustomer = `{"id":"c1","name":"J. D.","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"}`

// TestShapes logs tagged values in the shapes zerolog offers (Object, EmbedObject,
// Interface, Any, Dict, Array, Fields, a context), and compares the whole line.
func TestShapes(t *testing.T) {
	c := adaptertest.NewCustomer()
	tests := []lineTest{
		{"Object of Safe", func(l zerolog.Logger) { l.Info().Object("c", piizerolog.Object(pii.Safe(c))).Send() },
			`{"level":"info","c":` + redactedCustomer + `}`},
		{"Object of Safe pointer", func(l zerolog.Logger) { l.Info().Object("c", piizerolog.Object(pii.Safe(&c))).Send() },
			`{"level":"info","c":` + redactedCustomer + `}`},
		{"EmbedObject of Safe", func(l zerolog.Logger) { l.Info().EmbedObject(piizerolog.Object(pii.Safe(c))).Send() },
			`{"level":"info",` + redactedCustomer[1:]},
		{"Any of Safe", func(l zerolog.Logger) { l.Info().Any("c", pii.Safe(c)).Send() },
			`{"level":"info","c":` + redactedCustomer + `}`},
		{"Dict", func(l zerolog.Logger) {
			l.Info().Dict("d", zerolog.Dict().Interface("s", pii.Safe(c)).Object("o", piizerolog.Object(&c))).Send()
		}, `{"level":"info","d":{"s":` + redactedCustomer + `,"o":` + redactedCustomer + `}}`},
		{"Array", func(l zerolog.Logger) {
			l.Info().Array("a", zerolog.Arr().Interface(pii.Safe(c)).Object(piizerolog.Object(c))).Send()
		}, `{"level":"info","a":[` + redactedCustomer + `,` + redactedCustomer + `]}`},
		{"Fields", func(l zerolog.Logger) { l.Info().Fields([]any{"c", pii.Safe(c)}).Send() },
			`{"level":"info","c":` + redactedCustomer + `}`},
		{"context", func(l zerolog.Logger) {
			s := l.With().Interface("s", pii.Safe(&c)).Object("o", piizerolog.Object(c)).Logger()
			s.Info().Send()
		}, `{"level":"info","s":` + redactedCustomer + `,"o":` + redactedCustomer + `}`},
		{"typed nil pointer", func(l zerolog.Logger) {
			l.Info().Object("o", piizerolog.Object((*adaptertest.Customer)(nil))).Interface("s", pii.Safe((*adaptertest.Customer)(nil))).Send()
		}, `{"level":"info","o":{"value":null},"s":null}`},
		{"Msgf with Safe", func(l zerolog.Logger) { l.Info().Msgf("m %v", pii.Safe(c)) },
			`{"level":"info","message":"m {c1 J. D. ***@example.com +1415555XXXX premium-plan}"}`},
	}
	checkLines(t, tests)
}

// customerError is an error that carries a tagged customer and prints its phone.
type customerError struct{ C adaptertest.Customer }

func (e *customerError) Error() string { return "customer " + e.C.Plan + " " + e.C.Phone }

// TestMarshalError logs errors that carry tagged values with Err, AnErr and Errs, on an
// event, an array and a context, with zerolog.ErrorMarshalFunc set to MarshalError:
// their text shows with the personal data hidden, and a bad tag shows as a failure.
func TestMarshalError(t *testing.T) {
	saved := zerolog.ErrorMarshalFunc
	zerolog.ErrorMarshalFunc = piizerolog.MarshalError
	t.Cleanup(func() { zerolog.ErrorMarshalFunc = saved })
	err := &customerError{C: adaptertest.NewCustomer()}
	wrapped := fmt.Errorf("signup: %w", err)
	const text = `"customer premium-plan +1415555XXXX"`
	tests := []lineTest{
		{"Err", func(l zerolog.Logger) { l.Info().Err(err).Send() }, `{"level":"info","error":` + text + `}`},
		{"AnErr wrapped", func(l zerolog.Logger) { l.Info().AnErr("e", wrapped).Send() },
			`{"level":"info","e":"signup: customer premium-plan +1415555XXXX"}`},
		{"Errs", func(l zerolog.Logger) { l.Info().Errs("es", []error{err, errors.New("plain")}).Send() },
			`{"level":"info","es":[` + text + `,"plain"]}`},
		{"Array", func(l zerolog.Logger) { l.Info().Array("a", zerolog.Arr().Err(err)).Send() },
			`{"level":"info","a":[` + text + `]}`},
		{"context", func(l zerolog.Logger) { s := l.With().Err(err).Logger(); s.Info().Send() },
			`{"level":"info","error":` + text + `}`},
		{"plain error", func(l zerolog.Logger) { l.Info().Err(errors.New("plain")).Send() },
			`{"level":"info","error":"plain"}`},
		{"bad tag", func(l zerolog.Logger) { l.Info().Err(adaptertest.BadTagError{Phone: 4155550123}).Send() },
			`{"level":"info","error":"!PII-REDACTION-FAILED: pii: adaptertest.BadTagError.Phone: tag \"phone\": the field's Go type cannot hold this kind: float64 cannot hold phone"}`},
	}
	checkLines(t, tests)
}

// A lineTest logs through a new logger, and wants the line it writes.
type lineTest struct {
	name string
	log  func(zerolog.Logger)
	want string // without the newline
}

// checkLines runs each test and compares its whole line.
func checkLines(t *testing.T, tests []lineTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			tt.log(zerolog.New(&buf))
			if diff := cmp.Diff(tt.want+"\n", buf.String()); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
		})
	}
}
