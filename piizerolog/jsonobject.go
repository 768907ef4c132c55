package piizerolog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/ef8f9424/pii/internal/guard"
	"github.com/rs/zerolog"
)

// jsonObject is a redacted struct written as encoding/json writes it: each member of
// its JSON object becomes a field of the zerolog object.
type jsonObject struct{ x any }

// MarshalZerologObject writes the members of x's JSON object (x's JSON under "value"
// when its MarshalJSON writes no object); if x cannot be encoded, a field "error" says
// so, naming x's type only.
func (o jsonObject) MarshalZerologObject(e *zerolog.Event) {
	defer func() {
		if recover() != nil { // a method of the copy panicked before anything was written
			e.Str("error", guard.Note(reflect.TypeOf(o.x)))
		}
	}()
	b, err := json.Marshal(o.x)
	if err != nil {
		e.Str("error", fmt.Sprintf("!PII-REDACTION-FAILED: pii: %T cannot be written as JSON", o.x))
		return
	}
	if b = bytes.TrimSpace(b); len(b) == 0 || b[0] != '{' {
		e.RawJSON("value", b)
		return
	}
	members(b, func(key string, raw json.RawMessage) { e.RawJSON(key, raw) })
}

// members calls f with each member of b, a JSON object as encoding/json writes it, in
// order.
func members(b []byte, f func(key string, raw json.RawMessage)) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // the opening brace
		return
	}
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		var raw json.RawMessage
		if err != nil || !ok || dec.Decode(&raw) != nil {
			return
		}
		f(key, raw)
	}
}
