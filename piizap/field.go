package piizap

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/ef8f9424/pii"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// redactFields returns fields with every value that holds personal data replaced; the
// slice is copied only when something changes.
func (c *core) redactFields(fields []zapcore.Field) []zapcore.Field {
	var out []zapcore.Field
	for i, f := range fields {
		rf, changed := c.redactField(f)
		if changed && out == nil {
			out = make([]zapcore.Field, len(fields))
			copy(out, fields[:i])
		}
		if out != nil {
			out[i] = rf
		}
	}
	if out == nil {
		return fields
	}
	return out
}

// redactField returns f as a line may show it, and whether it differs from f.
func (c *core) redactField(f zapcore.Field) (zapcore.Field, bool) {
	switch f.Type {
	case zapcore.StringType:
		if s := c.text(f.String); s != f.String {
			f.String = s
			return f, true
		}
		return f, false
	case zapcore.ByteStringType, zapcore.BinaryType:
		// Byte strings, and binary (zap.Binary, zap.Any of a []byte) as a pii.Handler
		// scans a []byte: as text.
		b, _ := f.Interface.([]byte)
		if rb, changed := c.bytes(b); changed {
			f.Interface = rb
			return f, true
		}
		return f, false
	case zapcore.StringerType:
		if sv, ok := f.Interface.(pii.SafeValue); ok {
			// Safe's redacted copy, written as an object rather than a flat string.
			x, _ := c.forLog(sv)
			if n, ok := failure(x); ok {
				return zap.String(f.Key, n), true
			}
			return zap.Reflect(f.Key, x), true
		}
	case zapcore.ObjectMarshalerType, zapcore.InlineMarshalerType, zapcore.ArrayMarshalerType:
		if f.Interface == nil {
			return f, false
		}
		if dict, ok := dictFields(f); ok {
			return zap.Dict(f.Key, c.redactFields(dict)...), true
		}
		return c.marshaler(f)
	case zapcore.ReflectType, zapcore.ErrorType:
	default:
		return f, false
	}
	if f.Interface == nil {
		return f, false
	}
	x, changed := c.forLog(f.Interface)
	if !changed {
		return f, false
	}
	if !fits(f.Type, x) {
		// What stands in for the value (the failure note, a scanned Stringer's text, an
		// error's redacted text) is not what the field's type asserts, which would
		// panic: a field of its own kind instead.
		return zap.Any(f.Key, x), true
	}
	f.Interface = x
	return f, true
}

// marshaler returns a field of zap.Object, zap.Inline or zap.Array with its marshaler's
// redacted copy, guarded (see objectGuard) unless it is plain data; or, for a marshaler
// that could not be redacted, a string field with the note of why.
func (c *core) marshaler(f zapcore.Field) (zapcore.Field, bool) {
	var x any
	var n string
	var changed bool
	if f.Type == zapcore.ArrayMarshalerType {
		m, _ := f.Interface.(zapcore.ArrayMarshaler)
		var am zapcore.ArrayMarshaler
		if am, n, changed = c.array(m); am != nil {
			x = am
		}
	} else {
		m, _ := f.Interface.(zapcore.ObjectMarshaler)
		var om zapcore.ObjectMarshaler
		if om, n, changed = c.object(m); om != nil {
			x = om
		}
	}
	switch {
	case x == nil:
		return zap.String(f.Key, n), true
	case !changed:
		return f, false
	}
	f.Interface = x
	return f, true
}

// fieldsType is the type under zap.Dict's marshaler.
var fieldsType = reflect.TypeFor[[]zapcore.Field]()

// dictFields returns the fields of a zap.Dict field: they are redacted one by one, as
// fields, so that each keeps its own kind and a bad one spoils only itself.
func dictFields(f zapcore.Field) ([]zapcore.Field, bool) {
	if f.Type != zapcore.ObjectMarshalerType {
		return nil, false
	}
	v := reflect.ValueOf(f.Interface)
	if v.Kind() != reflect.Slice || v.Type().Elem() != fieldsType.Elem() {
		return nil, false
	}
	return v.Convert(fieldsType).Interface().([]zapcore.Field), true
}

// fits reports whether x is what zap asserts the Interface of a field of type t to be.
func fits(t zapcore.FieldType, x any) bool {
	var ok bool
	switch t {
	case zapcore.StringerType:
		_, ok = x.(fmt.Stringer)
	case zapcore.ErrorType:
		_, ok = x.(error)
	default:
		ok = true
	}
	return ok
}

// failure returns the text of x when x is the note Policy.ForLog puts in place of a
// value it could not redact: "!PII-REDACTION-FAILED: " and the error, which names
// types, fields and tags, never values.
func failure(x any) (string, bool) {
	if err, ok := x.(error); ok && errors.Is(err, pii.ErrRedactionFailed) {
		return err.Error(), true
	}
	return "", false
}

// note returns what a line shows for m, whose redacted copy x is not a marshaler: the
// failure note, or (fail closed) a note that names m's type.
func note(x, m any) string {
	if n, ok := failure(x); ok {
		return n
	}
	return fmt.Sprintf("!PII-REDACTION-FAILED: pii: the redacted copy of %T is no zap marshaler", m)
}
