// Package loan lends the redacted copies of values that a log line writes at once and
// then drops: a copy made in a pooled value of its type, given back when the line is
// written, so that a line allocates no copy of its own. Package pii lends them to its
// Handler (over slog's own handlers) and to SafeValue's printing; the logger adapters
// (piizap, piizerolog, piilogrus) borrow them through ForLog, only where what writes
// the line keeps nothing of it.
//
// Package pii sets ForLog when it is loaded; an adapter imports pii, so ForLog is set
// before any adapter runs.
package loan

import "sync"

// A Copy is a redacted copy lent for one line. The zero Copy lends nothing.
type Copy struct {
	pool *sync.Pool
	box  any // a pointer to the value the copy was made in
}

// Lend returns a Copy whose Return puts box back in pool (for package pii).
func Lend(pool *sync.Pool, box any) Copy { return Copy{pool, box} }

// Return gives the copy back, for another line to make its copy in: call it once
// nothing reads the value any more (the line is encoded), and at most once.
func (c Copy) Return() {
	if c.pool != nil {
		c.pool.Put(c.box)
	}
}

// ForLog is policy.ForLog(v), or policy.ForLogScanned(v) with scan, that lends the copy
// it makes when it can (a struct of its own memory). policy is a *pii.Policy (nil for
// the default one); package pii sets ForLog.
var ForLog func(policy any, v any, scan bool) (x any, changed bool, lent Copy)

// A List holds the copies a line borrowed, to give them all back once it is written;
// the first few live in the List itself. The zero List is empty.
type List struct {
	n    int
	inl  [4]Copy
	more []Copy
}

// Add keeps c, to give it back; a zero Copy is not kept.
func (l *List) Add(c Copy) {
	switch {
	case c.pool == nil:
	case l.n < len(l.inl):
		l.inl[l.n] = c
		l.n++
	default:
		l.more = append(l.more, c)
	}
}

// Return gives back every copy kept, and empties the list (a nil l holds none). The
// room of a long list is not kept: one long line does not pin it for later ones.
func (l *List) Return() {
	if l == nil {
		return
	}
	// Each copy is forgotten as it is given back, word by word: clear() of a few
	// copies costs a call into the runtime's bulk clearing, more than the stores.
	for i := range l.inl[:l.n] {
		c := &l.inl[i]
		c.Return()
		c.pool, c.box = nil, nil
	}
	for i := range l.more {
		c := &l.more[i]
		c.Return()
		c.pool, c.box = nil, nil
	}
	l.n, l.more = 0, l.more[:0]
	if cap(l.more) > maxKept {
		l.more = nil
	}
}

// maxKept bounds the room a List keeps after Return.
const maxKept = 64
