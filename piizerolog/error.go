package piizerolog

import (
	"github.com/ef8f9424/pii"
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
	x, _ := pii.Default().ForLog(err)
	return x
}
