package pii

import "unsafe"

// The actions of the in-place operations whose leaf code sits beside their API:
// Anonymize (anonymize.go), Unseal and Purge (retention.go).

type anonymizeAction struct{}

func (anonymizeAction) leaf(w *walker, n *node, p unsafe.Pointer) error {
	return w.anonymizeLeaf(p, n)
}

type unsealAction struct{}

func (unsealAction) leaf(w *walker, n *node, p unsafe.Pointer) error { return w.unsealLeaf(p, n) }

type purgeAction struct{}

func (purgeAction) leaf(w *walker, n *node, p unsafe.Pointer) error { return w.purgeLeaf(p, n) }

// enterStruct purges a record (a struct with a created field) under its own creation
// time: see purgeState.enters and walker.purgeRecord in mtl_records.go.
func (purgeAction) enterStruct(w *walker, n *node, p unsafe.Pointer) (bool, error) {
	if w.purge.enters(n, p) {
		return true, w.purgeRecord(n, p)
	}
	return false, nil
}
