// Package piizap makes zap loggers hide the personal data that github.com/ef8f9424/pii
// tags mark. Wrap a logger's core with NewCore, and every field whose value holds a
// tagged type (zap.Any, zap.Reflect, zap.Object, zap.Inline, zap.Array, zap.Stringer)
// is replaced by its redacted copy before any encoder sees it; or log one value with
// Object, which writes the redacted copy as a structured object with its field names.
package piizap

import (
	"fmt"

	"github.com/ef8f9424/pii"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// An Option configures NewCore.
type Option func(*core)

// ScanStrings makes the core also hide the personal data it finds (Policy.RedactText) in
// the message and in every string field, for services that log free text.
func ScanStrings() Option { return func(c *core) { c.scan = true } }

type core struct {
	zapcore.Core
	pol  *pii.Policy
	scan bool
}

// NewCore returns a zapcore.Core that redacts under p (the default Policy when p is nil)
// and writes through next. Fields added with With are redacted once, when added. A value
// whose tags are wrong is logged as "!PII-REDACTION-FAILED: " and the error, never as it
// is.
//
// Wrap the cores that write (the ones zapcore.NewCore makes, or a zapcore.NewTee of them),
// and put samplers outside: NewCore decides itself whether a level is enabled, so a
// sampler inside it would not sample. A core teed beside this one, not inside it, sees
// fields as they are.
func NewCore(next zapcore.Core, p *pii.Policy, opts ...Option) zapcore.Core {
	if p == nil {
		p = pii.Default()
	}
	c := &core{Core: next, pol: p}
	for _, opt := range opts {
		if opt != nil {
			opt(c)
		}
	}
	return c
}

// Level reports the minimum enabled level of the wrapped core, for zapcore.LevelOf.
func (c *core) Level() zapcore.Level { return zapcore.LevelOf(c.Core) }

// With redacts fields and adds them to the wrapped core.
func (c *core) With(fields []zapcore.Field) zapcore.Core {
	return &core{Core: c.Core.With(c.redactFields(fields)), pol: c.pol, scan: c.scan}
}

// Check adds this core, not the wrapped one, so that Write redacts.
func (c *core) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	if c.Enabled(e.Level) {
		return ce.AddCore(e, c)
	}
	return ce
}

// Write redacts the entry's message (with ScanStrings) and fields, and writes them.
func (c *core) Write(e zapcore.Entry, fields []zapcore.Field) error {
	if c.scan {
		e.Message = c.pol.RedactText(e.Message)
	}
	return c.Core.Write(e, c.redactFields(fields))
}

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

func (c *core) redactField(f zapcore.Field) (zapcore.Field, bool) {
	switch f.Type {
	case zapcore.StringType:
		if c.scan {
			if s := c.pol.RedactText(f.String); s != f.String {
				f.String = s
				return f, true
			}
		}
		return f, false
	case zapcore.StringerType:
		if sv, ok := f.Interface.(pii.SafeValue); ok {
			// Safe's redacted copy, written as an object rather than a flat string.
			return zap.Reflect(f.Key, sv), true
		}
	case zapcore.ReflectType, zapcore.ObjectMarshalerType, zapcore.InlineMarshalerType,
		zapcore.ArrayMarshalerType, zapcore.ErrorType:
	default:
		return f, false
	}
	if f.Interface == nil {
		return f, false
	}
	forLog := c.pol.ForLog
	if c.scan {
		forLog = c.pol.ForLogScanned
	}
	x, changed := forLog(f.Interface)
	if !changed {
		return f, false
	}
	if f.Type == zapcore.InlineMarshalerType {
		if _, ok := x.(zapcore.ObjectMarshaler); !ok {
			return zap.String(f.Key, failed(fmt.Errorf("pii: redacted copy of %T is no zapcore.ObjectMarshaler", f.Interface))), true
		}
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

// fits reports whether x is what zap asserts the Interface of a field of type t to be.
func fits(t zapcore.FieldType, x any) bool {
	var ok bool
	switch t {
	case zapcore.ObjectMarshalerType:
		_, ok = x.(zapcore.ObjectMarshaler)
	case zapcore.ArrayMarshalerType:
		_, ok = x.(zapcore.ArrayMarshaler)
	case zapcore.StringerType:
		_, ok = x.(fmt.Stringer)
	case zapcore.ErrorType:
		_, ok = x.(error)
	default:
		ok = true
	}
	return ok
}

// failed is what a log line shows for a value that could not be redacted: the error,
// which names types, fields and tags, never values.
func failed(err error) string { return "!PII-REDACTION-FAILED: " + err.Error() }
