package piizap

import (
	"errors"
	"reflect"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/jsonfields"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Object returns a field that logs the redacted copy of v (under the default Policy) as
// a structured object: each exported field under its JSON name (or Go name), nested
// structs as nested objects. zap.Any(key, pii.Safe(v)) would print a flat string. A
// value whose tags are wrong is logged as "!PII-REDACTION-FAILED: " and the error.
func Object(key string, v any) zap.Field {
	x, _ := pii.Default().ForLog(v) // as a pii.Handler would log it: sensitive data zeroed
	if err, ok := x.(error); ok && errors.Is(err, pii.ErrRedactionFailed) {
		return zap.String(key, err.Error()) // "!PII-REDACTION-FAILED: " and the cause
	}
	rv := reflect.ValueOf(x)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if err, ok := x.(error); ok && (rv.Kind() != reflect.Struct || len(jsonfields.Of(rv.Type())) == 0) {
		// An error with no fields to show (its redacted text, fmt's and errors'
		// own types): its text is what there is to log.
		return zap.String(key, err.Error())
	}
	if rv.Kind() != reflect.Struct {
		return zap.Reflect(key, x)
	}
	return zap.Object(key, structObject{v: rv})
}

// structObject writes a (redacted) struct field by field.
type structObject struct {
	v     reflect.Value
	depth int
}

// maxDepth bounds nesting: deeper values (a cycle) are left to the encoder's reflection.
const maxDepth = 32

// MarshalLogObject adds each exported field of the struct to enc.
func (o structObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	for _, f := range jsonfields.Of(o.v.Type()) {
		if err := addValue(enc, f.Name, o.v.Field(f.Index), o.depth+1); err != nil {
			return err
		}
	}
	return nil
}

var timeType = reflect.TypeFor[time.Time]()

func addValue(enc zapcore.ObjectEncoder, key string, v reflect.Value, depth int) error {
	if v.Type() == timeType {
		enc.AddTime(key, v.Interface().(time.Time))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		enc.AddString(key, v.String())
	case reflect.Bool:
		enc.AddBool(key, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		enc.AddInt64(key, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		enc.AddUint64(key, v.Uint())
	case reflect.Float32, reflect.Float64:
		enc.AddFloat64(key, v.Float())
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct || v.Elem().Type() == timeType || depth > maxDepth {
			return enc.AddReflected(key, v.Interface())
		}
		return enc.AddObject(key, structObject{v.Elem(), depth})
	case reflect.Struct:
		if depth > maxDepth {
			return enc.AddReflected(key, v.Interface())
		}
		return enc.AddObject(key, structObject{v, depth})
	default:
		if !v.CanInterface() {
			return nil
		}
		return enc.AddReflected(key, v.Interface())
	}
	return nil
}
