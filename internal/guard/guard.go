// Package guard keeps a log call from crashing on a method that panics. A redacted copy
// is not a value the caller ever made: a method that holds on every real value (a
// card's last four digits, card[len(card)-4:]) may panic on a copy whose sensitive
// field is zeroed. slog recovers from such a panic; encoding/json, and the encoders of
// zap, logrus and zerolog that call it or call Error, do not. The adapters run those
// methods themselves under recover where they encode (Encode, Error), and try a copy
// before they hand it to a logger that will run them (Try); a failure note (Note)
// stands for a value whose method panicked. Nothing is wrapped: a logger, and the code
// after it, sees the copy's own type.
package guard

import (
	"bytes"
	"encoding"
	"encoding/json"
	"log/slog"
	"math/big"
	"net"
	"net/netip"
	"reflect"
	"time"

	"github.com/ef8f9424/pii/internal/typecache"
)

// Note is the failure note that stands for a value of type t one of whose methods
// panicked while it was written: the text pii writes for a value it could not redact.
// It names the type, never the panic's value, which may quote the value's data.
func Note(t reflect.Type) string {
	return "!PII-REDACTION-FAILED: pii: " + t.String() + ": " + Cause
}

// Cause is what Note says happened: package pii's notes, which it makes as errors, say
// it in the same words.
const Cause = "a method of the value panicked while it was written"

// Error returns the text of err, a redacted copy, or Note when its Error panics.
func Error(err error) (text string) {
	defer func() {
		if recover() != nil {
			text = Note(reflect.TypeOf(err))
		}
	}()
	return err.Error()
}

// Encode is Unguarded, or Note as a JSON string when a method of v panics. An error of
// the encoder is returned as it is.
func Encode(v any) (b []byte, err error) {
	defer func() {
		if recover() != nil {
			b, err = json.Marshal(Note(reflect.TypeOf(v)))
		}
	}()
	return Unguarded(v)
}

// Unguarded writes v as JSON as zerolog's and zap's encoders do: encoding/json, HTML
// characters left as they are, no newline. A panic of a method of v is let through.
func Unguarded(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Try runs on x, a redacted copy about to be handed to a logger, the methods the logger
// calls with no recover: Error, and the MarshalJSON and MarshalText that encoding/json
// runs (see marshals). It reports false, with Note, when one panics; the logger is then
// given the note instead. Those methods run again when the logger writes x: a copy of a
// type that has them pays for them twice, and no other copy pays anything but a look
// at its type.
func Try(x any) (note string, ok bool) {
	t := reflect.TypeOf(x)
	if t == nil {
		return "", true
	}
	how, known := tries.Load(t)
	if !known {
		how = triesOf(t)
		tries.Store(t, how)
	}
	if how == 0 {
		return "", true
	}
	if v := reflect.ValueOf(x); v.Kind() == reflect.Pointer && v.IsNil() {
		return "", true // written "<nil>" or null, with no method run
	}
	defer func() {
		if recover() != nil {
			note, ok = Note(t), false
		}
	}()
	if how&tryError != 0 {
		_ = x.(error).Error()
	}
	if how&tryJSON != 0 {
		_, _ = json.Marshal(x) // its errors are the logger's to report, as they were
	}
	return "", true
}

// Tried returns x, a redacted copy about to be handed to a logger, or Failed(x) when a
// method of x that the logger runs with no recover panics (see Try). Every copy an
// adapter hands a logger's encoder goes through Tried (or Try) on its way.
func Tried(x any) any {
	if _, ok := Try(x); !ok {
		return Failed(x)
	}
	return x
}

// Failed returns the value that stands in a line for x, a copy one of whose methods
// panicked: package pii's failure note (an error that errors.Is reports as
// pii.ErrRedactionFailed, whose text is Note's), which pii sets here when it starts.
var Failed = func(x any) any { return Note(reflect.TypeOf(x)) }

// What Try runs on a value of a type, found once per type (tries).
const (
	tryError = 1 << iota // Error
	tryJSON              // encoding/json, which runs the type's marshalers (marshals)
)

var tries typecache.Cache[uint8]

var errorType = reflect.TypeFor[error]()

func triesOf(t reflect.Type) (how uint8) {
	if t.Implements(errorType) {
		how |= tryError
	}
	if marshals(t) {
		how |= tryJSON
	}
	return how
}

// marshals reports whether encoding/json runs a method of the caller's on a value of
// type t, or on a value it holds other than through an interface: a MarshalJSON or
// MarshalText, but for the standard library's that hold on every value (see standard).
// Try asks once per type.
func marshals(t reflect.Type) bool { return marshalsIn(t, map[reflect.Type]bool{}) }

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

func marshalsIn(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if !standard(t) && (marshalsItself(t) || t.Kind() != reflect.Pointer && marshalsItself(reflect.PointerTo(t))) {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return marshalsIn(t.Elem(), seen)
	case reflect.Map:
		return marshalsIn(t.Key(), seen) || marshalsIn(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if marshalsIn(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

func marshalsItself(t reflect.Type) bool {
	return t.Implements(jsonMarshalerType) || t.Implements(textMarshalerType)
}

// standard reports whether t, or what it points to, is one of the standard library's
// types that marshal themselves and hold on every value they can be given.
func standard(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer && t.Name() == "" {
		t = t.Elem()
	}
	return standardTypes[t]
}

var standardTypes = map[reflect.Type]bool{
	reflect.TypeFor[time.Time]():       true,
	reflect.TypeFor[netip.Addr]():      true,
	reflect.TypeFor[netip.AddrPort]():  true,
	reflect.TypeFor[netip.Prefix]():    true,
	reflect.TypeFor[net.IP]():          true,
	reflect.TypeFor[json.RawMessage](): true,
	reflect.TypeFor[big.Int]():         true,
	reflect.TypeFor[big.Float]():       true,
	reflect.TypeFor[big.Rat]():         true,
	reflect.TypeFor[slog.Level]():      true,
}
