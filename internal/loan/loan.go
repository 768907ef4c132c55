// Package loan lends the logger adapters (piizap, piizerolog) the redacted copies of
// values they write at once and then drop: a copy made in a pooled value of its type,
// given back when the line is written, so that a line allocates no copy of its own.
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
