package pii

import (
	"fmt"
	"slices"
	"time"
	"unsafe"
)

// purgeAction zeroes (or anonymises) what retention says is due (Purge), record by
// record: each struct with a created field counts from its own creation time.
type purgeAction struct {
	s *purgeState
}

// needsField: the walk keeps walker.field, which this action names.
func (purgeAction) needsField() {}

// enterStruct purges a record (a struct with a created field) under its own creation
// time: see purgeState.enters.
func (a purgeAction) enterStruct(w *walker, n *node, p unsafe.Pointer) (bool, error) {
	if a.s.enters(n, p) {
		return true, a.record(w, n, p)
	}
	return false, nil
}

// purgeRecord walks the record at p under its own creation time, then restores the time
// of whatever encloses it.
func (a purgeAction) record(w *walker, n *node, p unsafe.Pointer) error {
	s := a.s
	ri := recordOf(n.typ)
	passed := time.Time{}
	if (recordPos{p, n}) == s.root {
		passed = s.passed // the time passed for the root record stands in for an unset field
	}
	t, err := recordTime(ri.created(p), passed)
	if err == nil && s.now.Before(t) {
		err = fmt.Errorf("purge time: %w", ErrBeforeCreation)
	}
	if err != nil {
		return errorf("pii: Purge: %s.%s: %w", n.typ, ri.field, err)
	}
	outer, outerPos := s.created, s.cur
	s.created, s.cur, s.decided = t, recordPos{p, n}, s.decided[:0]
	err = walkMembers(w, n, p)
	s.created, s.cur, s.decided = outer, outerPos, s.decided[:0]
	return err
}

// purgeLeaf zeroes (or anonymises) a leaf whose maximum retention has run out.
func (a purgeAction) leaf(w *walker, n *node, ptr unsafe.Pointer) error {
	return a.purge(w, n, ptr, nil)
}

// purge is leaf, and errorText for text, the error held by the tagged interface of n
// at ptr (see errorHeldAsText), which an anonymising purge drops as Anonymize does.
func (a purgeAction) purge(w *walker, n *node, ptr unsafe.Pointer, text error) error {
	r := &n.rule
	if !r.pii() || !w.counts(r.tag.Kind) || r.tag.TTL == 0 {
		return nil
	}
	s := a.s
	if s.created.IsZero() {
		return errorf("pii: Purge: %s: %w", w.field, ErrNoCreated)
	}
	if !s.due(r.tag.MTL, r.tag.TTL) {
		return nil
	}
	if w.pol.purgeAnonymizes {
		var err error
		if text != nil {
			err = a.s.anon.errorText(w, n, ptr, text)
		} else {
			err = a.s.anon.leaf(w, n, ptr)
		}
		if err != nil {
			return err
		}
	} else if !s.dry {
		n.valueAt(ptr).SetZero()
	}
	if !slices.Contains(s.zeroed, n) {
		s.zeroed = append(s.zeroed, n)
	}
	if w.ifaces > 0 && !slices.Contains(s.behindIfaces, w.field) {
		s.behindIfaces = append(s.behindIfaces, w.field)
	}
	return nil
}

// errorText purges an error held by a tagged interface as the interface's own leaf: nil
// when its time is up.
func (a purgeAction) errorText(w *walker, n *node, p unsafe.Pointer, err error) error {
	return a.purge(w, n, p, err)
}
