package piizerolog

import (
	"reflect"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/guard"
	"github.com/rs/zerolog"
)

// MarshalError is a zerolog.ErrorMarshalFunc that hides personal data in the errors
// logged with Err, AnErr and Errs (on events, arrays and contexts), which zerolog writes
// as their text when they are added. Set it once, at start-up:
//
//	zerolog.ErrorMarshalFunc = piizerolog.MarshalError
//
// An error whose chain (Unwrap, errors.Join, or a list that only an Errors() []error
// method gives, as old multierr makes) holds a tagged value is written as its text
// with that value's personal data hidden; an error whose type has a wrong tag, as
// "!PII-REDACTION-FAILED: " and the cause; any other error as it is. It follows the
// default Policy (pii.SetDefault).
func MarshalError(err error) any {
	x, changed := pii.Default().ForLog(err)
	if !changed || reflect.TypeOf(x) != reflect.TypeOf(err) {
		return x // err itself, or what stands for it (its redacted text, a note)
	}
	if m, writesItself := x.(zerolog.LogObjectMarshaler); writesItself {
		return triedObject{m} // zerolog runs its MarshalZerologObject with no recover
	}
	if v := reflect.ValueOf(x); v.Kind() == reflect.Pointer && v.IsNil() {
		return x // written as zerolog writes a nil error
	}
	// The copy's text, read here under recover: zerolog calls Error with none, and a
	// method that holds on every real value may panic on a copy whose sensitive
	// fields are zeroed (see internal/guard). zerolog writes a string as it writes
	// the text of an error.
	return guard.Error(x.(error))
}

// triedObject is a redacted copy's own MarshalZerologObject, run under recover: one that
// holds on every real value may panic on a copy whose sensitive fields are zeroed (see
// internal/guard), and then the failure note is written under "error".
type triedObject struct{ m zerolog.LogObjectMarshaler }

// MarshalZerologObject runs the copy's own.
func (o triedObject) MarshalZerologObject(e *zerolog.Event) {
	defer func() {
		if recover() != nil {
			e.Str("error", guard.Note(reflect.TypeOf(o.m)))
		}
	}()
	o.m.MarshalZerologObject(e)
}
