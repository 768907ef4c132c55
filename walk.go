package pii

import (
	"crypto/hpke"
	"errors"
	"fmt"
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
	modeCollect                   // gather name and phone values before a redaction; writes nothing
)

// maxDepth bounds how deep a walk goes. A value that contains itself through a slice or
// an interface (s[0] = s) would otherwise recurse until the stack overflows, which no
// recover catches; pointer and map cycles end earlier, at the first repeat.
const maxDepth = 100_000

// ErrTooDeep is returned for a value nested deeper than the walk goes, which in practice
// means a value that contains itself through a slice or an interface.
var ErrTooDeep = errors.New("value nested too deep, or containing itself through a slice or interface")

// ErrMapKey is returned for a map whose keys hold personal data (a map keyed by a
// tagged struct): keys cannot be redacted, so such a map is refused rather than left
// readable. Keep personal data in map values.
var ErrMapKey = errors.New("map keys hold personal data, which cannot be redacted")

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
	log   bool
	depth int
	seen  seenSet
	// field names the struct field the walk is in ("api.Address.Street"): sealing binds
	// an envelope to it, and purges of values behind interfaces report it.
	field string
	// ifaces counts the interfaces the walk is inside.
	ifaces int
	// names holds the values of the record's name fields, gathered by modeCollect
	// before a redaction that scans free text for them.
	names []string
	// collected says names were gathered for everything below, interfaces included.
	collected bool
	// profile is the record's profile: the Policy's, widened by its parties.
	profile Profile
	// unsealKey opens envelopes in modeUnseal.
	unsealKey hpke.PrivateKey
	// purge decides and records what modePurge zeroes.
	purge *purgeState
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
		return w.purgeLeaf(p, n)
	}
	return nil
}

// writes reports whether the walk may change what it walks; the collecting walk, which
// runs on the caller's own value, never does.
func (w *walker) writes() bool { return w.mode != modeCollect }

// walk visits the value of n's type at p.
func (w *walker) walk(n *node, p unsafe.Pointer) error {
	if w.depth++; w.depth > maxDepth {
		return fmt.Errorf("pii: %s: %w", n.typ, ErrTooDeep)
	}
	err := w.step(n, p)
	w.depth--
	return err
}

