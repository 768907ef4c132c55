package pii_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
)

// TestArgumentsRefusedInPlace checks the entry points that change or read a value's
// data: a reflect.Type or reflect.Value is an error naming the type, not a no-op.
func TestArgumentsRefusedInPlace(t *testing.T) {
	rec := argRecord{Phone: "+14155551234"}
	rv := reflect.ValueOf(&rec)
	audit := func(v any) error { _, err := pii.Audit(v); return err }
	unseal := func(v any) error { return pii.Unseal(v, nil) }
	calls := []struct {
		name string
		call func(any) error
	}{
		{"Redact", pii.Redact}, {"Anonymize", pii.Anonymize}, {"Unseal", unseal},
		{"Audit", audit}, {"CheckNoPII", pii.CheckNoPII},
	}
	args := []struct {
		name string
		arg  any
		want error
	}{
		{"reflect.Type", reflect.TypeFor[argRecord](), pii.ErrTypeNotValue},
		{"reflect.Value", rv, pii.ErrReflectValue},
	}
	for _, c := range calls {
		for _, a := range args {
			t.Run(c.name+"/"+a.name, func(t *testing.T) {
				err := c.call(a.arg)
				if !errors.Is(err, a.want) || !strings.Contains(err.Error(), "argRecord") {
					t.Errorf("error = %v, want %v naming the type", err, a.want)
				}
			})
		}
	}
	for _, s := range []string{pii.Safe(rv).String(), fmt.Sprint(pii.Safe(&rv))} {
		if strings.Contains(s, "4155551234") {
			t.Errorf("Safe of a reflect.Value shows %q", s)
		}
	}
}

type hookBase struct {
	Created time.Time `pii:"no,created"`
}

type hookByPointer struct {
	*hookBase
	Phone string `pii:"phone,ttl=30"`
}

func TestCreatedByPointerMessage(t *testing.T) {
	_, err := pii.Classify(hookByPointer{})
	if !errors.Is(err, pii.ErrCreatedField) || !strings.Contains(err.Error(), "embedded pointer *pii_test.hookBase") {
		t.Errorf("error = %v", err)
	}
}
