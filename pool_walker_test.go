package pii

import (
	"errors"
	"testing"
)

// TestPooledWalkerIsItsOwn holds the pool of redaction walkers to its invariant: every
// walker it hands out runs its own redactAction, with the hooks found for it. A walker
// whose action is another's would drop what newRedactWalk and its callers set (a log
// line's zeroing of sensitive data, scanning, an audit) without a sign: a test that
// changed a walker after releasing it did so, and every later test that drew that walker
// from the pool failed at random (TestHandlerMisplaced reported nothing, TestGuarantee
// found masked sensitive data).
func TestPooledWalkerIsItsOwn(t *testing.T) {
	var held []*redactWalk
	for range 64 {
		rw := newRedactWalk(true, false)
		if rw.w.act != action(&rw.a) || rw.w.recs != recordAction(&rw.a) ||
			rw.w.begins == nil || rw.w.opq != opaqueAction(&rw.a) || !rw.w.wired {
			t.Fatal("the pool handed out a walker whose action is not its own redactAction")
		}
		held = append(held, rw)
	}
	for _, rw := range held {
		rw.release()
	}
}

// panicky is a Redactor whose RedactPII panics half way through a walk.
type panicky struct{ Number string }

func (p *panicky) RedactPII(Kind) { panic("RedactPII failed") }

// TestPanicInWalkLeavesPoolClean panics in the middle of walks (a Redactor of a log
// line's value, of Redacted's copy, of Redact's value): the walker is dropped, never
// put back part-way, and the walks after it, on every walker the pool hands out, hide
// what they must.
func TestPanicInWalkLeavesPoolClean(t *testing.T) {
	type record struct {
		Name  string   `pii:"name"`
		Phone string   `pii:"phone,handling=sensitive"`
		Bad   *panicky `pii:"phone"`
	}
	type clean struct {
		Name  string `pii:"name"`
		Phone string `pii:"phone,handling=sensitive"`
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	bad := func() record {
		return record{Name: "Jane Doe", Phone: "+14155552671", Bad: &panicky{"+14155552671"}}
	}
	panicked := 0
	for _, f := range map[string]func(){
		"Redacted": func() { Redacted(p, bad()) },
		"Redact":   func() { v := bad(); p.Redact(&v) },
	} {
		func() {
			defer func() { panicked += btoi(recover() != nil) }()
			f()
		}()
	}
	if panicked != 2 {
		t.Fatalf("%d of 2 walks panicked: the test checks nothing", panicked)
	}
	// For a log line, the panic becomes a failure note (see redactedAnyAudit).
	if x, _ := p.ForLog(bad()); !isNote(x) {
		t.Fatalf("ForLog of a value whose Redactor panics = %#v, want a failure note", x)
	}
	for range 16 {
		x, _ := p.ForLog(clean{Name: "Jane Doe", Phone: "+14155552671"})
		if got, want := x.(clean), (clean{Name: "J. D."}); got != want {
			t.Fatalf("ForLog after a panic = %+v, want %+v (sensitive zeroed)", got, want)
		}
		got, err := Redacted(p, clean{Name: "Jane Doe", Phone: "+14155552671"})
		if want := (clean{Name: "J. D.", Phone: "+1415555XXXX"}); err != nil || got != want {
			t.Fatalf("Redacted after a panic = %+v, %v, want %+v", got, err, want)
		}
	}
}

func isNote(x any) bool {
	err, ok := x.(error)
	return ok && errors.Is(err, ErrRedactionFailed) && errors.Is(err, errMethodPanicked)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
