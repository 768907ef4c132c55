package pii

import (
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// TestAssignOpsOfLayout pins which words assign copies as pointers: exactly those the
// collector scans (a string's data, an interface's data word, never its type word).
func TestAssignOpsOfLayout(t *testing.T) {
	type mixed struct {
		S string
		N int
		P *int
		I any
	}
	got := assignOpsOf(reflect.TypeFor[mixed]())
	want := []assignOp{
		{off: 0, ptr: true, words: 2},  // S's data; S's length and N
		{off: 24, ptr: true, words: 1}, // P; I's type word
		{off: 40, ptr: true, words: 0}, // I's data word
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(assignOp{})); diff != "" {
		t.Errorf("assignOpsOf(mixed) (-want +got):\n%s", diff)
	}
	type scalarFirst struct {
		A, B int64
		S    []byte
	}
	got = assignOpsOf(reflect.TypeFor[scalarFirst]())
	want = []assignOp{{off: 0, ptr: false, words: 2}, {off: 16, ptr: true, words: 2}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(assignOp{})); diff != "" {
		t.Errorf("assignOpsOf(scalarFirst) (-want +got):\n%s", diff)
	}
}

// TestAssignOpsOfReflectOnly lists the types left to reflection.
func TestAssignOpsOfReflectOnly(t *testing.T) {
	for _, typ := range []reflect.Type{
		reflect.TypeFor[struct{}](),                     // nothing to copy
		reflect.TypeFor[struct{ A, B, C int32 }](),      // not a whole number of words
		reflect.TypeFor[[assignMaxWords + 1]int](),      // too large
		reflect.TypeFor[[assignMaxWords/2 + 1]string](), // too large, two words each
		reflect.TypeFor[[16]byte](),                     // aligned on a byte: may sit anywhere
		reflect.TypeFor[struct{ A, B int32 }](),         // aligned on four bytes
	} {
		if ops := assignOpsOf(typ); ops != nil {
			t.Errorf("assignOpsOf(%s) = %v, want nil (copied by reflection)", typ, ops)
		}
	}
}

// TestAssignCopiesAsAssignment checks that assign copies every kind of field as an
// assignment does, and that what the copy points to survives collections (its pointers
// were written so that the collector sees them).
func TestAssignCopiesAsAssignment(t *testing.T) {
	type inner struct {
		Street string
		Flags  [3]bool
		Code   int16
	}
	type record struct {
		Name   string
		Phones []string
		Home   *inner
		Seen   map[string]int
		Any    any
		Err    error
		Pair   [2]inner
		Ch     chan int
		Score  float64
		Raw    unsafe.Pointer
		Valid  bool
	}
	n := 7
	mk := func(i int) *record {
		s := strings.Repeat("x", i+5) // heap strings, which only the copy keeps alive
		return &record{
			Name:   "Name " + s,
			Phones: []string{"+1" + s, "+44" + s},
			Home:   &inner{Street: "Street " + s, Flags: [3]bool{true, false, true}, Code: -3},
			Seen:   map[string]int{"k" + s: i},
			Any:    &inner{Street: "in any " + s},
			Err:    errors.New("err " + s),
			Pair:   [2]inner{{Street: "a" + s}, {Street: "b" + s, Code: 9}},
			Ch:     make(chan int, 1),
			Score:  float64(i) + 0.5,
			Raw:    unsafe.Pointer(&n),
			Valid:  true,
		}
	}
	typ := reflect.TypeFor[record]()
	ops := assignOpsOf(typ)
	if ops == nil {
		t.Fatalf("assignOpsOf(%s) = nil, want ops", typ)
	}
	const count = 64
	var wants []*record
	var copies []unsafe.Pointer
	for i := range count {
		src := mk(i)
		wants = append(wants, mk(i))
		dst := reflect.New(typ).UnsafePointer()
		assign(ops, dst, unsafe.Pointer(src))
		copies = append(copies, dst)
	}
	for range 3 {
		runtime.GC()
	}
	opts := cmp.Options{
		cmp.Comparer(func(a, b error) bool { return a.Error() == b.Error() }),
		cmp.Comparer(func(a, b chan int) bool { return (a == nil) == (b == nil) }),
	}
	for i, p := range copies {
		got := (*record)(p)
		if diff := cmp.Diff(wants[i], got, opts); diff != "" {
			t.Fatalf("copy %d after collections (-want +got):\n%s", i, diff)
		}
		if got.Raw != unsafe.Pointer(&n) {
			t.Fatalf("copy %d: unsafe.Pointer not copied", i)
		}
	}
}
