package pii_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

type reflectedUser struct {
	Email string `pii:"email"`
}

// TestCopyOfReflectValue: Redacted and Anonymized of a reflect.Value (or a pointer to
// one, or an interface holding one) are errors wrapping ErrReflectValue, as Redact's
// and log lines' are: the copy would come back as it went, and fmt prints a
// reflect.Value as the value it holds, so the copy printed showed the address.
func TestCopyOfReflectValue(t *testing.T) {
	const email = "jane@example.com"
	u := reflectedUser{Email: email}
	rv := reflect.ValueOf(u)
	calls := map[string]func() (any, error){
		"Redacted(Value)":   func() (any, error) { return pii.Redacted(nil, rv) },
		"Redacted(*Value)":  func() (any, error) { return pii.Redacted(nil, &rv) },
		"Redacted[any]":     func() (any, error) { return pii.Redacted[any](nil, rv) },
		"Anonymized(Value)": func() (any, error) { return pii.Anonymized(nil, reflect.ValueOf(&u)) },
		"Anonymized[any]":   func() (any, error) { return pii.Anonymized[any](nil, rv) },
	}
	for name, call := range calls {
		got, err := call()
		if !errors.Is(err, pii.ErrReflectValue) {
			t.Errorf("%s: error %v, want ErrReflectValue", name, err)
		}
		if s := fmt.Sprint(got); strings.Contains(s, email) {
			t.Errorf("%s: the copy prints %s", name, s)
		}
	}
	if got, err := pii.Redacted(nil, u); err != nil || got.Email == email {
		t.Errorf("Redacted of the value itself: %+v, %v", got, err)
	}
}
