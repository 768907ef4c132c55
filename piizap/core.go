// Package piizap makes zap loggers hide the personal data that github.com/ef8f9424/pii
// tags mark. Wrap a logger's core with NewCore, and every field whose value holds a
// tagged type (zap.Any, zap.Reflect, zap.Object, zap.Inline, zap.Array, zap.Dict,
// zap.Stringer, zap.Error) is replaced by its redacted copy before any encoder sees it;
// or log one value with Object, which writes the redacted copy as a structured object
// with its field names.
//
// The message is not a field: a SugaredLogger's Infof, Info and Infoln format their
// arguments into it before any core sees them. Give them pii.Safe(v), or log v as a
// field.
package piizap

import (
	"sync"

	"github.com/ef8f9424/pii"
	"go.uber.org/zap/zapcore"
)

// An Option configures NewCore.
type Option func(*core)

// ScanStrings makes the core also hide the personal data it finds (Policy.RedactText) in
// the message, in field keys, in every string, byte-string and binary field (as text, as
// a pii.Handler scans a []byte), in the untagged strings of logged values, and in the
// strings marshalers write, for services that log free text.
func ScanStrings() Option { return func(c *core) { c.scan = true } }

type core struct {
	zapcore.Core
	pol  *pii.Policy // nil: the default Policy at the time of each line (see pii.SetDefault)
	scan bool
	// direct: the wrapped core is one zapcore.NewCore made (see Check).
	direct bool
}

// NewCore returns a zapcore.Core that redacts under p and writes through next. With a nil
// p it follows the default Policy (pii.Default), as a pii.Handler made with a nil Policy
// does: a pii.SetDefault made after NewCore applies. Fields added with With are redacted
// once, when added. A value whose tags are wrong is logged as "!PII-REDACTION-FAILED: "
// and the error, never as it is.
//
// next may be any core: one zapcore.NewCore makes, a zapcore.NewTee of several (each
// keeps its own level) or a sampler. A core teed beside this one, not inside it, sees
// fields as they are.
func NewCore(next zapcore.Core, p *pii.Policy, opts ...Option) zapcore.Core {
	c := &core{Core: next, pol: p, direct: direct(next)}
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
	next := c.Core.With(c.redactFields(fields))
	return &core{Core: next, pol: c.pol, scan: c.scan, direct: direct(next)}
}

// Write redacts the entry's message (with ScanStrings) and fields, and writes them
// through the wrapped core. A logger does not call it (see Check); code that writes to a
// core directly does.
//
// Over a core that zapcore.NewCore made, the redacted fields are copied into a list
// kept for the next line: such a core encodes the fields before its Write returns and
// keeps none of them, so a line allocates no list of its own.
func (c *core) Write(e zapcore.Entry, fields []zapcore.Field) error {
	if !c.direct {
		return c.Core.Write(c.entry(e), c.redactFields(fields))
	}
	kept := fieldLists.Get().(*[]zapcore.Field)
	out, copied := c.redactFieldsTo(*kept, fields)
	err := c.Core.Write(c.entry(e), out)
	if copied && cap(out) <= maxKeptFields {
		clear(out) // drop what the line held, for the collector and for safety
		*kept = out[:0]
	}
	fieldLists.Put(kept)
	return err
}

// fieldLists keeps the lists of redacted fields that Write copies into (see Write).
var fieldLists = sync.Pool{New: func() any { return new([]zapcore.Field) }}

// maxKeptFields bounds the lists fieldLists keeps: a line with more fields than this
// allocates its own, so that one long line does not pin a long list.
const maxKeptFields = 64

// entry returns e with its message scanned, with ScanStrings.
func (c *core) entry(e zapcore.Entry) zapcore.Entry {
	e.Message = c.text(e.Message)
	return e
}

// forLog returns v redacted for a line (Policy.ForLog, or ForLogScanned with
// ScanStrings), and whether it differs from v. With ScanStrings, a pii.SafeValue is
// replaced by its redacted copy, scanned, as a pii.Handler with ScanStrings does;
// without, it is left to print itself.
func (c *core) forLog(v any) (any, bool) {
	if !c.scan {
		return c.pol.ForLog(v)
	}
	if sv, ok := v.(pii.SafeValue); ok {
		x, _ := c.pol.ForLogScanned(sv.LogValue().Any())
		return x, true
	}
	return c.pol.ForLogScanned(v)
}

// text returns s with the personal data found in it hidden, with ScanStrings.
func (c *core) text(s string) string {
	if !c.scan {
		return s
	}
	return c.pol.RedactText(s)
}

// bytes is text for a UTF-8 byte string, and reports whether it differs from b; b
// itself is never changed.
func (c *core) bytes(b []byte) ([]byte, bool) {
	if !c.scan {
		return b, false
	}
	if s := c.pol.RedactText(string(b)); s != string(b) {
		return []byte(s), true
	}
	return b, false
}
