package adaptertest

import "strings"

// PhoneError is an error whose type carries a tagged phone, and prints it.
type PhoneError struct {
	Phone string `pii:"phone"`
	Plan  string `pii:"no"`
}

func (e PhoneError) Error() string { return "call to " + e.Phone + " on " + e.Plan + " failed" }

// NewPhoneError returns a PhoneError of the tests' Phone and Plan.
func NewPhoneError() PhoneError { return PhoneError{Phone: Phone, Plan: Plan} }

// PhoneErrorText is what a line shows of NewPhoneError() under the default Policy.
const PhoneErrorText = "call to +1415555XXXX on premium-plan failed"

// ErrorList holds errors that only its Errors method gives, not Unwrap: the list zap
// writes as "errorCauses", as multierr made it before Unwrap() []error, and as other
// libraries still do. Its text joins theirs with "; ".
type ErrorList struct{ errs []error }

// NewErrorList returns an ErrorList of errs.
func NewErrorList(errs ...error) ErrorList { return ErrorList{errs} }

func (l ErrorList) Error() string {
	texts := make([]string, len(l.errs))
	for i, e := range l.errs {
		texts[i] = e.Error()
	}
	return strings.Join(texts, "; ")
}

// Errors returns the errors of the list.
func (l ErrorList) Errors() []error { return l.errs }

// NilCauseError is a wrapper error whose methods read its fields: a nil *NilCauseError
// panics in Error and Unwrap, as many wrapper errors do, where loggers write nil.
type NilCauseError struct {
	Msg   string
	Cause error
}

func (e *NilCauseError) Error() string { return e.Msg }

// Unwrap returns the cause.
func (e *NilCauseError) Unwrap() error { return e.Cause }
