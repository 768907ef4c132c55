package pii_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// recNode is a linked list and a tree at once.
type recNode struct {
	Name string `pii:"name"`
	Next *recNode
	Kids []*recNode
}

// recDir is a tree through a map of values: only a cycle through the map itself leads
// back.
type recDir struct {
	Owner string `pii:"email"`
	Subs  map[string]recDir
}

// recBox holds what it holds behind an interface, a recursive value included.
type recBox struct {
	Label string `pii:"no"`
	Held  any
}

// recList returns a list of n nodes.
func recList(n int) *recNode {
	var head *recNode
	for range n {
		head = &recNode{Name: "Ann", Next: head}
	}
	return head
}

// TestClassifyRecursive checks that Classify of a value of a recursive type lists what a
// walk of it reaches, each value once, and that a value nested too deep is an error.
func TestClassifyRecursive(t *testing.T) {
	cycle := &recNode{Name: "a", Next: &recNode{Name: "b"}}
	cycle.Next.Next = cycle
	shared := &recNode{Name: "s", Next: &recNode{Name: "t"}}
	dag := &recNode{Name: "r", Kids: []*recNode{shared, shared}, Next: shared}
	dirs := map[string]recDir{}
	dirs["self"] = recDir{Owner: "a@example.com", Subs: dirs}
	selfBox := &recBox{}
	selfBox.Held = selfBox
	tests := []struct {
		name string
		v    any
		want []string // the paths listed
	}{
		{"type only", reflect.TypeFor[recNode](), []string{"Name"}},
		{"nil pointer", (*recNode)(nil), []string{"Name"}},
		{"one node", &recNode{Name: "a"}, []string{"Name"}},
		{"list of three", recList(3), []string{"Name", "Next.Name", "Next.Next.Name"}},
		{"list by value", *recList(2), []string{"Name", "Next.Name"}},
		{"tree", &recNode{Name: "r", Kids: []*recNode{
			{Name: "a", Kids: []*recNode{{Name: "c"}}},
			{Name: "b", Next: &recNode{Name: "d"}},
		}}, []string{"Name", "Kids[].Name", "Kids[].Kids[].Name", "Kids[].Next.Name"}},
		{"cycle back to the root", cycle, []string{"Name", "Next.Name"}},
		{"shared subtree listed once", dag, []string{"Name", "Next.Name", "Next.Next.Name"}},
		{"cycle through a map", recDir{Owner: "b@example.com", Subs: dirs},
			[]string{"Owner", "Subs[].Owner"}},
		{"list behind an interface", &recBox{Held: recList(2)}, []string{"Label", "Held.Name", "Held.Next.Name"}},
		{"box holding itself", selfBox, []string{"Label"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields, err := pii.Classify(tt.v)
			if err != nil {
				t.Fatalf("Classify: %v", err)
			}
			var got []string
			for _, f := range fields {
				got = append(got, f.Path)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
}

// TestClassifyRecursiveKinds checks that the fields listed from a recursive value carry
// the tags of their declaration, as the type's own fields do.
func TestClassifyRecursiveKinds(t *testing.T) {
	fields, err := pii.Classify(recList(2))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fields {
		if f.Kind != pii.KindName || f.Class != pii.PII {
			t.Errorf("%s: %v %v, want PII name", f.Path, f.Class, f.Kind)
		}
	}
}

// TestClassifyRecursiveTooDeep checks the bound: a list longer than Classify follows is
// an error wrapping ErrTooDeep, which names the types and no value; one within it is
// listed whole.
func TestClassifyRecursiveTooDeep(t *testing.T) {
	tests := []struct {
		n       int
		tooDeep bool
	}{
		{200, false},
		{300, true},
		{10_000, true},
	}
	for _, tt := range tests {
		fields, err := pii.Classify(recList(tt.n))
		if got := errors.Is(err, pii.ErrTooDeep); got != tt.tooDeep {
			t.Errorf("Classify(list of %d): error %v, want ErrTooDeep: %v", tt.n, err, tt.tooDeep)
		}
		if tt.tooDeep {
			if want := "pii: Classify: pii_test.recNode: value nested too deep, or containing itself through a slice or interface (deeper than 512 levels)"; err == nil || err.Error() != want {
				t.Errorf("error %v, want %q", err, want)
			}
			continue
		}
		if len(fields) != tt.n {
			t.Errorf("Classify(list of %d) listed %d fields", tt.n, len(fields))
		}
	}
	// A slice that holds itself through an interface goes on for ever: the bound ends it.
	s := []any{nil}
	s[0] = s
	if _, err := pii.Classify(&recBox{Held: s}); !errors.Is(err, pii.ErrTooDeep) {
		t.Errorf("Classify of a self-holding slice: error %v, want ErrTooDeep", err)
	}
}

// TestCheckTaggedRecursive checks that CheckTagged of a recursive value names each
// untagged declaration once, however deep the value goes, and those behind its
// interfaces.
func TestCheckTaggedRecursive(t *testing.T) {
	type link struct {
		Name string `pii:"name"`
		Note string
		Next *link
		Held any
	}
	type extra struct{ Comment string }
	tests := []struct {
		name string
		v    any
		want []string
	}{
		{"type", reflect.TypeFor[link](), []string{"Note"}},
		{"list", &link{Next: &link{Next: &link{}}}, []string{"Note"}},
		{"list holding an untagged value", &link{Next: &link{Held: extra{}}}, []string{"Note", "Next.Held.Comment"}},
		{"two places, not a recursion", &struct{ A, B any }{extra{}, extra{}}, []string{"A.Comment", "B.Comment"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := pii.CheckTagged(tt.v)
			var ue *pii.UntaggedError
			if !errors.As(err, &ue) {
				t.Fatalf("CheckTagged = %v, want an *UntaggedError", err)
			}
			if diff := cmp.Diff(tt.want, ue.Fields); diff != "" {
				t.Errorf("untagged fields (-want +got):\n%s", diff)
			}
		})
	}
}
