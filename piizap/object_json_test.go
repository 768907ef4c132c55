package piizap_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
)

// revSecret hides itself in JSON, as services' secret types do.
type revSecret string

func (revSecret) MarshalJSON() ([]byte, error) { return []byte(`"[hidden]"`), nil }

// revStatus writes its name in JSON.
type revStatus int

func (s revStatus) MarshalText() ([]byte, error) { return []byte([]string{"active", "closed"}[s]), nil }

type revAcct struct {
	ID       string      `pii:"no" json:"id"`
	Name     string      `pii:"name" json:"name"`
	Email    string      `pii:"email" json:"email"`
	APIToken revSecret   `pii:"no" json:"token"`
	Status   revStatus   `pii:"no" json:"status"`
	Amount   json.Number `pii:"no" json:"amount"`
}

// TestZapObjectFieldMarshalers: piizap.Object writes a field whose named string or
// number type has its own MarshalJSON or MarshalText with that method, as zap.Any of the
// same value does: a type that hides itself in JSON (a token) stays hidden, an enum
// writes its name, a json.Number is a number.
func TestZapObjectFieldMarshalers(t *testing.T) {
	a := revAcct{"a1", "Maria Okafor", "Maria.Okafor@example.com", "tok_live_123", 1, "12.5"}
	var obj, anyBuf bytes.Buffer
	revJSONLogger(&obj).Info("m", piizap.Object("a", a))
	revJSONLogger(&anyBuf).Info("m", zap.Any("a", a))
	revCheck(t, obj.String())
	if strings.Contains(obj.String(), "tok_live_123") {
		t.Errorf("Object shows the token its type hides in JSON: %s", obj.String())
	}
	if obj.String() != anyBuf.String() {
		t.Errorf("Object and Any differ:\nObject: %sAny:    %s", obj.String(), anyBuf.String())
	}
}
