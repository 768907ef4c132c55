package pii

import (
	"slices"
	"unsafe"
)

// scheduleIfaceAction finds, in one record's value, the PII fields that interfaces hold:
// the static listing of the record's type cannot see them, and Purge purges them by the
// record's time. It stays out of records nested in the record, which have schedules of
// their own, and writes nothing.
type scheduleIfaceAction struct {
	root   recordPos
	fields *[]Field
}

func (scheduleIfaceAction) readsOnly() bool { return true }

// enterStruct skips a record nested in the root record: its fields count from its own time.
func (a scheduleIfaceAction) enterStruct(w *walker, n *node, p unsafe.Pointer) (bool, error) {
	return (recordPos{p, n}) != a.root && recordOf(n.typ) != nil, nil
}

// leaf lists a PII leaf reached through an interface, once per path, MTL and TTL.
func (a scheduleIfaceAction) leaf(w *walker, n *node, p unsafe.Pointer) error {
	r := &n.rule
	if w.ifaces == 0 || !r.pii() {
		return nil
	}
	f := Field{Path: string(w.path), Class: PII, Kind: r.tag.Kind, MTL: r.tag.MTL, TTL: r.tag.TTL}
	if !slices.ContainsFunc(*a.fields, func(g Field) bool {
		return g.Path == f.Path && g.Kind == f.Kind && g.MTL == f.MTL && g.TTL == f.TTL
	}) {
		*a.fields = append(*a.fields, f)
	}
	return nil
}

// scheduleIfaceFields returns the PII fields that interfaces hold in the record of node n
// at p, outside the records nested in it, named as Classify names them.
func scheduleIfaceFields(pol *Policy, n *node, p unsafe.Pointer) ([]Field, error) {
	var fields []Field
	w := walker{pol: pol, act: scheduleIfaceAction{root: recordPos{p, n}, fields: &fields}, profile: pol.profile, paths: true}
	w.start(n)
	err := w.walk(n, p)
	return fields, err
}
