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

// argRecord is a record with a field that is due for purging a year after its creation.
type argRecord struct {
	Created time.Time `pii:"no,created"`
	Phone   string    `pii:"phone,ttl=30"`
}

// TestArgumentsRefused checks that an entry point given an argument it cannot act on
// says so with an error naming the type, instead of doing nothing and returning nil.
func TestArgumentsRefused(t *testing.T) {
	created := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	now := created.AddDate(1, 0, 0)
	rec := argRecord{Created: created, Phone: "+14155551234"}
	rv := reflect.ValueOf(&rec)
	var nilRec *argRecord
	purge := func(v any) error { _, err := pii.Purge(v, time.Time{}, now); return err }
	schedule := func(v any) error { _, err := pii.ScheduleOf(v, created); return err }
	classify := func(v any) error { _, err := pii.Classify(v); return err }
	inventory := func(v any) error { _, err := pii.NewInventory(v); return err }
	tests := []struct {
		name string
		call func(any) error
		arg  any
		want error
		// names is what the error's text must say: the type at fault.
		names string
	}{
		{"Purge/reflect.Type", purge, reflect.TypeFor[argRecord](), pii.ErrTypeNotValue, "pii_test.argRecord"},
		{"Purge/reflect.Type of a pointer", purge, reflect.TypeFor[*argRecord](), pii.ErrTypeNotValue, "*pii_test.argRecord"},
		{"Purge/reflect.Value", purge, rv, pii.ErrReflectValue, "*pii_test.argRecord"},
		{"Purge/*reflect.Value", purge, &rv, pii.ErrReflectValue, "*pii_test.argRecord"},
		{"Purge/zero reflect.Value", purge, reflect.Value{}, pii.ErrReflectValue, "nothing"},
		{"Purge/struct by value", purge, rec, pii.ErrNotPointer, "pii_test.argRecord"},
		{"Purge/nil pointer", purge, nilRec, pii.ErrNilValue, "*pii_test.argRecord"},
		{"Purge/nil", purge, nil, pii.ErrNilValue, "Purge"},
		{"ScheduleOf/reflect.Value", schedule, rv, pii.ErrReflectValue, "*pii_test.argRecord"},
		{"ScheduleOf/nil", schedule, nil, pii.ErrNilValue, "ScheduleOf"},
		{"Classify/reflect.Value", classify, rv, pii.ErrReflectValue, "*pii_test.argRecord"},
		{"Classify/*reflect.Value", classify, &rv, pii.ErrReflectValue, "*pii_test.argRecord"},
		{"CheckTagged/reflect.Value", pii.CheckTagged, rv, pii.ErrReflectValue, "*pii_test.argRecord"},
		{"CheckTagged/nil", pii.CheckTagged, nil, pii.ErrNilValue, "CheckTagged"},
		{"NewInventory/reflect.Value", inventory, rv, pii.ErrReflectValue, "*pii_test.argRecord"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call(tt.arg)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want one wrapping %v", err, tt.want)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.names) || strings.Contains(msg, "+1415") {
				t.Errorf("error %q should name %q and hold no value", msg, tt.names)
			}
		})
	}
	if rec.Phone != "+14155551234" {
		t.Errorf("a refused call changed the record: Phone = %q", rec.Phone)
	}
}

// TestArgumentsAccepted checks the arguments the same entry points do act on, so that
// refusing the others took nothing away.
func TestArgumentsAccepted(t *testing.T) {
	created := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	now := created.AddDate(1, 0, 0)
	tests := []struct {
		name string
		arg  func() any
	}{
		{"pointer", func() any { return &argRecord{Created: created, Phone: "+14155551234"} }},
		{"pointer to pointer", func() any {
			r := &argRecord{Created: created, Phone: "+14155551234"}
			return &r
		}},
		{"slice", func() any { return []argRecord{{Created: created, Phone: "+14155551234"}} }},
		{"map of pointers", func() any { return map[string]*argRecord{"a": {Created: created, Phone: "+14155551234"}} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, err := pii.Purge(tt.arg(), time.Time{}, now)
			if err != nil || len(due) != 1 {
				t.Errorf("Purge = %v, %v; want one field purged", due, err)
			}
		})
	}
	if _, err := pii.ScheduleOf(reflect.TypeFor[argRecord](), created); err != nil {
		t.Errorf("ScheduleOf(reflect.Type) error = %v; a type is enough for a schedule", err)
	}
	if _, err := pii.Classify(reflect.TypeFor[argRecord]()); err != nil {
		t.Errorf("Classify(reflect.Type) error = %v", err)
	}
}

// TestReflectValueHeldRefused logs and redacts values that hold a reflect.Value in a
// field, a slice, an array or a map: fmt prints it as what it holds (a string through
// its String method), so a redaction refuses it wherever it is, as at the top, and no
// output shows the name it holds.
func TestReflectValueHeldRefused(t *testing.T) {
	name := reflect.ValueOf(struct{ Name string }{"Maria Okafor"}).Field(0)
	values := []any{
		[]reflect.Value{name},
		[1]reflect.Value{name},
		map[string]reflect.Value{"n": name},
		struct{ V reflect.Value }{name},
		struct{ P *reflect.Value }{&name},
		struct {
			ID string `pii:"no"`
			V  []any
		}{"r1", []any{[]reflect.Value{name}}},
	}
	for _, v := range values {
		if _, err := pii.Redacted(nil, v); !errors.Is(err, pii.ErrReflectValue) {
			t.Errorf("%T: Redacted = %v, want ErrReflectValue", v, err)
		}
		got, _ := pii.Default().ForLog(v)
		if err, ok := got.(error); !ok || !errors.Is(err, pii.ErrRedactionFailed) {
			t.Errorf("%T: ForLog = %v, want the failure note", v, got)
		}
		for _, out := range []string{logThrough(v, true, nil), logThrough(v, false, nil), fmt.Sprintf("%v", pii.Safe(v))} {
			if strings.Contains(out, "Okafor") {
				t.Errorf("%T: the name reached the output: %s", v, out)
			}
		}
	}
}
