package pii

import "unsafe"

// namesAction gathers the values of a record's name fields, which a redact=scan body of
// the same record hides wherever they appear in its text. It writes nothing.
type namesAction struct {
	names []string
}

func (*namesAction) readsOnly() bool { return true }

func (a *namesAction) leaf(_ *walker, n *node, p unsafe.Pointer) error {
	if n.rule.tag.Kind != KindName || !n.rule.pii() {
		return nil
	}
	if isText(n) {
		if s := leafText(n, p); s != "" {
			a.names = append(a.names, s)
		}
	}
	return nil
}

// enterRecord leaves out the elements of collections that hold a redact=scan field:
// each is a record of its own, whose names the redaction gathers when it gets there.
// Interfaces are gone through: what they hold is part of this record.
func (a *namesAction) enterRecord(_ *walker, n *node, _ unsafe.Pointer, inIface bool) (bool, error) {
	return inIface || !n.scans, nil
}

func (*namesAction) leaveRecord(*walker) {}

func (*namesAction) records(*node) bool { return true }

// namesOf gathers the names of the record of node n at p, for the walk w.
func namesOf(w *walker, n *node, p unsafe.Pointer) ([]string, error) {
	a := &namesAction{}
	c := walker{pol: w.pol, act: a, profile: w.profile, depth: w.depth}
	c.start(n)
	err := c.walk(n, p)
	return a.names, err
}

// recordNames keeps the names of the records a walk is in, for actions that look for
// them in text (redact=scan bodies, audits). An element of a collection, or the value of
// an interface, is a record of its own: its text is matched against its own names and its
// enclosing records', never its siblings' (which would make a batch quadratic). An
// interface's value is gathered with its enclosing record when that gathering went
// through it already.
type recordNames struct {
	names     []string
	collected bool         // names were gathered for everything below, interfaces included
	saved     []savedNames // the enclosing records' names, one entry per record entered
}

type savedNames struct {
	names     []string
	collected bool
}

// enter readies the names of the record of node n at p: gathered when needed, else
// those of the enclosing records. Every enter that returns true is followed by a leave.
func (r *recordNames) enter(w *walker, n *node, p unsafe.Pointer, inIface, needed bool) (bool, error) {
	r.saved = append(r.saved, savedNames{r.names, r.collected})
	if !needed || inIface && r.collected {
		return true, nil
	}
	names, err := namesOf(w, n, p)
	if err != nil {
		r.saved[len(r.saved)-1] = savedNames{}
		r.saved = r.saved[:len(r.saved)-1]
		return false, err
	}
	r.names, r.collected = append(r.names[:len(r.names):len(r.names)], names...), true
	return true, nil
}

// leave puts back the enclosing record's names, and clears the entry it pops: the
// array is kept for the next walk, the names are not.
func (r *recordNames) leave() {
	last := &r.saved[len(r.saved)-1]
	r.names, r.collected = last.names, last.collected
	*last = savedNames{}
	r.saved = r.saved[:len(r.saved)-1]
}

// reset forgets every name, keeping the stack's array for the next walk.
func (r *recordNames) reset() {
	clear(r.saved) // empty after a walk, as every enter has its leave
	if r.names != nil {
		r.names = nil // only when set, as walker.reset does
	}
	r.collected, r.saved = false, r.saved[:0]
}
