package pii

import (
	"reflect"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// reviewLateLocked is a record that guards itself with a mutex, as records shared
// between goroutines do.
type reviewLateLocked struct {
	mu    sync.Mutex
	Email string `pii:"email"`
}

// reviewLateLockedArrays holds locked records in arrays, reached the three ways a walk
// copies a value: through an interface, through a pointer, in a slice's elements.
type reviewLateLockedArrays struct {
	Any   any
	Ptr   *[2]reviewLateLocked
	Slice [][1]reviewLateLocked
}

// TestReviewCopiesOfArraysHoldNoLock checks that a copy Redacted makes of an array of
// records never holds a lock: a copy of a locked mutex stays locked for ever, so a
// method of the copy that takes it would never return. (Copies of structs were
// unlocked; arrays of them were not.) The caller's records stay locked.
func TestReviewCopiesOfArraysHoldNoLock(t *testing.T) {
	// Records locked where they are (copying a locked one is what vet forbids).
	arrays := make([]*[2]reviewLateLocked, 2)
	for i := range arrays {
		arrays[i] = &[2]reviewLateLocked{{Email: "jane@example.com"}, {Email: "jane@example.com"}}
		arrays[i][0].mu.Lock()
		arrays[i][1].mu.Lock()
	}
	slice := make([][1]reviewLateLocked, 1)
	slice[0][0].Email = "jane@example.com"
	slice[0][0].mu.Lock()
	in := &reviewLateLockedArrays{
		Any:   reflect.ValueOf(arrays[0]).Elem().Interface(), // the array, boxed
		Ptr:   arrays[1],
		Slice: slice,
	}
	out, err := Redacted(Default(), in)
	if err != nil {
		t.Fatal(err)
	}
	arr := reflect.New(reflect.TypeFor[[2]reviewLateLocked]()) // the boxed copy, read without a copy vet forbids
	arr.Elem().Set(reflect.ValueOf(out.Any))
	boxed := arr.Interface().(*[2]reviewLateLocked)
	copies := map[string]*reviewLateLocked{
		"Any[0]": &boxed[0], "Any[1]": &boxed[1],
		"Ptr[0]": &out.Ptr[0], "Ptr[1]": &out.Ptr[1],
		"Slice[0][0]": &out.Slice[0][0],
	}
	type state struct {
		Email    string
		Unlocked bool
	}
	want, got := map[string]state{}, map[string]state{}
	for name, r := range copies {
		want[name] = state{"***@example.com", true}
		got[name] = state{r.Email, r.mu.TryLock()}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("copies of locked records (-want +got):\n%s", diff)
	}
	if in.Ptr[0].mu.TryLock() || in.Slice[0][0].mu.TryLock() {
		t.Errorf("Redacted unlocked the caller's records")
	}
}
