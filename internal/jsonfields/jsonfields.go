// Package jsonfields lists the fields of a struct type as an object encoder writes them,
// named as encoding/json names them, and says how to write each field's value. The zap
// and zerolog adapters share it, so that both write a redacted struct with the same keys
// and the same shapes.
package jsonfields

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"time"

	"github.com/ef8f9424/pii/internal/typecache"
)

// A Field is an exported struct field as an object writes it: its index and its JSON
// name (or Go name).
type Field struct {
	Index int
	Name  string
}

// cache maps a struct type to its []Field.
var cache typecache.Cache[[]Field]

// Of returns the fields of struct type t that an object writes, computed once per type:
// exported, not tagged json:"-", named as encoding/json names them.
func Of(t reflect.Type) []Field {
	if fields, ok := cache.Load(t); ok {
		return fields
	}
	var out []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name := sf.Name
		if tag, ok := sf.Tag.Lookup("json"); ok {
			if tag == "-" {
				continue // json:"-" leaves the field out; json:"-," names it "-"
			}
			n, _, _ := strings.Cut(tag, ",")
			if n != "" {
				name = n
			}
		}
		out = append(out, Field{i, name})
	}
	cache.Store(t, out)
	return out
}

// A Kind says how an object encoder writes a field's value.
type Kind uint8

const (
	Other  Kind = iota // anything else: left to the encoder's own reflection
	String             // Value.String
	Bool               // Value.Bool
	Int                // Value.Int
	Uint               // Value.Uint
	Float              // Value.Float
	Time               // a time.Time
	Object             // a struct, or a non-nil pointer to one: written field by field
)

// MaxDepth bounds nesting: a struct deeper than this (a cycle through pointers) is left
// to the encoder's reflection.
const MaxDepth = 32

var timeType = reflect.TypeFor[time.Time]()

// KindOf says how to write v, a field of a struct nested depth levels down. For Object it
// also returns the struct to write (the pointee of a pointer). A struct that NeedsJSON,
// and a value of another kind that WritesItself, is Other, left to the encoder's
// reflection (encoding/json: see Interface). The zap and zerolog adapters
// share it, so that both write a value alike.
func KindOf(v reflect.Value, depth int) (Kind, reflect.Value) {
	if k := v.Kind(); k != reflect.Pointer && k != reflect.Struct && k != reflect.Interface && WritesItself(v.Type()) {
		// A named string or number with its own MarshalJSON or MarshalText (a token
		// that hides itself, an enum that writes its name), or a json.Number.
		return Other, v
	}
	switch v.Kind() {
	case reflect.String:
		return String, v
	case reflect.Bool:
		return Bool, v
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return Int, v
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return Uint, v
	case reflect.Float32, reflect.Float64:
		return Float, v
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct || v.Elem().Type() == timeType || depth >= MaxDepth ||
			NeedsJSON(v.Elem().Type()) {
			return Other, v
		}
		return Object, v.Elem()
	case reflect.Struct:
		switch {
		case v.Type() == timeType:
			return Time, v
		case depth >= MaxDepth || NeedsJSON(v.Type()):
			return Other, v
		}
		return Object, v
	}
	return Other, v
}

// writesItself caches WritesItself per type.
var writesItself typecache.Cache[bool]

var numberType = reflect.TypeFor[json.Number]()

// WritesItself reports whether encoding/json writes a value of type t otherwise than
// by its kind: with its own method (json.Marshaler or encoding.TextMarshaler, on t or
// on *t), or as a number (json.Number). Computed once per type.
func WritesItself(t reflect.Type) bool {
	if b, ok := writesItself.Load(t); ok {
		return b
	}
	b := t == numberType || marshalsItself(t) || marshalsItself(reflect.PointerTo(t))
	writesItself.Store(t, b)
	return b
}

// Interface returns v for the encoder's reflection (encoding/json), as encoding/json
// would meet it in the struct that holds it: by address when v is addressable and its
// method to write itself has a pointer receiver, so that the method runs.
func Interface(v reflect.Value) any {
	if v.CanAddr() && !marshalsItself(v.Type()) && marshalsItself(reflect.PointerTo(v.Type())) {
		return v.Addr().Interface()
	}
	return v.Interface()
}

// needsJSON caches NeedsJSON per struct type.
var needsJSON typecache.Cache[bool]

// NeedsJSON reports whether struct type t must be written as encoding/json writes it
// rather than field by field (Of, KindOf), computed once per type: when it writes
// itself (json.Marshaler or encoding.TextMarshaler, on t or on *t: netip.Addr, decimal
// and UUID types, whose fields are unexported), has an embedded field (encoding/json
// writes an embedded struct's fields as the embedding struct's own, an unexported one's
// too, by rules of precedence) or a field whose json tag has an option (omitempty,
// omitzero, string), which the field-by-field writers do not follow. The adapters write
// such a struct through encoding/json, so that it shows what pii.Safe's MarshalJSON
// shows.
func NeedsJSON(t reflect.Type) bool {
	if b, ok := needsJSON.Load(t); ok {
		return b
	}
	b := marshalsItself(t) || marshalsItself(reflect.PointerTo(t))
	for i := range t.NumField() {
		f := t.Field(i)
		b = b || f.Anonymous
		_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		for opt := range strings.SplitSeq(opts, ",") {
			b = b || opt == "omitempty" || opt == "omitzero" || opt == "string"
		}
	}
	needsJSON.Store(t, b)
	return b
}

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// marshalsItself reports whether encoding/json writes a value of type t with its own
// method.
func marshalsItself(t reflect.Type) bool {
	return t.Implements(jsonMarshalerType) || t.Implements(textMarshalerType)
}

// A Shape says how an adapter writes a whole redacted value as an object.
type Shape uint8

const (
	Fields    Shape = iota // a struct: field by field (Of, KindOf)
	ErrorText              // an error with no fields to show (its redacted text, fmt's and errors' own types): its text
	Value                  // not a struct (a slice, a map): the encoder's reflection
	JSON                   // a struct that NeedsJSON: as encoding/json writes it
)

// ShapeOf says how to write x, a redacted copy, as an object, and for Fields returns the
// struct to write (pointers followed). The zap and zerolog adapters share it, so that
// both write a value alike.
func ShapeOf(x any) (Shape, reflect.Value) {
	rv := reflect.ValueOf(x)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	_, isErr := x.(error)
	switch {
	case isErr && (rv.Kind() != reflect.Struct || len(Of(rv.Type())) == 0):
		return ErrorText, rv
	case rv.Kind() != reflect.Struct:
		return Value, rv
	case NeedsJSON(rv.Type()):
		return JSON, rv
	}
	return Fields, rv
}