func (w *walker) step(n *node, p unsafe.Pointer) error {
	switch n.op {
	case opLeaf:
		return w.visit(p, n)
	case opStruct:
		// Retention: a record (a struct with a created field) counts its fields from its
		// own creation time: see purgeState.enters and walker.purgeRecord in mtl_records.go.
		if w.purge != nil && w.purge.enters(n, p) {
			return w.purgeRecord(n, p)
		}
		outer := w.field
		for i := range n.walk {
			m := &n.walk[i]
			w.field = m.qualified
			if err := w.walk(m.node, unsafe.Add(p, m.offset)); err != nil {
				return err
			}
		}
		w.field = outer
	case opPtr:
		slot := (*unsafe.Pointer)(p)
		old := *slot
		if old == nil {
			return nil
		}
		// Seen pointers are keyed by address and node: two fields may point at the
		// same address as different types (a struct and its first field).
		if done, ok := w.seen.get(old, n.elem); ok {
			if w.copy {
				*slot = done // shared or cyclic: the clone already made
			}
			return nil // each pointee once: cycles end, shared values are not done twice
		}
		if !w.copy {
			w.seen.put(old, n.elem, old)
			return w.walk(n.elem, old)
		}
		clone := reflect.New(n.elem.typ)
		clone.Elem().Set(reflect.NewAt(n.elem.typ, old).Elem())
		*slot = clone.UnsafePointer()
		w.seen.put(old, n.elem, *slot)
		return w.walk(n.elem, *slot)
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
		value := reflect.NewAt(n.elem.typ, p).Elem()
		wasZero := value.IsZero()
		if err := w.walk(n.elem, p); err != nil {
			return err
		}
		// A value redacted to its zero is no value: say NULL rather than a false zero.
		// Only a value this walk changed: a zero that was there stays as it was.
		if w.writes() && !wasZero && value.IsZero() {
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
// walked, and set back (into a new map when copying). A map met again is not walked
// again, so maps that contain themselves end.
func (w *walker) walkMap(n *node, p unsafe.Pointer) error {
	m := reflect.NewAt(n.typ, p).Elem()
	if m.Len() == 0 {
		return nil
	}
	if n.key.tagged && w.writes() {
		// Keys cannot be changed where they are, and a copy with other keys is another
		// map: refuse rather than leave personal data in place (fail closed).
		return fmt.Errorf("pii: %s: %w", n.typ, ErrMapKey)
	}
	id := m.UnsafePointer()
	if done, ok := w.seen.get(id, n); ok {
		if w.copy {
			m.Set(reflect.NewAt(n.typ, unsafe.Pointer(&done)).Elem())
		}
		return nil
	}
	dst := m
	if w.copy {
		dst = reflect.MakeMapWithSize(n.typ, m.Len())
	}
	w.seen.put(id, n, dst.UnsafePointer())
	tmp := reflect.New(n.typ.Elem())
	var keys, values []reflect.Value // for maps whose keys may be NaN, set after a clear
	for it := m.MapRange(); it.Next(); {
		tmp.Elem().Set(it.Value())
		if err := w.walk(n.elem, tmp.UnsafePointer()); err != nil {
			return err
		}
		switch {
		case !w.writes():
		case n.nanKeys && !w.copy:
			// A NaN key cannot be found again: setting it would add an entry and
			// leave the old value in place. Rebuild the map's contents instead.
			v := reflect.New(n.typ.Elem()).Elem()
			v.Set(tmp.Elem())
			keys, values = append(keys, it.Key()), append(values, v)
		default:
			dst.SetMapIndex(it.Key(), tmp.Elem())
		}
	}
	if keys != nil {
		m.Clear()
		for i := range keys {
			m.SetMapIndex(keys[i], values[i])
		}
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
	w.ifaces++
	err = w.walkIfaceValue(iv, dv, dn, p)
	w.ifaces--
	return err
}

// walkIfaceValue walks the dynamic value dv of the interface iv at p along dn.
func (w *walker) walkIfaceValue(iv, dv reflect.Value, dn *node, p unsafe.Pointer) error {
	if dv.Kind() == reflect.Pointer {
		// Walk a copy of the pointer: the pointee is changed (or cloned) through it.
		ptr := dv.UnsafePointer()
		slot := ptr
		if err := w.walkDynamic(dn, unsafe.Pointer(&slot)); err != nil {
			return err
		}
		if slot != ptr {
			// Convert: the dynamic type may be a named pointer type, which must stay.
			iv.Set(reflect.NewAt(dv.Type().Elem(), slot).Convert(dv.Type()))
		}
		return nil
	}
	// A value inside an interface cannot be changed where it is: walk a copy, store it.
	tmp := reflect.New(dv.Type())
	tmp.Elem().Set(dv)
	if err := w.walkDynamic(dn, tmp.UnsafePointer()); err != nil {
		return err
	}
	switch {
	case !w.writes():
	case dv.Type().Size() > unsafe.Sizeof(uintptr(0)):
		// A value wider than a pointer sits in an interface as a pointer to a copy of
		// it: point the interface at tmp, which nothing else holds, instead of having
		// Set copy it once more. The first word, the type, stays as it is.
		(*[2]unsafe.Pointer)(p)[1] = tmp.UnsafePointer()
	default:
		iv.Set(tmp.Elem())
	}
	return nil
}

// walkDynamic walks a value found in an interface. Its plan was not part of the
// record's, so a redact=scan field inside it has had no names gathered: gather them
// from the dynamic value first.
func (w *walker) walkDynamic(n *node, p unsafe.Pointer) error {
	if w.mode != modeRedact || !n.scans || w.collected {
		return w.walk(n, p)
	}
	// The gathering walk goes through interfaces too: once is enough for the subtree.
	c := walker{pol: w.pol, mode: modeCollect, profile: w.profile, depth: w.depth}
	if err := c.walk(n, p); err != nil {
		return err
	}
	outer := w.names
	w.names, w.collected = append(outer[:len(outer):len(outer)], c.names...), true
	err := w.walk(n, p)
	w.names, w.collected = outer, false
	return err
}

// sliceHeader is the runtime's layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// seenSet maps the pointers (and maps) a walk has been through, each with the node it
// was walked as, to what the walk made of them: the same pointer in place, the clone in
// a copy. The first few live inline, so a walk of an ordinary record allocates nothing
// for it.
type seenSet struct {
	n    int
	inl  [8]seenEntry
	more map[seenKey]unsafe.Pointer
}

type seenKey struct {
	p unsafe.Pointer
	n *node
}

type seenEntry struct {
	key  seenKey
	done unsafe.Pointer
}

func (s *seenSet) get(p unsafe.Pointer, n *node) (unsafe.Pointer, bool) {
	k := seenKey{p, n}
	for i := range s.n {
		if s.inl[i].key == k {
			return s.inl[i].done, true
		}
	}
	done, ok := s.more[k]
	return done, ok
}

func (s *seenSet) put(p unsafe.Pointer, n *node, done unsafe.Pointer) {
	if s.n < len(s.inl) {
		s.inl[s.n] = seenEntry{seenKey{p, n}, done}
		s.n++
		return
	}
	if s.more == nil {
		s.more = make(map[seenKey]unsafe.Pointer)
	}
	s.more[seenKey{p, n}] = done
}
