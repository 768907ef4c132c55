package pii

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// kanonNode is a value that can contain itself, as a graph of people or a parent that
// lists its children does.
type kanonNode struct {
	Name string
	Next *kanonNode
	Any  any
}

type kanonGraphRow struct {
	Zip  string
	Node *kanonNode
	List []any
	Map  map[string]any
}

// TestKAnonymityCycles checks that KAnonymity compares values that contain themselves
// (through a pointer, a slice in an interface, a map) without end: the encoding of a
// row's value followed every pointer and element and recursed until the stack
// overflowed, which kills the program (no recover catches it). Values that contain
// themselves in the same way are one group; in different ways, different groups.
func TestKAnonymityCycles(t *testing.T) {
	loop := func(name string) *kanonNode {
		n := &kanonNode{Name: name}
		n.Next = n
		return n
	}
	pair := func(name string) *kanonNode {
		a, b := &kanonNode{Name: name}, &kanonNode{Name: name}
		a.Next, b.Next = b, a
		return a
	}
	selfList := func() []any {
		l := []any{"x", nil}
		l[1] = l
		return l
	}
	selfMap := func() map[string]any {
		m := map[string]any{"k": "v"}
		m["self"] = m
		return m
	}
	rows := []kanonGraphRow{
		{Zip: "941", Node: loop("a"), List: selfList(), Map: selfMap()},
		{Zip: "941", Node: loop("a"), List: selfList(), Map: selfMap()},
		{Zip: "941", Node: loop("b"), List: selfList(), Map: selfMap()},
		{Zip: "100", Node: pair("b"), List: []any{"x", nil}, Map: map[string]any{"k": "v"}},
	}
	iface := &kanonNode{Name: "i"}
	iface.Any = iface
	tests := []struct {
		paths []string
		want  int
	}{
		{[]string{"Node"}, 1},           // a,a | b | b<->b
		{[]string{"Node.Name"}, 2},      // a,a | b,b
		{[]string{"Node.Next.Next"}, 1}, // the same loops, read from further on
		{[]string{"List"}, 1},           // three lists holding themselves, one that does not
		{[]string{"Map"}, 1},
		{[]string{"Zip", "List", "Map"}, 1},
	}
	for _, tt := range tests {
		got, err := KAnonymity(rows, tt.paths...)
		if err != nil {
			t.Fatalf("KAnonymity(%v): %v", tt.paths, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("KAnonymity(%v) (-want +got):\n%s", tt.paths, diff)
		}
	}
	// Equal loops are one group.
	if k, err := KAnonymity(rows[:2], "Node", "List", "Map"); err != nil || k != 2 {
		t.Errorf("KAnonymity(two equal loops) = %d, %v; want 2", k, err)
	}
	// A pointer to itself through an interface.
	if k, err := KAnonymity([]kanonGraphRow{{Node: iface}, {Node: iface}}, "Node"); err != nil || k != 2 {
		t.Errorf("KAnonymity(interface loop) = %d, %v; want 2", k, err)
	}
}

// TestKAnonymityTooDeep checks that a value nested deeper than any walk goes is an error
// wrapping ErrTooDeep, not a crash, and that a value whose parts are shared many times
// over (each node pointing twice to the next: two to the power of its depth paths) is
// compared without following every path.
func TestKAnonymityTooDeep(t *testing.T) {
	var deep *kanonNode
	for range maxDepth + 10 {
		deep = &kanonNode{Name: "n", Next: deep}
	}
	_, err := KAnonymity([]kanonGraphRow{{Node: deep}}, "Node")
	if !errors.Is(err, ErrTooDeep) {
		t.Errorf("KAnonymity(deep) error = %v; want ErrTooDeep", err)
	}

	type diamond struct {
		L, R *diamond
	}
	var d *diamond
	for range 200 {
		d = &diamond{L: d, R: d}
	}
	type row struct{ D *diamond }
	if k, err := KAnonymity([]row{{d}, {d}}, "D"); err == nil && k != 2 {
		t.Errorf("KAnonymity(diamond) = %d; want 2 (or an error)", k)
	}
}
