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
	out, _ := c.redactFieldsTo(nil, fields)
	return out
}

// redactFieldsTo is redactFields for a line that is written at once, when ln is not
// nil: it copies into the line's list when that has room enough (a new slice
// otherwise), and borrows the redacted copies of values, which the line gives back. It
// reports whether it copied.
func (c *core) redactFieldsTo(ln *line, fields []zapcore.Field) ([]zapcore.Field, bool) {
	var out []zapcore.Field
	var rf zapcore.Field
	for i := range fields {
		// Fields are 64 bytes: they are read where they are, and copied into out once,
		// all of them, at the first that changes.
		if !c.redactField(&fields[i], &rf, ln) {
			continue
		}
		if out == nil {
			if ln != nil {
				out = ln.fields[:0]
			}
			if cap(out) < len(fields) {
				out = make([]zapcore.Field, 0, len(fields))
			}
			out = append(out, fields...)
		}
		out[i] = rf
	}
	if out == nil {
		return fields, false
	}
	return out, true
}

// redactField sets *rf to f as a line may show it and reports true, or reports false
// when that is f itself. With ScanStrings its key is scanned too: a key can be made of
// data (Sugar().Infow("m", email, n)), as a pii.Handler's keys can.
func (c *core) redactField(f, rf *zapcore.Field, ln *line) bool {
	changed := c.redactValue(f, rf, ln)
	if !c.scan {
		return changed
	}
	if key := c.pol.RedactText(f.Key); key != f.Key {
		if !changed {
			*rf = *f
		}
		rf.Key = key
		return true
	}
	return changed
}

// redactValue is redactField for f's value.
func (c *core) redactValue(f, rf *zapcore.Field, ln *line) bool {
	switch f.Type {
	case zapcore.StringType:
		if s := c.text(f.String); s != f.String {
			*rf = *f
			rf.String = s
			return true
		}
		return false
	case zapcore.ByteStringType, zapcore.BinaryType:
		// Byte strings, and binary (zap.Binary, zap.Any of a []byte) as a pii.Handler
		// scans a []byte: as text.
		b, _ := f.Interface.([]byte)
		if rb, changed := c.bytes(b); changed {
			*rf = *f
			rf.Interface = rb
			return true
		}
		return false
	case zapcore.StringerType:
		if sv, ok := f.Interface.(pii.SafeValue); ok {
			// Safe's redacted copy, written as an object rather than a flat string.
			x, _ := c.forLog(sv)
			if n, ok := failure(x); ok {
				*rf = zap.String(f.Key, n)
			} else if isNil(sv.LogValue().Any()) {
				// No object to write: the text Safe prints of it, as zap writes a
				// Stringer ("<nil>", or what a String that runs on nil gives).
				*rf = zap.String(f.Key, sv.String())
			} else {
				*rf = zap.Reflect(f.Key, x)
			}
			return true
		}
	case zapcore.ObjectMarshalerType, zapcore.InlineMarshalerType, zapcore.ArrayMarshalerType:
		if f.Interface == nil {
			return false
		}
		if dict, ok := dictFields(f); ok {
			*rf = zap.Dict(f.Key, c.redactFields(dict)...)
			return true
		}
		return c.marshaler(f, rf, ln)
	case zapcore.ReflectType, zapcore.ErrorType:
	default:
		return false
	}
	if f.Interface == nil {
		return false
	}
	x, changed := c.forLine(f.Interface, ln)
	if !changed {
		return false
	}
	if !fits(f.Type, x) {
		// What stands in for the value (the failure note, a scanned Stringer's text, an
		// error's redacted text) is not what the field's type asserts, which would
		// panic: a field of its own kind instead.
		*rf = zap.Any(f.Key, x)
		return true
	}
	*rf = *f
	rf.Interface = x
	return true
}

// marshaler sets *rf to a field of zap.Object, zap.Inline or zap.Array with its
// marshaler's redacted copy, guarded (see objectGuard) unless it is one of zap's own
// marshalers of plain data (see plain); or, for a marshaler that could not be redacted,
// to a string field with the note of why (under "error" for zap.Inline's, which has no
// key). It reports false when that is f itself.
func (c *core) marshaler(f, rf *zapcore.Field, ln *line) bool {
	var x any
	var n string
	var changed bool
	if f.Type == zapcore.ArrayMarshalerType {
		m, _ := f.Interface.(zapcore.ArrayMarshaler)
		x, n, changed = c.array(m, ln) // a nil marshaler is a nil x
	} else {
		m, _ := f.Interface.(zapcore.ObjectMarshaler)
		x, n, changed = c.object(m, ln)
	}
	switch {
	case x == nil:
		key := f.Key
		if f.Type == zapcore.InlineMarshalerType {
			key = "error" // an inline object has no key of its own: the note takes one
		}
		*rf = zap.String(key, n)
		return true
	case !changed:
		return false
	}
	*rf = *f
	rf.Interface = x
	return true
}

// dictType is the type of zap.Dict's marshaler, a list of fields.
var dictType = reflect.TypeOf(zap.Dict("").Interface)

// dictFields returns the fields of a zap.Dict field: they are redacted one by one, as
// fields, so that each keeps its own kind and a bad one spoils only itself. Another
// type of field list keeps its own marshaler, which may write only some of them.
func dictFields(f *zapcore.Field) ([]zapcore.Field, bool) {
	if f.Type != zapcore.ObjectMarshalerType || reflect.TypeOf(f.Interface) != dictType {
		return nil, false
	}
	return reflect.ValueOf(f.Interface).Convert(reflect.TypeFor[[]zapcore.Field]()).Interface().([]zapcore.Field), true
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
// types, fields and tags, never values. errors.Is walks the chain of an error passed on
// as it is, the caller's: a method of it that panics (a nil pointer's Unwrap) says x is
// no note, and the error is left to zap, as zap alone would have it.
func failure(x any) (text string, isNote bool) {
	err, ok := x.(error)
	if !ok {
		return "", false
	}
	defer func() {
		if recover() != nil {
			text, isNote = "", false
		}
	}()
	if errors.Is(err, pii.ErrRedactionFailed) {
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

// isNil reports whether x is nil or holds a nil pointer.
func isNil(x any) bool {
	if x == nil {
		return true
	}
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
