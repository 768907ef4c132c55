package piizap

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sync"
	"time"

	"go.uber.org/zap/zapcore"
)

// Check asks the wrapped core which of its cores take the entry, and if any does, adds
// one that writes the redacted fields to just those. So a zapcore.NewTee inside keeps
// each core's own level, and a sampler inside samples, as without this core. A core
// that zapcore.NewCore made takes an entry by its level alone: then this core is added
// itself, and its Write writes to it, with no entry checked twice.
func (c *core) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	if c.direct {
		if c.Enabled(e.Level) {
			return ce.AddCore(e, c)
		}
		return ce
	}
	inner := c.Core.Check(e, nil)
	if inner == nil {
		return ce
	}
	w := writers.Get().(*writer)
	w.c, w.inner = c, inner
	return ce.AddCore(e, w)
}

// ioCoreType is the type of the cores zapcore.NewCore makes, whose Check is their level
// alone (see Check).
var ioCoreType = reflect.TypeOf(zapcore.NewCore(zapcore.NewJSONEncoder(zapcore.EncoderConfig{}), zapcore.AddSync(io.Discard), zapcore.DebugLevel))

// direct reports whether next is a core that zapcore.NewCore made (see Check).
func direct(next zapcore.Core) bool { return reflect.TypeOf(next) == ioCoreType }

// zapEncoders are the types of the encoders zapcore.NewJSONEncoder and
// zapcore.NewConsoleEncoder make, and their clones (a core's With clones its encoder).
var zapEncoders = [...]reflect.Type{
	reflect.TypeOf(zapcore.NewJSONEncoder(zapcore.EncoderConfig{})),
	reflect.TypeOf(zapcore.NewConsoleEncoder(zapcore.EncoderConfig{})),
}

// encoderField is the index of the field where a core that zapcore.NewCore made holds
// its encoder, or -1 when zap's layout is not the one known (then nothing is lent).
var encoderField = func() int {
	f, ok := ioCoreType.Elem().FieldByName("enc")
	if !ok || len(f.Index) != 1 || f.Type != reflect.TypeFor[zapcore.Encoder]() {
		return -1
	}
	return f.Index[0]
}()

// zapEncoded reports whether next, a core that zapcore.NewCore made, encodes with one of
// zap's own encoders (read by reflection: the field is not exported).
func zapEncoded(next zapcore.Core) bool {
	if encoderField < 0 {
		return false
	}
	enc := reflect.ValueOf(next).Elem().Field(encoderField)
	if enc.IsNil() {
		return false
	}
	t := enc.Elem().Type()
	return t == zapEncoders[0] || t == zapEncoders[1]
}

// The types of zap's own sampler and tee, which write an entry to the cores they wrap.
var (
	samplerType = reflect.TypeOf(zapcore.NewSamplerWithOptions(zapcore.NewNopCore(), time.Second, 1, 1))
	teeType     = reflect.TypeOf(zapcore.NewTee(zapcore.NewNopCore(), zapcore.NewNopCore()))
)

// writesAtOnce reports whether every core next writes an entry to is one that
// zapcore.NewCore made with one of zap's own encoders (see zapEncoded): next itself, or
// zap's own samplers and tees around such cores (zap.NewProduction's core is a sampler
// around one). Any other core, or encoder, may keep the fields it is given
// (zaptest/observer's core does).
func writesAtOnce(next zapcore.Core) bool {
	switch t := reflect.TypeOf(next); t {
	case ioCoreType:
		return zapEncoded(next)
	case samplerType:
		f := reflect.ValueOf(next).Elem().Field(0) // the wrapped core, embedded
		if !f.CanInterface() {
			return false
		}
		inner, ok := f.Interface().(zapcore.Core)
		return ok && writesAtOnce(inner)
	case teeType:
		cores := reflect.ValueOf(next)
		for i := range cores.Len() {
			if inner, ok := cores.Index(i).Interface().(zapcore.Core); !ok || !writesAtOnce(inner) {
				return false
			}
		}
		return true
	}
	return false
}

// writers pools the writers Check hands out; Write puts each back.
var writers = sync.Pool{New: func() any { return new(writer) }}

// A writer is the core that Check adds: it writes an entry's redacted fields to the
// cores of the wrapped core that took the entry.
type writer struct {
	c     *core
	inner *zapcore.CheckedEntry
	errs  errorOutput
}

// Write redacts the message (with ScanStrings) and fields, writes them to the cores that
// took the entry, and returns their errors.
func (w *writer) Write(e zapcore.Entry, fields []zapcore.Field) error {
	c, inner := w.c, w.inner
	inner.Entry = c.entry(e)
	inner.ErrorOutput = &w.errs
	if c.lends {
		ln := lines.Get().(*line)
		out, copied := c.redactFieldsTo(ln, fields)
		inner.Write(out...) // puts inner back in zap's pool
		ln.done(out, copied)
	} else {
		inner.Write(c.redactFields(fields)...)
	}
	err := w.errs.err(e.Time) // not inner.Time: inner is back in the pool
	*w = writer{errs: errorOutput{buf: w.errs.buf[:0]}}
	writers.Put(w)
	return err
}

// Enabled reports whether the wrapped core takes entries at level.
func (w *writer) Enabled(level zapcore.Level) bool { return w.c.Enabled(level) }

// With adds fields to the wrapped core; a logger never calls it on a checked core.
func (w *writer) With(fields []zapcore.Field) zapcore.Core { return w.c.With(fields) }

// Check is the wrapped core's; a logger never calls it on a checked core.
func (w *writer) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	return w.c.Check(e, ce)
}

// Sync flushes the wrapped core.
func (w *writer) Sync() error { return w.c.Sync() }

// errorOutput collects what a CheckedEntry writes to its ErrorOutput: the errors of the
// cores it wrote to, which the writer returns as its own.
type errorOutput struct{ buf []byte }

func (o *errorOutput) Write(p []byte) (int, error) { o.buf = append(o.buf, p...); return len(p), nil }
func (o *errorOutput) Sync() error                 { return nil }

// err returns the collected errors of an entry of time t: their text as the cores gave
// it, without the time and words zap puts around it (its own are put back when the
// writer's error is reported), so that the line zap reports is the one it would report
// without this core.
func (o *errorOutput) err(t time.Time) error {
	if len(o.buf) == 0 {
		return nil
	}
	text, ok := bytes.CutPrefix(o.buf, fmt.Appendf(nil, "%v write error: ", t))
	if !ok {
		text = o.buf // not as zap writes it today: all of it
	}
	return errors.New(string(bytes.TrimSuffix(text, []byte("\n"))))
}
