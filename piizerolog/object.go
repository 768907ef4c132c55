// Package piizerolog logs values that github.com/ef8f9424/pii tags mark through zerolog,
// redacted. zerolog encodes each field when it is added, so redaction happens there:
//
//	log.Info().Object("subscriber", piizerolog.Object(s)).Msg("signup")
//
// writes the redacted copy of s as a JSON object with its field names. (Without this
// module, Interface("subscriber", pii.Safe(s)) writes the same object through
// SafeValue.MarshalJSON.) Set zerolog.InterfaceMarshalFunc to MarshalInterface and
// zerolog.ErrorMarshalFunc to MarshalError, and tagged values and errors logged as they
// are (Interface, Any, Fields, Err) come out redacted too.
package piizerolog

import (
	"errors"
	"reflect"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/guard"
	"github.com/ef8f9424/pii/internal/jsonfields"
	"github.com/rs/zerolog"
)

// Object returns a zerolog.LogObjectMarshaler that writes the redacted copy of v (under
// the default Policy) field by field: each exported field under its JSON name (or Go
// name), nested structs as nested objects (a struct with embedded fields, or with json
// tag options such as omitempty, as encoding/json writes it), anything else as zerolog's
// Interface writes it by default, through encoding/json: a value's own
// MarshalZerologObject is never run, since it may compute what it logs (look a record up
// by an ID) where no walk sees it. A value whose tags are wrong writes one field,
// "error", holding "!PII-REDACTION-FAILED: " and the error, never the value.
func Object(v any) zerolog.LogObjectMarshaler { return ObjectOf(nil, v) }

// ObjectOf is Object under p (the default Policy when p is nil). What it writes is what
// a pii.Handler would pass on (Policy.ForLog): sensitive data is zeroed, not masked. A
// pii.SafeValue is written as the redacted copy it holds, under its own Policy.
func ObjectOf(p *pii.Policy, v any) zerolog.LogObjectMarshaler {
	var x any
	if sv, ok := v.(pii.SafeValue); ok {
		x = sv.LogValue().Any()
	} else {
		x, _ = p.ForLog(v) // a nil p: the default Policy
	}
	if err, ok := x.(error); ok && isNote(err) {
		return failed{err}
	}
	switch shape, rv := jsonfields.ShapeOf(x); shape {
	case jsonfields.ErrorText:
		return errorText{x.(error)}
	case jsonfields.Value:
		return value{x}
	case jsonfields.JSON:
		return jsonObject{x}
	default:
		return object{v: rv}
	}
}

// errorText is a redacted error written as its text.
type errorText struct{ err error }

// MarshalZerologObject writes the error's text under "error"; a nil pointer, whose
// Error may panic, as zerolog writes a nil error.
func (t errorText) MarshalZerologObject(e *zerolog.Event) {
	if v := reflect.ValueOf(t.err); v.Kind() == reflect.Pointer && v.IsNil() {
		e.Interface("error", nil)
		return
	}
	e.Str("error", guard.Error(t.err)) // a copy's Error may panic: see internal/guard
}

type failed struct{ err error }

// MarshalZerologObject writes the failure in place of the value.
func (f failed) MarshalZerologObject(e *zerolog.Event) {
	e.Str("error", f.err.Error()) // "!PII-REDACTION-FAILED: " and the cause
}

// value is a redacted non-struct value (a slice, a map): written under "value".
type value struct{ x any }

// MarshalZerologObject writes the redacted value under "value".
func (v value) MarshalZerologObject(e *zerolog.Event) { writeJSON(e, "value", v.x) }

type object struct {
	v     reflect.Value
	depth int
}

// MarshalZerologObject writes each exported field of the redacted struct.
func (o object) MarshalZerologObject(e *zerolog.Event) {
	for _, f := range jsonfields.Of(o.v.Type()) {
		o.add(e, f.Name, o.v.Field(f.Index))
	}
}

// add writes one field's value as jsonfields.KindOf says to write it.
func (o object) add(e *zerolog.Event, key string, v reflect.Value) {
	switch kind, v := jsonfields.KindOf(v, o.depth); kind {
	case jsonfields.String:
		e.Str(key, v.String())
	case jsonfields.Bool:
		e.Bool(key, v.Bool())
	case jsonfields.Int:
		e.Int64(key, v.Int())
	case jsonfields.Uint:
		e.Uint64(key, v.Uint())
	case jsonfields.Float:
		e.Float64(key, v.Float())
	case jsonfields.Time:
		e.Time(key, v.Interface().(time.Time))
	case jsonfields.Object:
		e.Object(key, object{v, o.depth + 1})
	default:
		if v.CanInterface() {
			writeJSON(e, key, jsonfields.Interface(v))
		}
	}
}

// isNote reports whether err is the note Policy.ForLog puts in place of a value it
// could not redact. errors.Is walks the chain of an error passed on as it is, the
// caller's: a method of it that panics (a nil pointer's Unwrap) says err is no note.
func isNote(err error) (note bool) {
	defer func() {
		if recover() != nil {
			note = false
		}
	}()
	return errors.Is(err, pii.ErrRedactionFailed)
}
