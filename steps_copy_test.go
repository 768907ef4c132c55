package pii

import (
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNewCopy checks newCopy over values of every shape a pointer can lead to: the copy
// equals the value, lives elsewhere, and is not changed by a change to the value. An
// interface is the shape that boxing does not copy (it gives what the interface holds).
func TestNewCopy(t *testing.T) {
	type small struct{ P *int }
	type wide struct {
		A, B string
		N    int
	}
	one := 1
	var err error = errors.New("boom")
	var x any = wide{"a", "b", 3}
	values := []any{
		&wide{"Jane", "Doe", 7},
		&small{&one},
		&[3]string{"a", "b", "c"},
		new("a string"),
		&[]string{"x", "y"},
		&err,
		&x,
		new(42),
		new(map[string]int{"a": 1}),
		new(struct{}{}),
	}
	for _, v := range values {
		rv := reflect.ValueOf(v)
		typ := rv.Type().Elem()
		clone := newCopy(newNode(typ, rule{}), rv.UnsafePointer())
		if clone == rv.UnsafePointer() && typ.Size() > 0 {
			t.Errorf("%v: the copy is the value itself", typ)
			continue
		}
		got := reflect.NewAt(typ, clone).Elem().Interface()
		if diff := cmp.Diff(rv.Elem().Interface(), got, cmp.Comparer(func(a, b error) bool { return a == b }), cmp.AllowUnexported()); diff != "" {
			t.Errorf("%v: copy differs (-value +copy):\n%s", typ, diff)
		}
		if typ.Size() == 0 {
			continue
		}
		before := reflect.NewAt(typ, clone).Elem().Interface()
		rv.Elem().SetZero()
		after := reflect.NewAt(typ, clone).Elem().Interface()
		if !reflect.DeepEqual(before, after) {
			t.Errorf("%v: zeroing the value changed the copy", typ)
		}
	}
}
