package pii

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"

	"github.com/ef8f9424/pii/internal/guard"
	"github.com/ef8f9424/pii/internal/loan"
)

// SafeValue wraps a value so that whatever prints it sees only its redacted copy: fmt
// verbs (through Format), slog (through LogValue) and encoding/json (through MarshalJSON).
// It is for values handed to code that does not go through Handler: a fmt.Printf, a
// third-party logger, an error message. Make one with Safe or Policy.Safe. As with
// Handler, unexported fields are redacted only where their types carry pii tags, and fmt
// prints the others as they are.
//
// The wrapped value is held by a function, which fmt prints as an address: no verb
// reaches it, even where fmt does not call Format (%p, any verb on a SafeValue in an
// unexported field).
type SafeValue struct {
	held func() (any, *Policy)
}

// Safe wraps v for printing under the default Policy at the time of printing (see
// SetDefault). See SafeValue.
func Safe(v any) SafeValue { return SafeValue{func() (any, *Policy) { return v, nil }} }

// Safe wraps v for printing under p. See SafeValue.
func (p *Policy) Safe(v any) SafeValue { return SafeValue{func() (any, *Policy) { return v, p }} }

// redacted returns the redacted copy of the wrapped value; the value itself is never
// changed.
func (s SafeValue) redacted() any { return s.copy(nil) }

// borrowed is redacted for a copy that is printed at once and dropped: a struct's copy
// is made in a pooled value of its type (see internal/loan), given back with lent.Return
// once printed.
func (s SafeValue) borrowed() (x any, lent loan.Copy) {
	x = s.copy(&lent)
	return x, lent
}

// copy is redacted, lending the copy through lent when lent is not nil.
func (s SafeValue) copy(lent *loan.Copy) any {
	if s.held == nil {
		return nil
	}
	v, p := s.held()
	x, _ := p.orDefault().redactedAnyAudit(v, false, nil, false, lent)
	return x
}

// Format prints the redacted copy with the verb and flags it is given, so %v, %+v, %#v,
// %s, %q and %x all work as they would on the value.
func (s SafeValue) Format(f fmt.State, verb rune) {
	x, lent := s.borrowed()
	fmt.Fprintf(f, fmt.FormatString(f, verb), x)
	lent.Return()
}

// String returns the redacted copy printed with %v.
func (s SafeValue) String() string {
	x, lent := s.borrowed()
	text := fmt.Sprint(x)
	lent.Return()
	return text
}

// LogValue gives slog the redacted copy.
func (s SafeValue) LogValue() slog.Value { return slog.AnyValue(s.redacted()) }

// MarshalJSON encodes the redacted copy. A method of the copy that panics (one that
// holds on every real value may not on a copy whose sensitive fields are zeroed; see
// internal/guard) makes it the failure note: encoding/json recovers no such panic.
func (s SafeValue) MarshalJSON() (b []byte, err error) {
	x, lent := s.borrowed()
	defer lent.Return()
	defer func() {
		if recover() != nil {
			b, err = json.Marshal(guard.Note(reflect.TypeOf(x)))
		}
	}()
	return json.Marshal(x)
}
