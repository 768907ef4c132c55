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
	switch n.lk {
	case lkString:
		if s := *(*string)(p); s != "" {
			a.names = append(a.names, s)
		}
	case lkBytes:
		if b := *(*[]byte)(p); len(b) > 0 {
			a.names = append(a.names, string(b))
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
