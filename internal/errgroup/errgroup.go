// Package errgroup lets the logger adapters redact errors that hold other errors behind
// an Errors() []error method: zap's errorGroup, which zap writes as "errorCauses", and the
// error lists of multierr and other libraries before Unwrap() []error. pii's redaction of
// an error follows Unwrap only, so the tagged errors of such a list, and the text the list
// prints of them, were logged as they are.
package errgroup

import (
	"fmt"
	"reflect"
	"strings"
)

// A group is an error that gives the errors it holds through Errors.
type group interface{ Errors() []error }

// maxErrors bounds how many errors of one chain are looked at: a chain that long has its
// text withheld.
const maxErrors = 1000

// ForLog returns what a line may show of err, and whether it differs from err, as
// forLog (a pii.Policy's ForLog or ForLogScanned) returns it, with the errors that err's
// chain holds behind Errors() []error looked at as if Unwrap gave them. An error with
// no such list costs a walk of its chain and nothing more.
func ForLog(err error, forLog func(any) (any, bool)) (any, bool) {
	if nilPointer(err) {
		return err, false // holds nothing: left to the logger, as it writes a nil one
	}
	x, ok := expose(err)
	switch {
	case !ok:
		return forLog(err)
	case isWithheld(x):
		return x, true
	}
	r, _ := forLog(x) // an error that wraps others is walked, and said changed, always
	switch re := r.(type) {
	case exposed:
		return err, false // nothing to hide: err as it is, its list kept for the encoder
	case error:
		if text := re.Error(); strings.Contains(text, exposedName) {
			// A note that withholds the text names the type: err's, not the stand-in's.
			return withheld{strings.ReplaceAll(text, exposedName, fmt.Sprintf("%T", err))}, true
		}
	}
	return r, true
}

// Value is ForLog for a value that may be an error: any other value is forLog's.
func Value(v any, forLog func(any) (any, bool)) (any, bool) {
	if err, ok := v.(error); ok {
		return ForLog(err, forLog)
	}
	return forLog(v)
}

// expose returns an error with err's text whose chain (Unwrap() []error) also reaches
// every error of a list in err's chain, and true; or err and false when its chain holds
// no list that Unwrap does not give; or a withheld error when the chain is too long or
// a method panics on the way.
func expose(err error) (x error, ok bool) {
	defer func() {
		if recover() != nil {
			x, ok = withheld{"!PII-REDACTED: an error whose methods panicked"}, true
		}
	}()
	n := 0
	x, ok = walk(err, &n)
	if n > maxErrors {
		return withheld{fmt.Sprintf("!PII-REDACTED: the text of a %T whose chain of errors is too long to look through", err)}, true
	}
	return x, ok
}

// walk is expose for one error of the chain; n counts the errors looked at.
func walk(err error, n *int) (error, bool) {
	if err == nil {
		return nil, false
	}
	if nilPointer(err) {
		return err, false // loggers write a nil pointer as nil or "<nil>", calling nothing
	}
	if *n++; *n > maxErrors {
		return err, false
	}
	var more []error
	add := func(e error, always bool) {
		if x, ok := walk(e, n); ok || always && x != nil {
			more = append(more, x)
		}
	}
	switch u := err.(type) {
	case interface{ Unwrap() []error }:
		// The list Unwrap gives is the one Errors would give, if there is one.
		for _, e := range u.Unwrap() {
			add(e, false)
		}
	case interface{ Unwrap() error }:
		add(u.Unwrap(), false)
		if g, ok := err.(group); ok {
			for _, e := range g.Errors() {
				add(e, true)
			}
		}
	case group:
		for _, e := range u.Errors() {
			add(e, true)
		}
	}
	if len(more) == 0 {
		return err, false
	}
	return exposed{err, more}, true
}

// exposedName is the name of exposed's type, as a note names it.
var exposedName = fmt.Sprintf("%T", exposed{})

// exposed stands for err in a redaction: the same text, and a chain that gives err
// itself (so that its own tagged value and chain are looked at as they are) and the
// errors of its lists.
type exposed struct {
	err  error
	more []error
}

func (x exposed) Error() string { return x.err.Error() }

func (x exposed) Unwrap() []error { return append([]error{x.err}, x.more...) }

// withheld is an error whose text says why it stands in for another.
type withheld struct{ text string }

func (w withheld) Error() string { return w.text }

func isWithheld(err error) bool {
	_, ok := err.(withheld)
	return ok
}

// nilPointer reports whether err is a nil pointer, whose methods would panic.
func nilPointer(err error) bool {
	v := reflect.ValueOf(err)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
