package piizerolog_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
)

// customerID logs the customer it names, looked up in a directory: a marshaler that
// computes what it logs, which no walk of the ID sees.
type customerID int

var directory = map[customerID]adaptertest.Customer{1: adaptertest.NewCustomer()}

func (id customerID) MarshalZerologObject(e *zerolog.Event) { e.Interface("customer", directory[id]) }

// selfLogged writes its own fields, under its own keys.
type selfLogged struct {
	Name string `pii:"name"`
	Plan string `pii:"no"`
}

func (s selfLogged) MarshalZerologObject(e *zerolog.Event) { e.Str("n", s.Name).Str("p", s.Plan) }

// TestObjectOfMarshalers logs, through Object, values that are zerolog marshalers (or
// hold one behind an interface): they are written as JSON, as Interface(pii.Safe(v))
// writes them, never asked to write themselves, so that a marshaler that looks up what
// it logs logs nothing raw.
func TestObjectOfMarshalers(t *testing.T) {
	self := selfLogged{adaptertest.Name, adaptertest.Plan}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"marshaler", customerID(1), `{"value":1}`},
		{"behind an interface", struct{ ID any }{customerID(1)}, `{"ID":1}`},
		{"in a slice", []any{customerID(1)}, `{"value":[1]}`},
		{"own fields behind an interface", struct{ S any }{self}, `{"S":{"Name":"J. D.","Plan":"premium-plan"}}`},
		{"HTML as zerolog writes it", struct{ S any }{"<a&b>"}, `{"S":"<a&b>"}`},
		{"not JSON", struct{ C any }{make(chan int)}, `{"C":"marshaling error: json: unsupported type: chan int"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := zerolog.New(&buf)
			l.Info().Object("o", piizerolog.Object(tt.v)).Send()
			if diff := cmp.Diff(`{"level":"info","o":`+tt.want+"}\n", buf.String()); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
		})
	}
}

// setMarshalers sets zerolog's ErrorMarshalFunc and InterfaceMarshalFunc to this
// package's for the test.
func setMarshalers(t *testing.T) {
	savedErr, savedIface := zerolog.ErrorMarshalFunc, zerolog.InterfaceMarshalFunc
	zerolog.ErrorMarshalFunc, zerolog.InterfaceMarshalFunc = piizerolog.MarshalError, piizerolog.MarshalInterface
	t.Cleanup(func() { zerolog.ErrorMarshalFunc, zerolog.InterfaceMarshalFunc = savedErr, savedIface })
}

// TestMarshalInterface logs tagged values as they are, every way zerolog encodes by
// reflection, with zerolog.InterfaceMarshalFunc set to MarshalInterface: each shows
// redacted, a bad tag as a failure, and what holds nothing to hide as zerolog writes it.
func TestMarshalInterface(t *testing.T) {
	setMarshalers(t)
	c := adaptertest.NewCustomer()
	const rc = redactedCustomer
	tests := []lineTest{
		{"Interface", func(l zerolog.Logger) { l.Info().Interface("c", c).Send() }, `{"level":"info","c":` + rc + `}`},
		{"Any pointer", func(l zerolog.Logger) { l.Info().Any("c", &c).Send() }, `{"level":"info","c":` + rc + `}`},
		{"slice and map", func(l zerolog.Logger) {
			l.Info().Interface("s", []adaptertest.Customer{c}).Interface("m", map[string]*adaptertest.Customer{"a": &c}).Send()
		}, `{"level":"info","s":[` + rc + `],"m":{"a":` + rc + `}}`},
		{"Fields map", func(l zerolog.Logger) { l.Info().Fields(map[string]any{"c": c, "n": 1}).Send() },
			`{"level":"info","c":` + rc + `,"n":1}`},
		{"Fields list", func(l zerolog.Logger) { l.Info().Fields([]any{"c", &c, "n", 1}).Send() },
			`{"level":"info","c":` + rc + `,"n":1}`},
		{"Arr", func(l zerolog.Logger) { l.Info().Array("a", zerolog.Arr().Interface(c).Interface(1)).Send() },
			`{"level":"info","a":[` + rc + `,1]}`},
		{"Dict", func(l zerolog.Logger) { l.Info().Dict("d", zerolog.Dict().Interface("c", c)).Send() },
			`{"level":"info","d":{"c":` + rc + `}}`},
		{"context", func(l zerolog.Logger) { s := l.With().Interface("c", c).Logger(); s.Info().Send() },
			`{"level":"info","c":` + rc + `}`},
		{"marshaler that looks up", func(l zerolog.Logger) { l.Info().Object("id", customerID(1)).Send() },
			`{"level":"info","id":{"customer":` + rc + `}}`},
		{"Safe", func(l zerolog.Logger) { l.Info().Interface("c", pii.Safe(c)).Send() }, `{"level":"info","c":` + rc + `}`},
		{"Object", func(l zerolog.Logger) { l.Info().Object("c", piizerolog.Object([]adaptertest.Customer{c})).Send() },
			`{"level":"info","c":{"value":[` + rc + `]}}`},
		{"bad tag", func(l zerolog.Logger) { l.Info().Interface("b", adaptertest.BadTag{Phone: 4155550123}).Send() },
			`{"level":"info","b":"!PII-REDACTION-FAILED: pii: adaptertest.BadTag.Phone: tag \"phone\": the field's Go type cannot hold this kind: float64 cannot hold phone"}`},
		{"error list", func(l zerolog.Logger) {
			l.Info().Interface("e", adaptertest.NewErrorList(adaptertest.NewPhoneError())).Send()
		}, `{"level":"info","e":{}}`},
		{"nothing to hide", func(l zerolog.Logger) {
			l.Info().Interface("s", map[string]any{"a": "<b>", "n": []int{1}}).Interface("ch", make(chan int)).Send()
		}, `{"level":"info","s":{"a":"<b>","n":[1]},"ch":"marshaling error: json: unsupported type: chan int"}`},
	}
	checkLines(t, tests)
}

// TestMarshalErrorList logs, with MarshalError, errors that hold a tagged error in a
// list only their Errors method gives: the text shows with the personal data hidden.
func TestMarshalErrorList(t *testing.T) {
	setMarshalers(t)
	list := adaptertest.NewErrorList(errors.New("a"), adaptertest.NewPhoneError())
	const text = `"a; ` + adaptertest.PhoneErrorText + `"`
	tests := []lineTest{
		{"Err", func(l zerolog.Logger) { l.Info().Err(list).Send() }, `{"level":"info","error":` + text + `}`},
		{"Errs", func(l zerolog.Logger) { l.Info().Errs("es", []error{list}).Send() }, `{"level":"info","es":[` + text + `]}`},
		{"Fields", func(l zerolog.Logger) { l.Info().Fields([]any{"e", list}).Send() }, `{"level":"info","e":` + text + `}`},
		{"plain list", func(l zerolog.Logger) { l.Info().Err(adaptertest.NewErrorList(errors.New("a"))).Send() },
			`{"level":"info","error":"a"}`},
	}
	checkLines(t, tests)
}

// TestObjectOfErrorList logs, with Object, an error that holds a tagged error in a list
// only its Errors method gives: its text shows with the personal data hidden.
func TestObjectOfErrorList(t *testing.T) {
	list := adaptertest.NewErrorList(errors.New("a"), adaptertest.NewPhoneError())
	checkLines(t, []lineTest{{"Object", func(l zerolog.Logger) { l.Info().Object("e", piizerolog.Object(list)).Send() },
		`{"level":"info","e":{"error":"a; ` + adaptertest.PhoneErrorText + `"}}`}})
}

// TestConsoleWriter logs tagged values through zerolog's ConsoleWriter, with
// MarshalInterface set: the line shows the redacted values.
func TestConsoleWriter(t *testing.T) {
	setMarshalers(t)
	var buf bytes.Buffer
	l := zerolog.New(zerolog.ConsoleWriter{Out: &buf, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}})
	c := adaptertest.NewCustomer()
	l.Info().Object("o", piizerolog.Object(c)).Interface("i", c).Err(adaptertest.NewPhoneError()).Msg("m")
	const fields = `{"email":"***@example.com","id":"c1","name":"J. D.","phone":"+1415555XXXX","plan":"premium-plan"}`
	want := "INF m error=\"" + adaptertest.PhoneErrorText + "\" i=" + fields + " o=" + fields + "\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}
