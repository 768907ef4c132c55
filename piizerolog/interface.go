package piizerolog

import (
	"fmt"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/guard"
	"github.com/ef8f9424/pii/internal/loan"
	"github.com/rs/zerolog"
)

// MarshalInterface is a zerolog.InterfaceMarshalFunc that writes the redacted copy of
// what zerolog encodes by reflection: values logged with Interface and Any, in Fields,
// in arrays (Arr().Interface), dictionaries and contexts (With().Interface), and what a
// value's own MarshalZerologObject adds with Interface. Set it once, at start-up, with
// MarshalError:
//
//	zerolog.InterfaceMarshalFunc = piizerolog.MarshalInterface
//
// It encodes as zerolog's default does (encoding/json, HTML left unescaped). A value
// whose tags are wrong is written as "!PII-REDACTION-FAILED: " and the cause, never as
// it is. It follows the default Policy (pii.SetDefault).
//
// zerolog does not call it for a value that is a zerolog.LogObjectMarshaler (Interface,
// Any, Fields, Arr().Interface, Dict().Interface and With().Interface run the value's own
// MarshalZerologObject on the value as it is), nor for Stringer (which writes what String
// returns): give those Object(v) and pii.Safe(v).
func MarshalInterface(v any) ([]byte, error) {
	// The copy is encoded at once and dropped: it is borrowed (see internal/loan).
	x, changed, lent := loan.ForLog(pii.Default(), v, false)
	encodeAs := encode
	if !changed {
		encodeAs = guard.Unguarded // the caller's value: its methods panic as through zerolog alone
	}
	b, err := encodeAs(x)
	lent.Return()
	return b, err
}

// encode writes x, a redacted copy, as zerolog's default InterfaceMarshalFunc does:
// encoding/json, with HTML characters left as they are and no newline; or the failure
// note, when a method of x panics (one that holds on every real value may not on a
// copy whose sensitive fields are zeroed; see internal/guard).
func encode(x any) ([]byte, error) { return guard.Encode(x) }

// writeJSON writes x, a redacted value, under key as zerolog's Interface writes it by
// default, except that a value (or an element of one) that is a
// zerolog.LogObjectMarshaler is encoded as JSON as well, never asked to write itself:
// its MarshalZerologObject may compute what it adds (look a record up by an ID) and add
// it raw. So Object writes what pii.Safe's MarshalJSON writes. It does not go through
// zerolog.InterfaceMarshalFunc, which may be MarshalInterface: x is redacted already.
func writeJSON(e *zerolog.Event, key string, x any) {
	b, err := encode(x)
	if err != nil {
		e.Str(key, fmt.Sprintf("marshaling error: %v", err)) // as zerolog writes it
		return
	}
	e.RawJSON(key, b)
}
