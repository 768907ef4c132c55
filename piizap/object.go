package piizap

import (
	"reflect"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/guard"
	"github.com/ef8f9424/pii/internal/jsonfields"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Object returns a field that logs the redacted copy of v (under the default Policy) as a
// structured object: each exported field under its JSON name (or Go name), nested structs
// as nested objects (a struct with embedded fields, or with json tag options such as
// omitempty, as encoding/json writes it), and a field whose type writes itself
// (MarshalJSON, MarshalText, json.Number) as encoding/json writes it. Through a core
// that NewCore did not wrap, zap.Any(key, pii.Safe(v)) prints a flat string (SafeValue
// is a fmt.Stringer). A value whose tags are wrong is logged as "!PII-REDACTION-FAILED: " and the
// error. A pii.SafeValue is written as the redacted copy it holds, under its own Policy:
// for a Policy other than the default, log Object(key, p.Safe(v)).
func Object(key string, v any) zap.Field {
	x, changed := forLine(v)
	if n, ok := failure(x); ok {
		return zap.String(key, n) // "!PII-REDACTION-FAILED: " and the cause
	}
	switch shape, rv := jsonfields.ShapeOf(x); shape {
	case jsonfields.ErrorText:
		if isNil(x) {
			return zap.String(key, "<nil>") // as zap writes a nil error, whose Error may panic
		}
		return zap.String(key, guard.Error(x.(error))) // the note, when Error panics on the copy
	case jsonfields.Fields:
		return zap.Object(key, structObject{v: rv})
	}
	if changed {
		// Written by encoding/json, which recovers no panic of a method: a copy is
		// tried first. The caller's own value panics as it would without this module.
		x = guard.Tried(x)
	}
	return zap.Reflect(key, x)
}

// structObject writes a (redacted) struct field by field.
type structObject struct {
	v     reflect.Value
	depth int
}

// MarshalLogObject adds each exported field of the struct to enc.
func (o structObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	for _, f := range jsonfields.Of(o.v.Type()) {
		if err := o.add(enc, f.Name, o.v.Field(f.Index)); err != nil {
			return err
		}
	}
	return nil
}

// add adds one field's value as jsonfields.KindOf says to write it.
func (o structObject) add(enc zapcore.ObjectEncoder, key string, v reflect.Value) error {
	switch kind, v := jsonfields.KindOf(v, o.depth); kind {
	case jsonfields.String:
		enc.AddString(key, v.String())
	case jsonfields.Bool:
		enc.AddBool(key, v.Bool())
	case jsonfields.Int:
		enc.AddInt64(key, v.Int())
	case jsonfields.Uint:
		enc.AddUint64(key, v.Uint())
	case jsonfields.Float:
		enc.AddFloat64(key, v.Float())
	case jsonfields.Time:
		enc.AddTime(key, v.Interface().(time.Time))
	case jsonfields.Object:
		return enc.AddObject(key, structObject{v: v, depth: o.depth + 1})
	default:
		if v.CanInterface() {
			// Encoded by zap with encoding/json, which recovers no panic of a method
			// (one that holds on every real value may not on the redacted copy; see
			// internal/guard): what Object writes never crashes the log call.
			x := jsonfields.Interface(v)
			if note, ok := guard.Try(x); !ok {
				enc.AddString(key, note)
				return nil
			}
			return enc.AddReflected(key, x)
		}
	}
	return nil
}

// forLine returns what a line shows of v, as a pii.Handler would log it (sensitive data
// zeroed): the redacted copy a pii.SafeValue holds, or v's under the default Policy;
// and whether that is not v. It is not tried whole: Object writes a struct field by
// field, each value tried as it is written, so that a method that panics costs the line
// that value alone.
func forLine(v any) (any, bool) {
	if sv, ok := v.(pii.SafeValue); ok {
		return sv.LogValue().Any(), true
	}
	return pii.Default().ForLog(v)
}

// scannedObject returns what a core with ScanStrings writes of o, the struct of an
// Object field: the redacted struct, scanned (and its tagged values masked again, which
// leaves a mask as it is) under the core's Policy as a pii.Handler with ScanStrings logs
// a value, written as it is (it computes nothing).
// Redacting o's values one by one, as a marshaler's are, would hand the masks of tagged
// values to the free-text finder, which masks some of them otherwise than their tags (an
// IP address's mask is found as an IP address). It reports false when o is not such a
// struct.
func (c *core) scannedObject(o structObject) (zapcore.ObjectMarshaler, string, bool) {
	if o.depth != 0 || !o.v.CanInterface() {
		return nil, "", false
	}
	x, _ := c.pol.ForLogScanned(o.v.Interface())
	if n, ok := failure(x); ok {
		return nil, n, true
	}
	if shape, rv := jsonfields.ShapeOf(x); shape == jsonfields.Fields {
		return structObject{v: rv}, "", true
	}
	return nil, "", false
}
