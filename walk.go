package pii

import (
	"crypto/hpke"
	"reflect"
	"unsafe"
)

// walkMode names what a walk does at the leaves it reaches.
type walkMode uint8

const (
	modeRedact    walkMode = iota // hide personal data (Redact, Redacted, log lines)
	modeAnonymize                 // replace it for statistics (Anonymize)
	modeUnseal                    // open sealed envelopes (Unseal)
	modePurge                     // zero what retention says is due (Purge)
	modeCollect                   // gather name and phone values before a redaction
)

// A walker carries one traversal of a value along its plan. It is the package's only
// reflection walk: every feature is a mode of it, never a walker of its own.
//
// Values are reached through unsafe pointers at the offsets the plan computed, so that a
// walk costs a few loads per field instead of reflect.Value calls; maps and interfaces,
// whose layouts are the runtime's, go through reflect.
type walker struct {
	pol  *Policy
	mode walkMode
	// copy makes the walk copy-on-write: every pointer, slice, map and interface that
	// leads to personal data is cloned before the walk writes below it, so the caller's
	// value is never changed (Redacted, log lines).
	copy bool
	// log marks a walk for a log line: sensitive data is zeroed there, not masked.
	log  bool
	seen seenSet
	// names holds the values of the record's name fields, gathered by modeCollect
	// before a redaction that scans free text for them.
	names []string
	// profile is the record's profile: the Policy's, widened by its parties.
	profile Profile
	// unsealKey opens envelopes in modeUnseal.
	unsealKey hpke.PrivateKey
	// purgeTTLs holds the ttl= values whose time is up, for modePurge.
	purgeTTLs []int
}

// visit applies the walk's mode to one leaf.
func (w *walker) visit(p unsafe.Pointer, n *node) error {
	switch w.mode {
	case modeRedact:
		return w.redactLeaf(p, n)
	case modeAnonymize:
		return w.anonymizeLeaf(p, n)
	case modeUnseal:
		return w.unsealLeaf(p, n)
	case modeCollect:
		w.collectLeaf(p, n)
		if w.pol.party {
			w.partyLeaf(p, n)
		}
	case modePurge:
		w.purgeLeaf(p, n)
	}
	return nil
}

// walk visits the value of n's type at p.
func (w *walker) walk(n *node, p unsafe.Pointer) error {
	switch n.op {
	case opLeaf:
		return w.visit(p, n)
	case opStruct:
		for i := range n.walk {
			m := &n.walk[i]
			if err := w.walk(m.node, unsafe.Add(p, m.offset)); err != nil {
				return err
			}
		}
	case opPtr:
		slot := (*unsafe.Pointer)(p)
		old := *slot
		if old == nil {
			return nil
		}
		if w.copy {
			if clone, ok := w.seen.get(old); ok {
				*slot = clone // shared or cyclic: the clone already made
				return nil
			}
			clone := reflect.New(n.elem.typ)
			clone.Elem().Set(reflect.NewAt(n.elem.typ, old).Elem())
			*slot = clone.UnsafePointer()
			w.seen.put(old, *slot)
			return w.walk(n.elem, *slot)
		}
		if _, ok := w.seen.get(old); ok {
			return nil // each pointee once: cycles end, shared values are not done twice
		}
		w.seen.put(old, old)
		return w.walk(n.elem, old)
	case opSlice:
		s := (*sliceHeader)(p)
		if s.len == 0 {
			return nil
		}
		if w.copy {
			clone := reflect.MakeSlice(n.typ, s.len, s.len)
			reflect.Copy(clone, reflect.NewAt(n.typ, p).Elem())
			*s = sliceHeader{data: clone.UnsafePointer(), len: s.len, cap: s.len}
		}
		for i := range s.len {
			if err := w.walk(n.elem, unsafe.Add(s.data, uintptr(i)*n.elemSize)); err != nil {
				return err
			}
		}
	case opArray:
		for i := range n.length {
			if err := w.walk(n.elem, unsafe.Add(p, uintptr(i)*n.elemSize)); err != nil {
				return err
			}
		}
	case opNull:
		if err := w.walk(n.elem, p); err != nil {
			return err
		}
		// A value redacted to its zero is no value: say NULL rather than a false zero.
		if reflect.NewAt(n.elem.typ, p).Elem().IsZero() {
			*(*bool)(unsafe.Add(p, n.offset)) = false
		}
	case opMap:
		return w.walkMap(n, p)
	case opIface:
		return w.walkIface(n, p)
	}
	return nil
}

// walkMap walks a map's values. Map values are not addressable: each is copied out,
// walked, and set back (into a new map when copying).
func (w *walker) walkMap(n *node, p unsafe.Pointer) error {
	m := reflect.NewAt(n.typ, p).Elem()
	if m.Len() == 0 {
		return nil
	}
	dst := m
	if w.copy {
		dst = reflect.MakeMapWithSize(n.typ, m.Len())
	}
	tmp := reflect.New(n.typ.Elem())
	for it := m.MapRange(); it.Next(); {
		tmp.Elem().Set(it.Value())
		if err := w.walk(n.elem, tmp.UnsafePointer()); err != nil {
			return err
		}
		dst.SetMapIndex(it.Key(), tmp.Elem())
	}
	if w.copy {
		m.Set(dst)
	}
	return nil
}

// walkIface walks an interface's dynamic value under the interface field's tag.
func (w *walker) walkIface(n *node, p unsafe.Pointer) error {
	iv := reflect.NewAt(n.typ, p).Elem()
	if iv.IsNil() {
		return nil
	}
	dv := iv.Elem()
	dn, err := nodeFor(dv.Type(), n.rule)
	if err != nil {
		return err
	}
	if !dn.hasPII {
		return nil
	}
	if dv.Kind() == reflect.Pointer {
		// Walk a copy of the pointer: the pointee is changed (or cloned) through it.
		ptr := dv.UnsafePointer()
		slot := ptr
		if err := w.walk(dn, unsafe.Pointer(&slot)); err != nil {
			return err
		}
		if slot != ptr {
			iv.Set(reflect.NewAt(dv.Type().Elem(), slot))
		}
		return nil
	}
	// A value inside an interface cannot be changed where it is: walk a copy, store it.
	tmp := reflect.New(dv.Type())
	tmp.Elem().Set(dv)
	if err := w.walk(dn, tmp.UnsafePointer()); err != nil {
		return err
	}
	iv.Set(tmp.Elem())
	return nil
}

// sliceHeader is the runtime's layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// seenSet maps the pointers a walk has been through to what it made of them (the same
// pointer in place, the clone in a copy). The first few live inline, so a walk of an
// ordinary record allocates nothing for it.
type seenSet struct {
	n        int
	old, new [8]unsafe.Pointer
	more     map[unsafe.Pointer]unsafe.Pointer
}

func (s *seenSet) get(p unsafe.Pointer) (unsafe.Pointer, bool) {
	for i := range s.n {
		if s.old[i] == p {
			return s.new[i], true
		}
	}
	q, ok := s.more[p]
	return q, ok
}

func (s *seenSet) put(p, q unsafe.Pointer) {
	if s.n < len(s.old) {
		s.old[s.n], s.new[s.n] = p, q
		s.n++
		return
	}
	if s.more == nil {
		s.more = make(map[unsafe.Pointer]unsafe.Pointer)
	}
	s.more[p] = q
}
