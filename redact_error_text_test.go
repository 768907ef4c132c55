package pii

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// panicError is an error whose Error panics.
type panicError struct{}

func (*panicError) Error() string { panic("boom") }

// codeError is an error type with an exported field that cannot hold an email.
type codeError struct{ Code int }

func (e codeError) Error() string { return fmt.Sprintf("code %d for jane@example.com", e.Code) }

// badTagError is an error type with a malformed tag of its own.
type badTagError struct {
	N float64 `pii:"phone"`
}

func (badTagError) Error() string { return "bad" }

type errorHolder struct {
	ID  string `pii:"no"`
	Err error  `pii:"email"`
}

// TestMaskedError checks the error that stands in for a tagged error field's value:
// its text is masked as a string of the tag's kind, and nothing of the original is
// reachable through it.
func TestMaskedError(t *testing.T) {
	email := func(s string) string { return string(appendMask(nil, KindEmail, redactDefault, s, "")) }
	base := errors.New("jane@example.com")
	var nilPtr *panicError
	tests := []struct {
		name string
		err  error
		want string
		same bool // the error is passed on as it is
	}{
		{"errors.New", base, string(appendMask(nil, KindEmail, redactDefault, "jane@example.com", "")), false},
		{"wrapped", fmt.Errorf("send: %w", base), email("send: jane@example.com"), false},
		{"nil pointer", nilPtr, "", true},
		{"Error panics", &panicError{}, errorPanickedNote, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := maskedError(tt.err, email)
			if tt.same {
				if got != tt.err {
					t.Errorf("maskedError = %#v, want the error passed on", got)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got.Error()); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			if errors.Is(got, base) || errors.Unwrap(got) != nil {
				t.Errorf("maskedError(%v) still reaches the original", tt.err)
			}
		})
	}
	if got := maskedError(base, email).Error(); got == "jane@example.com" {
		t.Errorf("the email stayed readable: %q", got)
	}
}

// TestErrorHeldAsText checks which errors a tagged field hides as their text: those
// whose type has nothing a walk could hide under the tag, never one with a malformed
// tag of its own, and nothing behind an untagged interface.
func TestErrorHeldAsText(t *testing.T) {
	tagged := planFor(reflect.TypeFor[errorHolder]()).root.members[1].node
	untagged := planFor(reflect.TypeFor[struct{ Err error }]()).root.members[0].node
	tests := []struct {
		name string
		n    *node
		v    error
		want bool
	}{
		{"errors.New", tagged, errors.New("x"), true},
		{"fmt.Errorf", tagged, fmt.Errorf("x: %w", errors.New("y")), true},
		{"exported field of the wrong type", tagged, codeError{}, true},
		{"malformed tag of its own", tagged, badTagError{}, false},
		{"untagged interface", untagged, badTagError{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ := reflect.TypeOf(tt.v)
			_, err := tt.n.held(typ)
			if err == nil {
				t.Fatalf("held(%s) planned without error; the case tests nothing", typ)
			}
			if got := errorHeldAsText(tt.n, typ, err); got != tt.want {
				t.Errorf("errorHeldAsText = %v, want %v (plan error %v)", got, tt.want, err)
			}
		})
	}
}

// TestClassifyErrorHeldAsText checks that Classify of a value whose tagged error field
// holds errors.New lists the field as the tag says, instead of failing.
func TestClassifyErrorHeldAsText(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want []string
	}{
		{"errors.New", &errorHolder{Err: errors.New("jane@example.com")}, []string{"ID no", "Err email"}},
		{"nil error", &errorHolder{}, []string{"ID no", "Err email"}},
		{"fmt.Errorf", errorHolder{Err: fmt.Errorf("x: %w", errors.New("y"))}, []string{"ID no", "Err email"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields, err := Classify(tt.v)
			if err != nil {
				t.Fatalf("Classify: %v", err)
			}
			var got []string
			for _, f := range fields {
				k := "no"
				if f.Class == PII {
					k = f.Kind.String()
				}
				got = append(got, f.Path+" "+k)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := Classify(&errorHolder{Err: badTagError{}}); err == nil {
		t.Errorf("Classify of an error type with a malformed tag of its own: no error")
	}
}
