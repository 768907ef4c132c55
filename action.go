package pii

import (
	"net/url"
	"reflect"
	"unsafe"
)

// An action is what one operation does at the leaves a walk reaches. The traversal
// (walk.go, steps.go) knows how to reach values and nothing of what is done there; each
// operation is one action in a file of its own: redaction (action_redact.go), gathering
// a record's names (action_names.go), parties (action_party.go) and tagged texts
// (action_texts.go), anonymisation
// (action_anonymize.go), unsealing (action_unseal.go), purging (action_purge.go), and
// audits of what is not PII (action_audit.go).
type action interface {
	// leaf acts on the leaf of node n at p.
	leaf(w *walker, n *node, p unsafe.Pointer) error
}

// A recordAction keeps state per record. The walk calls enterRecord before it walks an
// element of a collection, or (inIface) the value an interface holds; when it returns
// true, the walk goes in and calls leaveRecord after.
type recordAction interface {
	action
	// records reports whether a walk from root needs to know its records at all. A walk
	// that does not asks again at each interface, of the node of the value it holds
	// (see walkIfaceValue): records that only an interface's values need are known
	// only there.
	records(root *node) bool
	enterRecord(w *walker, n *node, p unsafe.Pointer, inIface bool) (bool, error)
	leaveRecord(w *walker)
}

// An errorTextAction acts on an error held by a tagged interface whose text is all a
// walk can reach (errors.New's, fmt.Errorf's: see errorHeldAsText), at the interface
// of node n at p. An action without it meets such an error as the error it is, unless
// it only reads, when there is nothing there for it.
type errorTextAction interface {
	errorText(w *walker, n *node, p unsafe.Pointer, err error) error
}

// An opaqueAction looks at values whose types hold no tagged field but whose text may
// hold personal data (an error that wraps a tagged value), and may replace them.
type opaqueAction interface {
	action
	// opaque looks at the value dv that the interface iv of node n holds, and reports
	// whether it replaced it; if not, the walk goes on into dv as usual.
	opaque(w *walker, n *node, iv, dv reflect.Value) (bool, error)
	// opaqueSlot looks at the value of node n at p, a wrapper (see node.wraps) where no
	// interface holds it, and reports whether it replaced it.
	opaqueSlot(w *walker, n *node, p unsafe.Pointer) (bool, error)
}

// A structAction treats some structs as records of their own (retention: a struct with a
// created field). The walk calls enterStruct at every struct; when it reports done, the
// action has walked the struct itself (with walkMembers) and the walk goes on after it.
type structAction interface {
	action
	enterStruct(w *walker, n *node, p unsafe.Pointer) (done bool, err error)
}

// A keyAction changes the string keys of a map whose tag is PII (see node.keyText): keys
// cannot be tagged on their own, and may be personal data (an address book keyed by
// email) or labels ("home"). mapKey returns the key to use instead, and whether it
// differs; n is the map's node. An action that writes nothing is shown the keys (see
// textsAction), and what it returns is not used.
type keyAction interface {
	action
	mapKey(w *walker, n *node, key reflect.Value) (reflect.Value, bool)
}

// scanKey is RedactText for a map key of a string kind.
func scanKey(pol *Policy, key reflect.Value) (reflect.Value, bool) {
	v := key
	if v.Kind() == reflect.Interface {
		if v.IsNil() || v.Elem().Kind() != reflect.String {
			return key, false // no string: refused if it holds one (see keyHolds)
		}
		v = v.Elem()
	}
	s := v.String()
	out := pol.RedactText(s)
	if out == s {
		return key, false
	}
	scanned := reflect.ValueOf(out).Convert(v.Type()) // its own string type
	if key.Kind() == reflect.Interface {
		k := reflect.New(key.Type()).Elem()
		k.Set(scanned)
		return k, true
	}
	return scanned, true
}

// snapshotLeaf gives a copy its own bytes of a leaf whose array it shares with the
// caller's value, a []byte or a net.IP: before a write into it, or for a log line's
// snapshot, which the caller could change in place afterwards.
func snapshotLeaf(n *node, p unsafe.Pointer) {
	switch n.lk {
	case lkBytes, lkNetIP:
		if b := (*[]byte)(p); *b != nil {
			*b = append([]byte(nil), *b...)
		}
	case lkURLPtr:
		if u := (**url.URL)(p); *u != nil {
			c := **u
			*u = &c
		}
	}
}

// isText reports whether n is a string or []byte leaf, whose text leafText reads.
func isText(n *node) bool { return n.lk == lkString || n.lk == lkBytes }

// leafText is the text of a string or []byte leaf.
func leafText(n *node, p unsafe.Pointer) string {
	if n.lk == lkString {
		return *(*string)(p)
	}
	return string(*(*[]byte)(p))
}

// setText writes s into a string or []byte leaf.
func setText(n *node, p unsafe.Pointer, s string) {
	if n.lk == lkString {
		*(*string)(p) = s
	} else {
		*(*[]byte)(p) = []byte(s)
	}
}
