package pii

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// TestRedactWalkReleaseKeepsNothing holds release to its promise: a pooled walker that
// walked a value (a copy, scanning, with a pointer, a slice, an interface and paths)
// keeps nothing of it, and is as a new one is (but for the room left in its arena), so
// the next walk starts clean. The walker
// is made, not drawn from the pool, and cleared as release clears it, not put back: the
// test changes it to compare it, and a walker changed after release would be handed to
// the next walk (see TestPooledWalkerIsItsOwn).
func TestRedactWalkReleaseKeepsNothing(t *testing.T) {
	type inner struct {
		Phone string `pii:"phone"`
	}
	type record struct {
		Name   string   `pii:"name"`
		Phones []string `pii:"phone"`
		In     *inner
		Any    any
		Note   string
	}
	rw := redactWalks.New().(*redactWalk)
	rw.ready(true, true)
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	rw.w.pol, rw.w.copy, rw.w.paths = p, true, true
	v := any(record{Name: "Jane Doe", Phones: []string{"+14155552671"}, In: &inner{Phone: "+14155552671"},
		Any: inner{Phone: "+14155552671"}, Note: "call +14155552671"})
	if err := rw.w.run(ifaceNode, unsafe.Pointer(&v)); err != nil {
		t.Fatal(err)
	}
	if rw.w.seen.n == 0 || rw.a.arena == nil {
		t.Fatal("the walk kept no state: the test checks nothing")
	}
	rw.clear()

	fresh := redactWalks.New().(*redactWalk)
	// Each walker's action is its own redactAction, and the arrays kept for reuse
	// hold nothing: compare the rest.
	if rw.w.act != action(&rw.a) || rw.w.recs != recordAction(&rw.a) {
		t.Error("a released walker's action is not its own redactAction")
	}
	rw.w.act, rw.w.hooks = fresh.w.act, fresh.w.hooks
	if len(rw.w.path) != 0 || len(rw.a.names.saved) != 0 {
		t.Errorf("path %q and %d saved names kept", rw.w.path, len(rw.a.names.saved))
	}
	rw.w.path, rw.a.names.saved = nil, nil
	// The arena's room is kept for the next record, after the bytes this one's strings
	// hold: nothing of them is left in it.
	if len(rw.a.arena) != 0 {
		t.Errorf("the arena kept %d bytes of the walk's strings", len(rw.a.arena))
	}
	rw.a.arena = nil
	all := cmp.Exporter(func(reflect.Type) bool { return true })
	if diff := cmp.Diff(fresh.w, rw.w, all); diff != "" {
		t.Errorf("released walker differs from a new one (-new +released):\n%s", diff)
	}
	if diff := cmp.Diff(fresh.a, rw.a, all); diff != "" {
		t.Errorf("released redaction differs from a new one (-new +released):\n%s", diff)
	}
}
