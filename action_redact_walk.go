package pii

import "sync"

// A redactWalk is a walker with its redaction inline, kept in a pool: a redaction
// allocates neither, and a log line costs no garbage for them. Its walker's action is
// always its own redactAction, so the hooks are found once, when it is made; between
// two uses only the state of a walk is cleared, field by field, which costs far less
// than zeroing the whole walker (its pointers each take a write barrier while the
// garbage collector runs).
type redactWalk struct {
	w walker
	a redactAction
	// slot holds the value of a walk from an interface (a log line's attribute).
	slot any
}

var redactWalks = sync.Pool{New: func() any { return makeRedactWalk() }}

// makeRedactWalk returns a new, clear redactWalk, its action wired.
func makeRedactWalk() *redactWalk {
	rw := new(redactWalk)
	rw.w.act = &rw.a
	rw.w.hooks = hooksOf(&rw.a)
	return rw
}

// newRedactWalk returns a walker that redacts (for a log line, scanning untagged text)
// from the pool; set its Policy, then run it, then release it.
func newRedactWalk(log, scan bool) *redactWalk {
	rw := redactWalks.Get().(*redactWalk)
	rw.ready(log, scan)
	return rw
}

// ready sets a clear walker up for a redaction (for a log line, scanning untagged text).
func (rw *redactWalk) ready(log, scan bool) {
	rw.a.log, rw.a.scan = log, scan
	if scan {
		rw.w.reach = reachUntagged
	}
}

// release returns rw to the pool, keeping nothing of the value it walked. rw must not
// be used after: the pool may hand it to another goroutine at once.
func (rw *redactWalk) release() {
	rw.clear()
	redactWalks.Put(rw)
}

// clear forgets the value rw walked, as release does before rw goes back to the pool.
func (rw *redactWalk) clear() {
	rw.a.end()
	rw.a.reset()
	rw.w.reset()
	rw.slot = nil
}

// reset forgets the redaction of one value, keeping only the names stack's array (which
// leave clears as it pops) and the arena's room after the value's strings. Fields are
// set one by one, as walker.reset does.
func (a *redactAction) reset() {
	a.log, a.scan = false, false
	a.names.reset()
	if a.audit != nil {
		a.audit = nil // only when set, as walker.reset does
	}
	switch {
	case a.arena == nil:
	case len(a.arena) <= arenaChunk && cap(a.arena)-len(a.arena) <= arenaChunk:
		// What is left of the arena is the next record's: it starts after this one's
		// bytes, which its strings hold.
		a.arena = a.arena[len(a.arena):]
	default:
		a.arena = nil // a large arena is not shared: a small string kept would keep it all
	}
	a.hint = nil
	a.maskOnly = 0
}
