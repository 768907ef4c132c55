package piizerolog_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// revSecret hides itself in JSON, as services' secret types do.
type revSecret string

func (revSecret) MarshalJSON() ([]byte, error) { return []byte(`"[hidden]"`), nil }

// revStatus writes its name in JSON.
type revStatus int

func (s revStatus) MarshalText() ([]byte, error) { return []byte([]string{"active", "closed"}[s]), nil }

type revAcct struct {
	ID       string      `pii:"no"`
	Name     string      `pii:"name"`
	Email    string      `pii:"email"`
	APIToken revSecret   `pii:"no"`
	Status   revStatus   `pii:"no"`
	Amount   json.Number `pii:"no"`
}

// TestZerologObjectFieldMarshalers: Object and Interface(pii.Safe(s)) give the same
// JSON object for a record whose named string and number types have their own
// MarshalJSON or MarshalText: a type that hides itself in JSON (a token) stays hidden,
// an enum writes its name, a json.Number is a number.
func TestZerologObjectFieldMarshalers(t *testing.T) {
	a := revAcct{"a1", "Maria Okafor", "Maria.Okafor@example.com", "tok_live_123", 1, "12.5"}
	var obj, safe bytes.Buffer
	lo, ls := zerolog.New(&obj), zerolog.New(&safe)
	lo.Info().Object("a", piizerolog.Object(a)).Send()
	ls.Info().Interface("a", pii.Safe(a)).Send()
	revCheck(t, obj.String())
	if strings.Contains(obj.String(), "tok_live_123") {
		t.Errorf("Object shows the token its type hides in JSON: %s", obj.String())
	}
	if obj.String() != safe.String() {
		t.Errorf("Object and Interface(pii.Safe) differ:\nObject: %sSafe:   %s", obj.String(), safe.String())
	}
}
