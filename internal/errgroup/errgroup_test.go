package errgroup

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/google/go-cmp/cmp"
)

// cyclic is a list that holds itself.
type cyclic struct{}

func (cyclic) Error() string     { return "cycle" }
func (c cyclic) Errors() []error { return []error{c, adaptertest.NewPhoneError()} }

// panicking is a list whose Errors panics.
type panicking struct{}

func (panicking) Error() string   { return "panics" }
func (panicking) Errors() []error { panic("no list") }

// both wraps one error with Unwrap and lists others with Errors.
type both struct {
	wrapped error
	list    []error
}

func (b both) Error() string {
	return "both: " + b.wrapped.Error() + "; " + adaptertest.NewErrorList(b.list...).Error()
}
func (b both) Unwrap() error   { return b.wrapped }
func (b both) Errors() []error { return b.list }

// TestForLog gives ForLog errors that hold tagged errors in lists only Errors gives, at
// the top, wrapped, joined and nested: their text shows with the personal data hidden.
// An error with nothing to hide comes back as it is, list and all.
func TestForLog(t *testing.T) {
	pe := adaptertest.NewPhoneError()
	const red = adaptertest.PhoneErrorText
	plain := adaptertest.NewErrorList(errors.New("a"), errors.New("b"))
	tests := []struct {
		name    string
		err     error
		want    string
		changed bool
	}{
		{"plain error", errors.New("a"), "a", false},
		{"list of plain errors", plain, "a; b", false},
		{"tagged error alone", pe, red, true},
		{"list", adaptertest.NewErrorList(errors.New("a"), pe), "a; " + red, true},
		{"list whose Error panics", adaptertest.NewErrorList(nil, pe), "!PII-REDACTED: an error whose methods panicked", true},
		{"wrapped list", fmt.Errorf("x: %w", adaptertest.NewErrorList(pe)), "x: " + red, true},
		{"joined list", errors.Join(errors.New("a"), adaptertest.NewErrorList(pe)), "a\n" + red, true},
		{"list in a list", adaptertest.NewErrorList(adaptertest.NewErrorList(pe), plain), red + "; a; b", true},
		{"Unwrap and Errors", both{errors.New("w"), []error{pe}}, "both: w; " + red, true},
		{"cycle", cyclic{}, "!PII-REDACTED: the text of a errgroup.cyclic whose chain of errors is too long to look through", true},
		{"Errors panics", panicking{}, "!PII-REDACTED: an error whose methods panicked", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, changed := ForLog(tt.err, pii.Default().ForLog)
			got, ok := x.(error)
			if !ok {
				t.Fatalf("ForLog gave a %T, want an error", x)
			}
			if diff := cmp.Diff(tt.want, got.Error()); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			if changed != tt.changed {
				t.Errorf("changed = %v, want %v", changed, tt.changed)
			}
			if !changed && reflect.TypeOf(got) != reflect.TypeOf(tt.err) {
				t.Errorf("ForLog gave %#v for an error with nothing to hide, want the error itself", got)
			}
		})
	}
}

// TestForLogNilPointer gives ForLog a nil pointer, whose methods would panic: it comes
// back as it is, for the logger to write as it writes one.
func TestForLogNilPointer(t *testing.T) {
	var err error = (*adaptertest.ErrorList)(nil)
	if x, changed := ForLog(err, pii.Default().ForLog); x != err || changed {
		t.Errorf("ForLog = %#v, %v; want the nil pointer, false", x, changed)
	}
}

// TestForLogBadTag gives ForLog a list that holds an error whose type has a wrong tag:
// the text is withheld, the note naming the list's type.
func TestForLogBadTag(t *testing.T) {
	list := adaptertest.NewErrorList(errors.New("a"), adaptertest.BadTagError{Phone: 4155550123})
	x, changed := ForLog(list, pii.Default().ForLog)
	want := "!PII-REDACTED: the text of a adaptertest.ErrorList that holds personal data"
	if err, ok := x.(error); !ok || err.Error() != want || !changed {
		t.Errorf("ForLog = %v, %v; want %q, true", x, changed, want)
	}
}

// TestValue gives Value an error list and a tagged value that is no error: the one is
// redacted as ForLog redacts it, the other as forLog does.
func TestValue(t *testing.T) {
	list := adaptertest.NewErrorList(adaptertest.NewPhoneError())
	x, changed := Value(list, pii.Default().ForLog)
	if err, ok := x.(error); !ok || err.Error() != adaptertest.PhoneErrorText || !changed {
		t.Errorf("Value(list) = %v, %v; want %q, true", x, changed, adaptertest.PhoneErrorText)
	}
	c := adaptertest.NewCustomer()
	x, changed = Value(c, pii.Default().ForLog)
	if got, ok := x.(adaptertest.Customer); !ok || got.Phone != "+1415555XXXX" || !changed {
		t.Errorf("Value(customer) = %+v, %v; want its redacted copy", x, changed)
	}
}
