package pii_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// errorList holds errors that only its Errors method gives, as zap's errorGroup and the
// error lists of older multierr versions do: no Unwrap.
type errorList struct{ errs []error }

func (l errorList) Error() string {
	texts := make([]string, len(l.errs))
	for i, e := range l.errs {
		texts[i] = e.Error()
	}
	return strings.Join(texts, "; ")
}

func (l errorList) Errors() []error { return l.errs }

// wrappedList is an error with Unwrap that also lists errors through Errors.
type wrappedList struct {
	cause error
	errorList
}

func (w wrappedList) Error() string { return w.cause.Error() + ": " + w.errorList.Error() }
func (w wrappedList) Unwrap() error { return w.cause }

// panickyList panics when asked for its errors.
type panickyList struct{}

func (panickyList) Error() string   { return "list" }
func (panickyList) Errors() []error { panic("no list") }

// cyclicList is a list that holds itself, and a tagged error.
type cyclicList struct{}

func (cyclicList) Error() string     { return "cycle" }
func (c cyclicList) Errors() []error { return []error{c, reviewErr{reviewEmail}} }

// badTagErr is an error whose tag is wrong.
type badTagErr struct {
	Email string `pii:"emial"`
}

func (e badTagErr) Error() string { return "bad " + e.Email }

// reviewPtrErr is an untagged error with a pointer receiver, which a nil one panics in.
type reviewPtrErr struct{ op string }

func (e *reviewPtrErr) Error() string { return "failed: " + e.op }

// TestErrorListsAreFollowed logs errors that hold tagged errors behind Errors() []error:
// their text showed the tagged errors raw, in every output, since only Unwrap was
// followed.
func TestErrorListsAreFollowed(t *testing.T) {
	tagged := reviewErr{reviewEmail}
	tests := map[string]error{
		"a list":                       errorList{[]error{errors.New("first"), tagged}},
		"a list behind %w":             fmt.Errorf("save: %w", errorList{[]error{tagged}}),
		"a list in errors.Join":        errors.Join(errors.New("first"), errorList{[]error{tagged}}),
		"a list of lists":              errorList{[]error{errorList{[]error{tagged}}}},
		"a list with Unwrap":           wrappedList{errors.New("cause"), errorList{[]error{tagged}}},
		"a list with a tagged Unwrap":  wrappedList{tagged, errorList{[]error{errors.New("x")}}},
		"a list in a struct's field":   fmt.Errorf("op: %w", errorList{[]error{fmt.Errorf("inner: %w", tagged)}}),
		"a list whose Errors panics":   errors.Join(panickyList{}, tagged),
		"a list holding a nil and one": errorList{[]error{nil, tagged}},
		"a list that holds itself":     cyclicList{},
		"a list holding a wrong tag":   errorList{[]error{badTagErr{reviewEmail}}},
	}
	for name, err := range tests {
		t.Run(name, func(t *testing.T) {
			if out := everyOutput(t, err); strings.Contains(out, "jane.doe") {
				t.Errorf("the address reached an output:\n%s", out)
			}
			// In a struct's field, as a log line's value holds it.
			rec := struct {
				Err error `pii:"no"`
			}{err}
			if out := everyOutput(t, rec); strings.Contains(out, "jane.doe") {
				t.Errorf("in a field, the address reached an output:\n%s", out)
			}
		})
	}
	// The text is kept, with the tagged error's part redacted.
	got, changed := pii.Default().ForLog(errorList{[]error{errors.New("first"), tagged}})
	if want := "first; " + fmt.Sprint(mustRedacted(t, tagged)); !changed || fmt.Sprint(got) != want {
		t.Errorf("ForLog = %q, %v; want %q, true", got, changed, want)
	}
	// What cannot be looked through is withheld, and says so.
	for _, err := range []error{cyclicList{}, errorList{[]error{panickyList{}, tagged}}} {
		if got, _ := pii.Default().ForLog(err); !strings.HasPrefix(fmt.Sprint(got), "!PII-REDACTED: ") {
			t.Errorf("ForLog(%T) = %q, want it withheld", err, got)
		}
	}
	// What cannot be redacted (a wrong tag) is withheld with the note of why, as the
	// error logged alone is.
	bad := badTagErr{reviewEmail}
	alone, _ := pii.Default().ForLog(bad)
	if got, _ := pii.Default().ForLog(errorList{[]error{bad}}); fmt.Sprint(got) != fmt.Sprint(alone) || !errors.Is(got.(error), pii.ErrRedactionFailed) {
		t.Errorf("ForLog of a list holding a wrong tag = %q, want the note %q", got, alone)
	}
	// A list with nothing tagged keeps its text.
	plain := errorList{[]error{errors.New("a"), errors.New("b")}}
	if got, _ := pii.Default().ForLog(plain); fmt.Sprint(got) != "a; b" {
		t.Errorf("ForLog of a plain list = %q, want %q", got, "a; b")
	}
	// A nil pointer holds nothing: it is passed on as it is, for the logger to write.
	var nilErr *reviewPtrErr
	if got, _ := pii.Default().ForLog(error(nilErr)); got != any(nilErr) {
		t.Errorf("ForLog of a nil pointer = %#v, want it as it is", got)
	}
}

// mustRedacted returns the redacted copy of v.
func mustRedacted[T any](t *testing.T, v T) T {
	t.Helper()
	r, err := pii.Redacted(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
