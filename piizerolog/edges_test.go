package piizerolog_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// escapedKey has a key that encoding/json escapes (<, >, &) and a value it escapes.
type escapedKey struct {
	adaptertest.Customer
	A string `json:"<a>&,omitempty" pii:"no"`
}

// arrayJSON writes itself as a JSON array.
type arrayJSON struct {
	Name string `pii:"name" json:",omitempty"`
}

func (arrayJSON) MarshalJSON() ([]byte, error) { return []byte(`[1, 2]`), nil }

// twiceJSON writes its name under a key it writes twice.
type twiceJSON struct {
	Name string `pii:"name" json:",omitempty"`
}

func (r twiceJSON) MarshalJSON() ([]byte, error) { return []byte(`{"a":1,"a":"` + r.Name + `"}`), nil }

// brokenJSON writes JSON cut short.
type brokenJSON struct {
	Name string `pii:"name" json:",omitempty"`
}

func (brokenJSON) MarshalJSON() ([]byte, error) { return []byte(`{"a":`), nil }

// TestJSONObjectEdges logs, through Object, structs written by encoding/json (embedded
// fields, json options, MarshalJSON) whose JSON is unusual: each member arrives once,
// redacted, as valid JSON; what is not an object arrives under "value"; what is not JSON,
// as a failure naming the type.
func TestJSONObjectEdges(t *testing.T) {
	c := adaptertest.NewCustomer()
	tests := []lineTest{
		{"escaped key and value", func(l zerolog.Logger) { l.Info().Object("o", piizerolog.Object(escapedKey{c, "x<y>&"})).Send() },
			`{"level":"info","o":` + redactedCustomer[:len(redactedCustomer)-1] + `,"<a>&":"x\u003cy\u003e\u0026"}}`},
		{"array", func(l zerolog.Logger) { l.Info().Object("o", piizerolog.Object(arrayJSON{adaptertest.Name})).Send() },
			`{"level":"info","o":{"value":[1,2]}}`},
		{"key twice", func(l zerolog.Logger) { l.Info().Object("o", piizerolog.Object(twiceJSON{adaptertest.Name})).Send() },
			`{"level":"info","o":{"a":1,"a":"J. D."}}`},
		{"not JSON", func(l zerolog.Logger) { l.Info().Object("o", piizerolog.Object(brokenJSON{adaptertest.Name})).Send() },
			`{"level":"info","o":{"error":"!PII-REDACTION-FAILED: pii: piizerolog_test.brokenJSON cannot be written as JSON"}}`},
	}
	checkLines(t, tests)
}

// TestMarshalErrorEdges logs nil, typed nil, joined and twice-wrapped errors with
// MarshalError: nils are left out as zerolog leaves them out, and every branch of a
// chain is redacted.
func TestMarshalErrorEdges(t *testing.T) {
	saved := zerolog.ErrorMarshalFunc
	zerolog.ErrorMarshalFunc = piizerolog.MarshalError
	t.Cleanup(func() { zerolog.ErrorMarshalFunc = saved })
	err := &customerError{C: adaptertest.NewCustomer()}
	tests := []lineTest{
		{"nil", func(l zerolog.Logger) { l.Info().Err(nil).Send() }, `{"level":"info"}`},
		{"typed nil", func(l zerolog.Logger) { l.Info().Err((*customerError)(nil)).Send() }, `{"level":"info"}`},
		{"joined", func(l zerolog.Logger) { l.Info().Err(errors.Join(errors.New("a"), err)).Send() },
			`{"level":"info","error":"a\ncustomer premium-plan +1415555XXXX"}`},
		{"wrapped twice", func(l zerolog.Logger) { l.Info().Err(fmt.Errorf("x: %w; %w", err, errors.New("b"))).Send() },
			`{"level":"info","error":"x: customer premium-plan +1415555XXXX; b"}`},
		{"Errs with a nil", func(l zerolog.Logger) { l.Info().Errs("es", []error{nil, err}).Send() },
			`{"level":"info","es":[null,"customer premium-plan +1415555XXXX"]}`},
	}
	checkLines(t, tests)
}
