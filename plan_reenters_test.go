package pii

import (
	"reflect"
	"testing"
)

type reenterRing struct {
	Name string `pii:"name"`
	Next *reenterRing
}

type reenterTree struct {
	Name     string `pii:"name"`
	Children []map[string]*reenterTree
}

type reenterFlat struct {
	Name  string `pii:"name"`
	Home  *reenterAddress
	Extra []string `pii:"phone"`
}

type reenterAddress struct {
	Street string `pii:"address"`
}

type reenterAny struct {
	Name    string `pii:"name"`
	Payload any
}

// TestReenters checks which types a walk can meet again from below, and so whose root
// a walk from a pointer must mark seen: a pointer back to the type at any depth (through
// slices and maps too) or an interface says yes; a record of values and pointers to
// other types says no.
func TestReenters(t *testing.T) {
	for _, tt := range []struct {
		typ  reflect.Type
		want bool
	}{
		{reflect.TypeFor[reenterRing](), true},
		{reflect.TypeFor[reenterTree](), true},
		{reflect.TypeFor[reenterAny](), true},
		{reflect.TypeFor[reenterFlat](), false},
		{reflect.TypeFor[reenterAddress](), false},
	} {
		pl := planFor(tt.typ)
		if pl.err != nil {
			t.Fatal(pl.err)
		}
		if got := pl.root.reenters; got != tt.want {
			t.Errorf("%v: reenters = %v, want %v", tt.typ, got, tt.want)
		}
	}
}
