package pii

import "testing"

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
