package piizerolog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/ef8f9424/pii/internal/typecache"
	"github.com/rs/zerolog"
)

// byJSON reports whether struct type t is written through encoding/json, as Interface(k,
// pii.Safe(v)) writes it, rather than field by field: when it has an embedded field
// (encoding/json writes an embedded struct's fields as the embedding struct's own, an
// unexported one's too, by rules of precedence) or a field whose json tag has an option
// (omitempty, omitzero, string), which the field-by-field writer does not follow.
func byJSON(t reflect.Type) bool {
	if b, ok := jsonShaped.Load(t); ok {
		return b
	}
	b := false
	for i := range t.NumField() {
		f := t.Field(i)
		b = b || f.Anonymous
		_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		for opt := range strings.SplitSeq(opts, ",") {
			b = b || opt == "omitempty" || opt == "omitzero" || opt == "string"
		}
	}
	jsonShaped.Store(t, b)
	return b
}

// jsonShaped caches byJSON per struct type.
var jsonShaped typecache.Cache[bool]

// jsonObject is a redacted struct written as encoding/json writes it: each member of
// its JSON object becomes a field of the zerolog object.
type jsonObject struct{ x any }

// MarshalZerologObject writes the members of x's JSON object (x's JSON under "value"
// when its MarshalJSON writes no object); if x cannot be encoded, a field "error" says
// so, naming x's type only.
func (o jsonObject) MarshalZerologObject(e *zerolog.Event) {
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
