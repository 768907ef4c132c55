package pii

import (
	"fmt"
	"reflect"
	"strconv"
	"unsafe"

	"github.com/ef8f9424/pii/internal/typecache"
)

// A step moves a walk through the value of node n at p. Every node carries the step of
// its shape, chosen once when its plan is built (stepOf); a walk is then a chain of
// direct calls, with no switch on what a value is.
type step func(w *walker, n *node, p unsafe.Pointer) error

// stepOf returns the step for nodes of op.
func stepOf(op nodeOp) step {
	switch op {
	case opLeaf:
		return stepLeaf
	case opStruct:
		return stepStruct
	case opPtr:
		return stepPtr
	case opSlice:
		return stepSlice
	case opArray:
		return stepArray
	case opMap:
		return stepMap
	case opIface:
		return stepIface
	case opNull:
		return stepNull
	}
	return stepNone
}

// stepWrapper goes first to the action with a wrapper error (see node.wraps), which may
// replace it, then on as the node's shape says.
func stepWrapper(w *walker, n *node, p unsafe.Pointer) error {
	if w.opq != nil {
		if replaced, err := w.opq.opaqueSlot(w, n, p); replaced || err != nil {
			return err
		}
	}
	return stepOf(n.op)(w, n, p)
}

// stepErrorText empties, in a redaction, an error of a concrete type held under a PII
// tag whose text its walk cannot hide (see node.hidesErrorText): its Error, which fmt,
// text handlers and Safe print, reads state no walk reaches. A walk of another kind
// goes on as the node's shape says.
func stepErrorText(w *walker, n *node, p unsafe.Pointer) error {
	if w.opq == nil || w.readOnly {
		return stepOf(n.op)(w, n, p)
	}
	n.valueAt(p).SetZero() // typed: the runtime sees the pointers it drops
	return nil
}

// stepKeptUnderTag empties, in a redaction, a value of a type that keeps values behind
// unexported fields, held by its own type under a PII tag, when it keeps anything there
// (see node.keepsUnderTag). A walk of another kind, or of a value that keeps nothing
// there, goes on as the node's shape says.
func stepKeptUnderTag(w *walker, n *node, p unsafe.Pointer) error {
	if w.opq == nil || w.readOnly {
		return stepOf(n.op)(w, n, p)
	}
	v := n.valueAt(p)
	if n.op == opPtr && v.IsNil() || !keepsAnything(v.Interface()) {
		return stepOf(n.op)(w, n, p)
	}
	v.SetZero() // typed: the runtime sees the pointers it drops
	return nil
}

// stepPrinted scans, in a redaction that scans untagged text (ScanStrings), what fmt
// prints of a value that prints itself (see node.prints): its String or Error reads
// fields no walk enters. A text in which the finder sees personal data empties the
// value (no string can stand in for it), as does a method that panics; otherwise the
// walk goes on as the node's shape says.
func stepPrinted(w *walker, n *node, p unsafe.Pointer) error {
	if w.opq == nil || w.readOnly || w.reach&reachUntagged == 0 {
		return stepOf(n.op)(w, n, p)
	}
	v := n.valueAt(p)
	if n.op == opPtr && v.IsNil() {
		return nil
	}
	if text, ok := printed(v.Interface()); !ok || w.pol.RedactText(text) != text {
		v.SetZero()
		return nil
	}
	return stepOf(n.op)(w, n, p)
}

// printed returns what fmt prints of x, and false when a method of x panics.
func printed(x any) (text string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return fmt.Sprint(x), true
}

// stepNone leaves a value alone: chan, func, and what no action handles.
func stepNone(*walker, *node, unsafe.Pointer) error { return nil }

// stepLeaf hands a leaf to the action.
func stepLeaf(w *walker, n *node, p unsafe.Pointer) error { return w.act.leaf(w, n, p) }

