package pii

import (
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
