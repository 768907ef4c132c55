package pii

import (
	"errors"
	"fmt"
	"strings"
)

// errorf is fmt.Errorf for this package's errors. Its format starts with "pii: ", and the
// text of a wrapped error of this package does too; errorf says the package's name once,
// so that a message reads "pii: WithRegion: invalid option: unknown region", never
// "pii: WithRegion: invalid option: pii: unknown region". errors.Is and errors.As see
// every wrapped error as fmt.Errorf's would.
func errorf(format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	msg := err.Error()
	if !strings.Contains(msg, ": pii: ") {
		return err
	}
	return &prefixedError{msg: strings.ReplaceAll(msg, ": pii: ", ": "), err: err}
}

// prefixedError is an error whose text errorf tidied; it unwraps to what it wrapped.
type prefixedError struct {
	msg string
	err error
}

func (e *prefixedError) Error() string { return e.msg }
func (e *prefixedError) Unwrap() error { return e.err }

// ErrTypeNotValue is returned by the functions that read or change the data of a value
// (Purge, Redact, Anonymize, Unseal, Audit, CheckNoPII) when given a reflect.Type: a
// type holds no data, and doing nothing would read as success.
var ErrTypeNotValue = errors.New("a reflect.Type holds no data: pass a pointer to a value")

// ErrReflectValue is returned when a reflect.Value (or a pointer to one) is passed where
// the package wants the value itself: the package would read reflect's own struct,
// which carries no tags, and do nothing. Pass v.Interface(), or v.Addr().Interface() to
// change the value in place.
var ErrReflectValue = errors.New("a reflect.Value is not the value it holds: pass v.Interface(), or v.Addr().Interface() to change it")
