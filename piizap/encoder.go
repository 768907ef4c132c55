package piizap

import (
	"errors"
	"reflect"
	"slices"
	"sync/atomic"

	"github.com/ef8f9424/pii/internal/guard"
	"github.com/ef8f9424/pii/internal/withheld"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// A marshaler's methods may reach values that the walk of its redacted copy cannot see:
// a tagged value in an unexported field, or one the method computes. They hand such
// values to the encoder, so the marshaler is given an encoder that redacts what it is
// handed, as the core redacts fields (the analogue of a pii.Handler redacting what a
// slog.LogValuer returns). Strings a marshaler writes itself (AddString, and the text
// of errors and Stringers zap writes for it) are text like any other: only ScanStrings
// looks into them. So are the strings of a tagged value whose own MarshalLogObject the
// marshaler runs on the encoder itself (zap.Inline(v).AddTo(enc), v.MarshalLogObject(enc)):
// the encoder is handed the strings, never v.

// objectGuard is an ObjectMarshaler whose MarshalLogObject writes through a redacting
// encoder. The encoder lives in the guard, so that a line allocates one guard and no
// encoder; a call that finds it in use (the same field written by two goroutines at
// once, as a core that keeps fields may do) makes one of its own.
type objectGuard struct {
	m zapcore.ObjectMarshaler
	e objectEncoder
	// copied: m is a redacted copy, whose methods may panic where the value's hold
	// (see internal/guard); a panic is then written as a failure note. A value's own
	// marshaler panics as it does through zap alone.
	copied bool
	busy   atomic.Bool
}

// MarshalLogObject runs the wrapped marshaler on a redacting encoder. A panic of a
// copy's marshaler is returned as the failure note, which zap writes under the field's
// key and "Error".
func (g *objectGuard) MarshalLogObject(enc zapcore.ObjectEncoder) (err error) {
	defer recovered(g.copied, g.m, &err) // unconditional, so that it costs next to nothing
	if !g.busy.CompareAndSwap(false, true) {
		return g.m.MarshalLogObject(&objectEncoder{enc, g.e.c})
	}
	g.e.ObjectEncoder = enc
	err = g.m.MarshalLogObject(&g.e) // a panic leaves busy set: later calls make their own
	g.e.ObjectEncoder = nil
	g.busy.Store(false)
	return err
}

// recovered, deferred, sets *err to the failure note of m, a copy, when m's method
// panicked; a panic of what is no copy goes on, and so does one of a nil pointer's
// (zap lets both through).
func recovered(copied bool, m any, err *error) {
	if !copied {
		return
	}
	if r := recover(); r != nil {
		if isNil(m) {
			panic(r)
		}
		*err = errors.New(guard.Note(reflect.TypeOf(m)))
	}
}

// arrayGuard is objectGuard for an ArrayMarshaler.
type arrayGuard struct {
	m      zapcore.ArrayMarshaler
	e      arrayEncoder
	copied bool
	busy   atomic.Bool
}

// MarshalLogArray runs the wrapped marshaler on a redacting encoder; a panic is
// returned as objectGuard's is.
func (g *arrayGuard) MarshalLogArray(enc zapcore.ArrayEncoder) (err error) {
	defer recovered(g.copied, g.m, &err)
	if !g.busy.CompareAndSwap(false, true) {
		return g.m.MarshalLogArray(&arrayEncoder{enc, g.e.c})
	}
	g.e.ArrayEncoder = enc
	err = g.m.MarshalLogArray(&g.e)
	g.e.ArrayEncoder = nil
	g.busy.Store(false)
	return err
}

// objectEncoder redacts what a marshaler adds to an object; with ScanStrings, the keys
// it adds under too (see encoder_keys.go).
type objectEncoder struct {
	zapcore.ObjectEncoder
	c *core
}

// AddReflected adds v's redacted copy, or the note of why it could not be redacted.
func (e *objectEncoder) AddReflected(key string, v any) error {
	key = e.c.text(key)
	x, _ := e.c.forLog(v)
	if n, ok := failure(x); ok {
		e.ObjectEncoder.AddString(key, n)
		return nil
	}
	return e.ObjectEncoder.AddReflected(key, x)
}

// AddObject adds m's redacted copy, itself written through a redacting encoder.
func (e *objectEncoder) AddObject(key string, m zapcore.ObjectMarshaler) error {
	key = e.c.text(key)
	x, n, _ := e.c.object(m, nil)
	if x == nil {
		e.ObjectEncoder.AddString(key, n)
		return nil
	}
	return e.ObjectEncoder.AddObject(key, x)
}

// AddArray adds m's redacted copy, itself written through a redacting encoder.
func (e *objectEncoder) AddArray(key string, m zapcore.ArrayMarshaler) error {
	key = e.c.text(key)
	x, n, _ := e.c.array(m, nil)
	if x == nil {
		e.ObjectEncoder.AddString(key, n)
		return nil
	}
	return e.ObjectEncoder.AddArray(key, x)
}

// AddString adds s, scanned with ScanStrings.
func (e *objectEncoder) AddString(key, s string) {
	e.ObjectEncoder.AddString(e.c.text(key), e.c.text(s))
}

// AddByteString adds b, scanned with ScanStrings.
func (e *objectEncoder) AddByteString(key string, b []byte) {
	b, _ = e.c.bytes(b)
	e.ObjectEncoder.AddByteString(e.c.text(key), b)
}

// AddBinary adds b, scanned as text with ScanStrings.
func (e *objectEncoder) AddBinary(key string, b []byte) {
	b, _ = e.c.bytes(b)
	e.ObjectEncoder.AddBinary(e.c.text(key), b)
}

// arrayEncoder redacts what a marshaler appends to an array.
type arrayEncoder struct {
	zapcore.ArrayEncoder
	c *core
}

// AppendReflected appends v's redacted copy, or the note of why it could not be
// redacted.
func (e *arrayEncoder) AppendReflected(v any) error {
	x, _ := e.c.forLog(v)
	if n, ok := failure(x); ok {
		e.ArrayEncoder.AppendString(n)
		return nil
	}
	return e.ArrayEncoder.AppendReflected(x)
}

// AppendObject appends m's redacted copy, itself written through a redacting encoder.
func (e *arrayEncoder) AppendObject(m zapcore.ObjectMarshaler) error {
	x, n, _ := e.c.object(m, nil)
	if x == nil {
		e.ArrayEncoder.AppendString(n)
		return nil
	}
	return e.ArrayEncoder.AppendObject(x)
}

// AppendArray appends m's redacted copy, itself written through a redacting encoder.
func (e *arrayEncoder) AppendArray(m zapcore.ArrayMarshaler) error {
	x, n, _ := e.c.array(m, nil)
	if x == nil {
		e.ArrayEncoder.AppendString(n)
		return nil
	}
	return e.ArrayEncoder.AppendArray(x)
}

// AppendString appends s, scanned with ScanStrings.
func (e *arrayEncoder) AppendString(s string) { e.ArrayEncoder.AppendString(e.c.text(s)) }

// AppendByteString appends b, scanned with ScanStrings.
func (e *arrayEncoder) AppendByteString(b []byte) {
	b, _ = e.c.bytes(b)
	e.ArrayEncoder.AppendByteString(b)
}

// object returns what stands for m in a line, and whether it is not m: its redacted
// copy, guarded unless it is one of zap's own marshalers of plain data (see plain); or
// nil and the note of why it could not be redacted.
//
// For a line that is written at once (ln not nil), the copy is borrowed and the guard
// is one the line keeps (see line).
func (c *core) object(m zapcore.ObjectMarshaler, ln *line) (zapcore.ObjectMarshaler, string, bool) {
	if o, ok := m.(structObject); ok {
		if c.scan {
			if x, n, ok := c.scannedObject(o); ok {
				return x, n, true
			}
		}
		// Object's struct is redacted already, and a walk of it would meet only its
		// reflect.Value: it is guarded as it is.
		return ln.objectGuard(c, o, false), "", true
	}
	x, changed := c.forLine(m, ln)
	om, ok := x.(zapcore.ObjectMarshaler)
	switch {
	case isWithheld(x):
		// m holds personal data in unexported interface fields, which no copy hides;
		// what it writes of them goes through the guard's encoder, which redacts it.
		// (zap's invalid key-value pairs hold theirs so, but write Stringers and
		// errors as text: they are read and redacted as fields, see invalid.go.)
		return ln.objectGuard(c, m, false), "", true
	case !ok:
		return nil, note(x, m), true
	case plain(om):
		return om, "", changed
	}
	return ln.objectGuard(c, om, changed), "", true
}

// array is object for an ArrayMarshaler.
func (c *core) array(m zapcore.ArrayMarshaler, ln *line) (zapcore.ArrayMarshaler, string, bool) {
	if pairs := c.invalidPairs(m, ln); pairs != nil {
		return pairs, "", true
	}
	m, listed := c.errorList(m)
	x, changed := c.forLine(m, ln)
	changed = changed || listed
	am, ok := x.(zapcore.ArrayMarshaler)
	switch {
	case isWithheld(x):
		return &arrayGuard{m: m, e: arrayEncoder{c: c}}, "", true // as object does
	case !ok:
		return nil, note(x, m), true
	case plain(am):
		return am, "", changed
	}
	return &arrayGuard{m: am, e: arrayEncoder{c: c}, copied: changed}, "", true
}

// errorsType is the type of zap.Errors's marshaler, a list of errors.
var errorsType = reflect.TypeOf(zap.Errors("", nil).Interface)

// errorList returns m, the marshaler of a zap.Errors field, with each error that holds
// personal data replaced by what a line may show of it (its redacted text), and whether
// it replaced any. Any other marshaler is returned as it
// is.
func (c *core) errorList(m zapcore.ArrayMarshaler) (zapcore.ArrayMarshaler, bool) {
	if reflect.TypeOf(m) != errorsType {
		return m, false
	}
	errs := reflect.ValueOf(m).Convert(reflect.TypeFor[[]error]()).Interface().([]error)
	var out []error
	for i, err := range errs {
		if err == nil {
			continue
		}
		x, changed := c.forLog(err)
		if !changed {
			continue
		}
		if out == nil {
			out = slices.Clone(errs)
		}
		out[i], _ = x.(error) // an error's redacted copy, text or failure note is an error
	}
	if out == nil {
		return m, false
	}
	return reflect.ValueOf(out).Convert(errorsType).Interface().(zapcore.ArrayMarshaler), true
}

// isWithheld reports whether x is what the Policy puts in place of a value that holds
// personal data in unexported interface fields, withheld whole.
func isWithheld(x any) bool {
	_, ok := x.(withheld.Value)
	return ok
}
