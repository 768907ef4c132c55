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
	"github.com/ef8f9424/pii/internal/guard"
	"github.com/ef8f9424/pii/internal/loan"
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
	// lends: every core the wrapped core writes to is one zapcore.NewCore made with one
	// of zap's own encoders, which encodes what it is given before its Write returns
	// and keeps none of it (see writesAtOnce): a line's copies are borrowed, and given
	// back once it is written.
	lends bool
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
//
// Fields next carries already are written as they are: zap's cores encode the fields
// of With when it is called, before NewCore can see them. Wrap first, then add fields:
// zap.New(core, zap.WrapCore(wrap), zap.Fields(f)) redacts f, and zap.New(core,
// zap.Fields(f), zap.WrapCore(wrap)) does not; nor does a zapcore.NewLazyWith core
// wrapped by NewCore. A zap.Config's InitialFields are added before any option of
// Config.Build: build such a logger with Build.
func NewCore(next zapcore.Core, p *pii.Policy, opts ...Option) zapcore.Core {
	c := &core{Core: next, pol: p, direct: direct(next), lends: writesAtOnce(next)}
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
	return &core{Core: next, pol: c.pol, scan: c.scan, direct: direct(next), lends: writesAtOnce(next)}
}

// Write redacts the entry's message (with ScanStrings) and fields, and writes them
// through the wrapped core. A logger does not call it (see Check); code that writes to a
// core directly does.
//
// A core that zapcore.NewCore made with one of zap's own encoders encodes the fields
// before its Write returns and keeps none of them: over one, the redacted fields are
// copied into a list kept for the next line, and the redacted copies of values are
// borrowed (see internal/loan) and given back once the line is written, so that a line
// allocates neither. An encoder of another type may keep what it is given (to encode a
// batch later): over it, a line's fields and copies are its own.
func (c *core) Write(e zapcore.Entry, fields []zapcore.Field) error {
	if !c.lends {
		return c.Core.Write(c.entry(e), c.redactFields(fields))
	}
	ln := lines.Get().(*line)
	out, copied := c.redactFieldsTo(ln, fields)
	err := c.Core.Write(c.entry(e), out)
	ln.done(out, copied)
	return err
}

// A line is what Write keeps from one line for the next: the list it copied the
// redacted fields into, and the copies it borrowed, to give back.
type line struct {
	fields []zapcore.Field
	lent   loan.List
	guards []*objectGuard // the guards of its objects, kept for the next line's
}

// lines keeps the lines Write uses (see Write).
var lines = sync.Pool{New: func() any { return new(line) }}

// maxKeptFields bounds the lists a line keeps (of fields and guards; its loan.List bounds
// its own): a line with more than this allocates its own, so that one long line does
// not pin long lists.
const maxKeptFields = 64

// done gives back what the line borrowed, keeps out (the list of fields it wrote, when
// copied there) for the next line, and puts the line back in the pool.
func (ln *line) done(out []zapcore.Field, copied bool) {
	ln.lent.Return()
	for _, g := range ln.guards {
		g.m, g.e = nil, objectEncoder{}
		g.busy.Store(false)
	}
	ln.guards = ln.guards[:0]
	// Lists as long as a long line's are not kept, as its field list is not.
	if cap(ln.guards) > maxKeptFields {
		ln.guards = nil
	}
	if copied && cap(out) <= maxKeptFields {
		// What the fields refer to is forgotten, field by field: clear() of a line's
		// few fields costs a call into the runtime's bulk clearing, more than this.
		for i := range out {
			f := &out[i]
			f.Key, f.String, f.Interface = "", "", nil
		}
		ln.fields = out[:0]
	}
	lines.Put(ln)
}

// entry returns e with its message scanned, with ScanStrings.
func (c *core) entry(e zapcore.Entry) zapcore.Entry {
	e.Message = c.text(e.Message)
	return e
}

// forLog returns v redacted for a line (Policy.ForLog, or ForLogScanned with
// ScanStrings), and whether it differs from v. With ScanStrings, a pii.SafeValue is
// replaced by its redacted copy, scanned, as a pii.Handler with ScanStrings does;
// without, it is left to print itself. A copy is tried (guard.Tried) before it is
// returned: zap's encoders run encoding/json and Error with no recover, and a method
// that holds on every real value may panic on a copy whose sensitive fields are zeroed.
func (c *core) forLog(v any) (any, bool) {
	var x any
	var changed bool
	switch sv, safe := v.(pii.SafeValue); {
	case !c.scan:
		x, changed = c.pol.ForLog(v)
	case safe:
		x, _ = c.pol.ForLogScanned(sv.LogValue().Any())
		changed = true
	default:
		x, changed = c.pol.ForLogScanned(v)
	}
	if changed {
		x = guard.Tried(x)
	}
	return x, changed
}

// objectGuard returns a guard of m for the line: one an earlier line used, when the
// line kept one (with ln nil, always a new one).
func (ln *line) objectGuard(c *core, m zapcore.ObjectMarshaler, copied bool) *objectGuard {
	if ln == nil {
		return &objectGuard{m: m, e: objectEncoder{c: c}, copied: copied}
	}
	var g *objectGuard
	if n := len(ln.guards); n < cap(ln.guards) {
		g = ln.guards[:n+1][n]
	}
	if g == nil {
		g = new(objectGuard)
	}
	g.m, g.e, g.copied = m, objectEncoder{c: c}, copied
	ln.guards = append(ln.guards, g)
	return g
}

// forLine is forLog for a field of a line that is written at once, when ln is not nil:
// the redacted copy is borrowed, and the line gives it back once written.
func (c *core) forLine(v any, ln *line) (any, bool) {
	if ln == nil {
		return c.forLog(v)
	}
	if _, ok := v.(pii.SafeValue); ok && c.scan {
		return c.forLog(v) // the copy Safe made, scanned (see forLog)
	}
	x, changed, lent := loan.ForLog(c.pol, v, c.scan)
	ln.lent.Add(lent)
	if changed {
		x = guard.Tried(x) // as forLog's
	}
	return x, changed
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