// stepStruct walks a struct: as a record of its own for an action that asks (see
// structAction), or member by member.
func stepStruct(w *walker, n *node, p unsafe.Pointer) error {
	if w.sa != nil {
		if done, err := w.sa.enterStruct(w, n, p); done {
			return err
		}
	}
	return walkMembers(w, n, p)
}

// walkMembers walks the members of a struct that can lead to what the walk reaches.
func walkMembers(w *walker, n *node, p unsafe.Pointer) error {
	members := w.members(n)
	if !w.fields && !w.paths {
		// The usual walk keeps nothing of where it is: no write to the walker per
		// member (each would take a write barrier while the collector runs). This is
		// the walk's hottest loop, so walkMember is written out in it: the compiler
		// does not inline it.
		for i := range members {
			m := &members[i]
			var err error
			if m.leaf {
				err = w.act.leaf(w, m.node, unsafe.Add(p, m.offset))
			} else {
				err = w.walk(m.node, unsafe.Add(p, m.offset))
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	outer := w.field
	for i := range members {
		m := &members[i]
		if w.fields {
			w.field = m.of.qualified
		}
		mark := len(w.path)
		if w.paths && !m.of.embedded {
			if mark > 0 && w.path[mark-1] != '.' {
				w.path = append(w.path, '.')
			}
			w.path = append(w.path, m.of.name...)
		}
		err := w.walkMember(m, p)
		if w.paths {
			w.path = w.path[:mark]
		}
		if err != nil {
			return err
		}
	}
	if w.fields {
		w.field = outer
	}
	return nil
}

// walkMember walks member m of the struct at p: a leaf straight to the action.
func (w *walker) walkMember(m *walkMember, p unsafe.Pointer) error {
	if m.leaf {
		return w.act.leaf(w, m.node, unsafe.Add(p, m.offset))
	}
	return w.walk(m.node, unsafe.Add(p, m.offset))
}

// stepPtr follows a pointer: each pointee once (so cycles end and shared values are
// done once), cloned first in a copy.
func stepPtr(w *walker, n *node, p unsafe.Pointer) error {
	slot := (*unsafe.Pointer)(p)
	old := *slot
	if old == nil {
		return nil
	}
	// Seen pointers are keyed by address and node: two fields may point at the same
	// address as different types (a struct and its first field).
	if done, ok := w.seen.get(old, n.elem); ok {
		if w.copy {
			*slot = done // shared or cyclic: the clone already made
		}
		return nil
	}
	if !w.copy {
		w.seen.put(old, n.elem, old)
		return w.walk(n.elem, old)
	}
	if !w.reaches(n.elem) && n.elem.op == opLeaf {
		// A snapshot of a pointer to a plain value: the copy is all there is to do.
		clone := w.newCopy(n.elem, old)
		*slot = clone
		w.seen.put(old, n.elem, clone)
		return nil
	}
	clone := w.newCopy(n.elem, old)
	unlock(n.elem, clone)
	*slot = clone
	w.seen.put(old, n.elem, clone)
	return w.walk(n.elem, clone)
}

// stepSlice walks a slice's elements, on a new backing array in a copy.
func stepSlice(w *walker, n *node, p unsafe.Pointer) error {
	s := (*sliceHeader)(p)
	if s.len == 0 {
		if w.copy && s.cap != 0 {
			// An empty slice shares nothing a reader sees, but its spare room may hold
			// what the caller cut off (s = s[:0]): the copy must not reach it.
			s.cap = 0
		}
		return nil
	}
	// A slice met again (a value that shares one, or a DAG of them) is walked once:
	// in a copy, its clone is shared as the original was.
	if done, ok := w.seen.getLen(s.data, n, s.len); ok {
		if w.copy {
			*s = sliceHeader{data: done, len: s.len, cap: s.len}
		}
		return nil
	}
	orig := s.data
	if w.copy {
		*s = sliceHeader{data: w.cloneSlice(n, s.data, s.len), len: s.len, cap: s.len}
		for i := 0; i < s.len && len(n.elem.locks) > 0; i++ {
			unlock(n.elem, unsafe.Add(s.data, uintptr(i)*n.elemSize))
		}
	}
	w.seen.putLen(orig, n, s.len, s.data)
	if !w.reaches(n.elem) {
		return nil // a snapshot's copy of elements that hold nothing to walk
	}
	return w.walkElems(n, s.data, s.len)
}

// walkElems walks the l elements of the slice or array node n at data. Leaves that are
// no records of their own go straight to the action, as a struct's leaves do.
func (w *walker) walkElems(n *node, data unsafe.Pointer, l int) error {
	if n.elem.op == opLeaf && !n.elem.wraps && w.rec == nil && !w.paths {
		for i := range l {
			if err := w.act.leaf(w, n.elem, unsafe.Add(data, uintptr(i)*n.elemSize)); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range l {
		if err := w.walkElem(n.elem, unsafe.Add(data, uintptr(i)*n.elemSize)); err != nil {
			return err
		}
	}
	return nil
}

// cloneSlice is cloneSlice in the memory the last lent copy of the record took for the
// same slice, when the walk has it (see lentBox; only values with no methods of the
// caller's, none that redacts itself, are walked with one).
func (w *walker) cloneSlice(n *node, data unsafe.Pointer, l int) unsafe.Pointer {
	if w.spare == nil {
		return cloneSlice(n, data, l)
	}
	clone := w.spare.take(n.elem.typ, l)
	if clone == nil {
		clone = cloneSlice(n, data, l)
		w.spare.keep(n.elem.typ, clone, l)
		return clone
	}
	if typecache.ID(n.typ) == stringsType {
		copy(unsafe.Slice((*string)(clone), l), unsafe.Slice((*string)(data), l))
		return clone
	}
	if ops := n.elem.assign; ops != nil && l*len(ops) <= assignMaxWords {
		// A few small elements: copied word by word, where reflect.Copy's checks cost
		// more; a longer run is one memmove there.
		for i := range uintptr(l) {
			assign(ops, unsafe.Add(clone, i*n.elemSize), unsafe.Add(data, i*n.elemSize))
		}
		return clone
	}
	reflect.Copy(n.valueAt(unsafe.Pointer(&sliceHeader{clone, l, l})),
		n.valueAt(unsafe.Pointer(&sliceHeader{data, l, l})))
	return clone
}

// cloneSlice returns a new backing array holding a copy of the l elements of the slice
// node n at data, in one allocation. A []string, the commonest slice of personal data,
// is copied without reflect.
func cloneSlice(n *node, data unsafe.Pointer, l int) unsafe.Pointer {
	if typecache.ID(n.typ) == stringsType {
		clone := make([]string, l)
		copy(clone, unsafe.Slice((*string)(data), l))
		return unsafe.Pointer(unsafe.SliceData(clone))
	}
	// Grown from nil through a header of its own rather than made by reflect.MakeSlice,
	// which allocates a slice header besides the array.
	var clone sliceHeader
	dst := n.valueAt(unsafe.Pointer(&clone))
	dst.Grow(l)
	dst.SetLen(l)
	reflect.Copy(dst, n.valueAt(unsafe.Pointer(&sliceHeader{data, l, l})))
	return clone.data
}

var stringsType = typecache.ID(reflect.TypeFor[[]string]()) // see typecache.ID

// stepArray walks an array's elements where they are.
func stepArray(w *walker, n *node, p unsafe.Pointer) error {
	if !w.reaches(n.elem) {
		return nil
	}
	return w.walkElems(n, p, n.length)
}

// walkElem walks one element of a slice, array or map: a record of its own when it
// holds one (see recordAction).
func (w *walker) walkElem(n *node, p unsafe.Pointer) error {
	if !w.paths {
		return w.walkRecord(n, p, false)
	}
	mark := len(w.path)
	w.path = append(w.path, "[]"...)
	err := w.walkRecord(n, p, false)
	w.path = w.path[:mark]
	return err
}

// stepNull walks a database/sql Null wrapper's value, and says NULL when the walk
// turned a value into its zero: a value redacted to nothing is no value, not a false
// zero. A zero that was there stays as it was.
func stepNull(w *walker, n *node, p unsafe.Pointer) error {
	value := n.elem.valueAt(p)
	wasZero := value.IsZero()
	if err := w.walk(n.elem, p); err != nil {
		return err
	}
	if !w.readOnly && !wasZero && value.IsZero() {
		*(*bool)(unsafe.Add(p, n.offset)) = false
	}
	return nil
}

// stepMap walks a map's values. Map values are not addressable: each is copied out,
// walked, and set back (into a new map when copying). A map met again is not walked
// again, so maps that contain themselves end.
func stepMap(w *walker, n *node, p unsafe.Pointer) error {
	m := n.valueAt(p)
	if m.IsNil() {
		return nil
	}
	if m.Len() == 0 {
		if w.copy {
			// A copy never shares a map that may come to hold personal data: the
			// caller could fill it after a log line was handed on.
			m.Set(reflect.MakeMap(n.typ))
		}
		return nil
	}
	if !w.readOnly && (n.key.tagged || (n.key.hasPII || n.key.hides) && anyKeyHoldsPII(m) || n.keyHolds && anyKeyHoldsText(m)) {
		// Keys cannot be changed where they are, and a copy with other keys is another
		// map: refuse rather than leave personal data in place (fail closed).
		return errorf("pii: %s: %w", n.typ, ErrMapKey)
	}
	id := m.UnsafePointer()
	if done, ok := w.seen.get(id, n); ok {
		if w.copy {
			m.Set(n.valueAt(unsafe.Pointer(&done)))
		}
		return nil
	}
	dst := m
	if w.copy {
		dst = reflect.MakeMapWithSize(n.typ, m.Len())
	}
	w.seen.put(id, n, dst.UnsafePointer())
	tmp := reflect.New(n.typ.Elem())
	elemReached := w.reaches(n.elem)
	// Keys are shown to an action that changes them, and to one that writes nothing
	// (which reads them: see textsAction), where nothing is set back.
	rekey := w.ka != nil && (n.keyText || n.keyString && w.reach&reachUntagged != 0)
	var keys, values []reflect.Value // for maps rebuilt in place, set after a clear
	for it := m.MapRange(); it.Next(); {
		if n.ownEntries {
			tmp = reflect.New(n.typ.Elem()) // never one the next entry overwrites
		}
		tmp.Elem().Set(it.Value())
		if elemReached {
			if err := w.walkElem(n.elem, tmp.UnsafePointer()); err != nil {
				return err
			}
		}
		key := it.Key()
		if w.readsKeys && n.key != nil && n.key.hasPII {
			kv := reflect.New(n.typ.Key())
			kv.Elem().Set(key)
			if err := w.walk(n.key, kv.UnsafePointer()); err != nil {
				return err
			}
		}
		if rekey {
			key, _ = w.ka.mapKey(w, n, key)
		}
		switch {
		case w.readOnly:
		case (n.nanKeys || rekey) && !w.copy:
			// A NaN key cannot be found again, and a changed key is another entry:
			// setting either would leave the old value in place. Rebuild the map's
			// contents instead.
			v := reflect.New(n.typ.Elem()).Elem()
			v.Set(tmp.Elem())
			keys, values = append(keys, key), append(values, v)
		default:
			dst.SetMapIndex(freeKey(dst, key, rekey), tmp.Elem())
		}
	}
	if keys != nil {
		m.Clear()
		for i := range keys {
			m.SetMapIndex(freeKey(m, keys[i], rekey), values[i])
		}
	}
	if w.copy {
		m.Set(dst)
	}
	return nil
}

// stepIface walks an interface's dynamic value under the interface field's tag.
func stepIface(w *walker, n *node, p unsafe.Pointer) error {
	var dv reflect.Value
	if n.typ.NumMethod() == 0 {
		// An empty interface (a log line's value, any field): read as what it is, with
		// no reflect.Value of the interface itself until one must be set.
		x := *(*any)(p)
		if x == nil {
			return nil
		}
		dv = reflect.ValueOf(x)
	} else {
		iv := n.valueAt(p)
		if iv.IsNil() {
			return nil
		}
		dv = iv.Elem()
	}
	if t := dv.Type(); (t == reflectValueArgType || t == reflectValuePtrArgType) && !w.readOnly {
		// A reflect.Value's own fields say nothing of what it holds, which fmt prints
		// as it is: refused wherever it is met, as it is at the top (see argError).
		return errorf("pii: %s: %w (held by an interface)", t, ErrReflectValue)
	}
	dn, err := n.held(dv.Type())
	if n.inherits && errorHeldAsText(n, dv.Type(), err) {
		if ea, ok := w.act.(errorTextAction); ok {
			return ea.errorText(w, n, p, dv.Interface().(error))
		}
		if w.readOnly && err != nil {
			return nil
		}
	}
	if err != nil {
		return err
	}
	// What the walk does not enter is looked at as a whole: a value whose type has no
	// tag (its text may print a tagged value it wraps, or one it keeps behind
	// unexported fields), an error that unwraps, and a tagged value that keeps values
	// behind unexported fields (withheld whole when they hold personal data: its copy
	// would keep them as they are). The value at the top of a log line was looked at
	// so already (see redactedAnyAudit).
	if w.opq != nil && (!dn.hasPII || dn.unwraps || dn.hides && w.depth > 1) {
		if replaced, err := w.opq.opaque(w, n, n.valueAt(p), dv); replaced || err != nil {
			return err
		}
	}
	if !w.reaches(dn) {
		return nil
	}
	if w.depth == 1 && w.begins != nil {
		// The walk started at this interface (a log line's value, ForLog): the value
		// it holds is the record, and the action readies for it rather than for an
		// interface every type goes through.
		w.begins.begin(w, dn)
	}
	w.ifaces++
	err = w.walkIfaceValue(n, dv, dn, p)
	w.ifaces--
	if err == nil && w.heldDone != nil {
		w.heldDone.heldDone(w, n, dn, p)
	}
	return err
}

// walkIfaceValue walks the dynamic value dv of the interface of node n at p along dn.
func (w *walker) walkIfaceValue(n *node, dv reflect.Value, dn *node, p unsafe.Pointer) error {
	if w.rec == nil && w.recs != nil && w.recs.records(dn) {
		// The records of what the interface holds matter (a redact=scan field in it),
		// though the walk so far needed none.
		w.rec = w.recs
		err := w.walkIfaceValue(n, dv, dn, p)
		w.rec = nil
		return err
	}
	if dv.Kind() == reflect.Pointer {
		// Walk a copy of the pointer: the pointee is changed (or cloned) through it.
		ptr := dv.UnsafePointer()
		slot := ptr
		if err := w.walkRecord(dn, unsafe.Pointer(&slot), true); err != nil {
			return err
		}
		if slot != ptr {
			// Convert: the dynamic type may be a named pointer type, which must stay.
			n.valueAt(p).Set(reflect.NewAt(dv.Type().Elem(), slot).Convert(dv.Type()))
		}
		return nil
	}
	// A value inside an interface cannot be changed where it is: walk a copy, store it.
	// A value wider than a pointer sits in an interface as a pointer to a copy of it
	// (the interface's second word): copied from there, and the interface pointed at
	// the copy, which nothing else holds. The first word, the type, stays as it is.
	if t := dv.Type(); t.Size() > unsafe.Sizeof(uintptr(0)) {
		word := &(*[2]unsafe.Pointer)(p)[1]
		tmp := newCopy(dn, *word)
		unlock(dn, tmp)
		if err := w.walkRecord(dn, tmp, true); err != nil {
			return err
		}
		if !w.readOnly {
			*word = tmp
		}
		return nil
	}
	tmp := reflect.New(dv.Type())
	tmp.Elem().Set(dv)
	unlock(dn, tmp.UnsafePointer())
	if err := w.walkRecord(dn, tmp.UnsafePointer(), true); err != nil {
		return err
	}
	if !w.readOnly {
		n.valueAt(p).Set(tmp.Elem())
	}
	return nil
}

// ifaceData is the second word of an interface: what it holds when that is a pointer,
// or else a pointer to the copy of the value it holds.
func ifaceData(x any) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[1] }

// valueAt returns the value of the node's type at p, settable, as
// reflect.NewAt(n.typ, p).Elem() does. NewAt looks *typ up on every call (a lookup in
// the runtime's type maps), where the node found it once, in ptrNil: a walk's copies and
// zeroings make several such values a record.
func (n *node) valueAt(p unsafe.Pointer) reflect.Value {
	// The interface is built whole, as a value, rather than written into: a write
	// through a pointer would make p escape, and the walk's stack temporaries with it.
	at := [2]unsafe.Pointer{(*[2]unsafe.Pointer)(unsafe.Pointer(&n.ptrNil))[0], p}
	return reflect.ValueOf(*(*any)(unsafe.Pointer(&at))).Elem()
}

// newCopy is newCopy of a value of node n in the memory the last lent copy of the record
// took for the same pointee, when the walk has it (see lentBox, and cloneSlice).
func (w *walker) newCopy(n *node, src unsafe.Pointer) unsafe.Pointer {
	if w.spare == nil {
		return newCopy(n, src)
	}
	clone := w.spare.take(n.typ, 1)
	if clone == nil {
		clone = newCopy(n, src)
		w.spare.keep(n.typ, clone, 1)
		return clone
	}
	n.copyTo(clone, src)
	return clone
}

// copyTo copies the value of node n's type at src to dst, as an assignment would.
func (n *node) copyTo(dst, src unsafe.Pointer) {
	if n.assign != nil {
		assign(n.assign, dst, src)
		return
	}
	n.valueAt(dst).Set(n.valueAt(src))
}

// newCopy returns a new value of node n's type holding a copy of the one at src, as an
// assignment would copy it.
func newCopy(n *node, src unsafe.Pointer) unsafe.Pointer {
	if n.assign != nil {
		clone := reflect.New(n.typ).UnsafePointer()
		assign(n.assign, clone, src)
		return clone
	}
	if t := n.typ; t.Size() > unsafe.Sizeof(uintptr(0)) && t.Kind() != reflect.Interface {
		// A value wider than a pointer goes into an interface as a pointer to a copy
		// of it: boxing the value makes the copy, with one reflect call fewer. (An
		// interface is no such value: Interface gives what it holds.)
		return ifaceData(n.valueAt(src).Interface())
	}
	v := reflect.New(n.typ)
	v.Elem().Set(n.valueAt(src))
	return v.UnsafePointer()
}

// freeKey returns key, or when m holds it already and keys were changed (two addresses
// masked alike), the first of key+" #2", key+" #3", ... that m does not hold: no entry
// is lost to a changed key.
func freeKey(m, key reflect.Value, rekeyed bool) reflect.Value {
	if !rekeyed || !m.MapIndex(key).IsValid() {
		return key
	}
	for i := 2; ; i++ {
		k := reflect.ValueOf(key.String() + " #" + strconv.Itoa(i)).Convert(key.Type())
		if !m.MapIndex(k).IsValid() {
			return k
		}
	}
}

// unlock zeroes, in a value of node n at p that a walk has just copied, the locks it
// holds (sync.Mutex, sync.RWMutex): a copy of a locked mutex stays locked for ever, and a
// method of the copy that takes it (a String that locks) would never return.
func unlock(n *node, p unsafe.Pointer) {
	for _, l := range n.locks {
		for i := range l.count {
			clear(unsafe.Slice((*byte)(unsafe.Add(p, l.offset+i*l.stride)), l.size))
		}
	}
}
