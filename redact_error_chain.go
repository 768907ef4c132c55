package pii

import (
	"iter"
	"reflect"
	"sync"
	"unsafe"
)

// An errorLister is an error that gives the errors it holds through Errors, as zap's
// multi-errors and the lists of multierr versions before Unwrap() []error do. Its text
// holds theirs, so its chain is followed through Errors as through Unwrap.
type errorLister interface{ Errors() []error }

// innerErrors yields the errors e holds, the next links of its chain (see appendInner).
func innerErrors(e error) iter.Seq[error] {
	return func(yield func(error) bool) {
		var buf [4]error
		for _, inner := range appendInner(buf[:0], e) {
			if !yield(inner) {
				return
			}
		}
	}
}

// appendInner appends to dst the errors e holds, the next links of its chain: what
// Unwrap gives, and what Errors gives, unless Unwrap() []error gives that list already.
// It is the one rule of what an error's chain is, for every walk of one.
func appendInner(dst []error, e error) []error {
	switch u := e.(type) {
	case interface{ Unwrap() error }:
		dst = append(dst, u.Unwrap())
		if l, ok := e.(errorLister); ok {
			dst = append(dst, l.Errors()...)
		}
	case interface{ Unwrap() []error }:
		dst = append(dst, u.Unwrap()...)
	case errorLister:
		dst = append(dst, u.Errors()...)
	}
	return dst
}

// heldErrors returns the wrapper errors that e, whose plan n nests (see node.nests),
// holds besides the links of its chain: in its fields, exported or not (but not in an
// unexported interface: see hiddenHeldFields), and in the pointers, slices, arrays and
// maps they hold, each pointer looked through once, but not behind another wrapper,
// which holds its own. A nil pointer is left out, as a walk passes it on, and so is an
// error that is also a link of e's chain (a Next field that Unwrap gives), which is
// visited as that: a chain of such links would otherwise be visited twice at every
// link, twice as often at each. It reports false when the value is too large to look
// through (more than maxErrorChain values on the way), which counts as a chain too long
// to show.
//
// Each such error is visited as a link of e's chain: e's text may print it, and a walk
// of e hides what it wraps (see redactAction.opaqueSlot), so the text must too. A walk
// makes each one's text there: so does heldErrors, so that an Error that panics makes
// the note it makes in a walk.
//
// It leaves out the pointers and slices in seen, which a look for the errors held by
// another error of the chain went through already (what it found there is visited),
// and adds those it goes through: a thousand errors each holding the same hundreds are
// not each looked through whole. A nil seen is a fresh one.
func heldErrors(e error, n *node, seen map[heldPointer]bool) ([]error, bool) {
	v := reflect.ValueOf(e)
	tmp := reflect.New(v.Type()) // a value in an interface has no address of its own
	tmp.Elem().Set(v)
	h := heldFinder{budget: maxErrorChain, seen: seen}
	p := tmp.UnsafePointer()
	if n.op == opPtr {
		// What e points to is e itself, whatever its methods' receivers: not held.
		if p = *(*unsafe.Pointer)(p); p == nil {
			return nil, true
		}
		n = n.elem
	}
	if !h.fields(n, p) {
		return nil, false
	}
	if len(h.out) == 0 {
		return nil, true
	}
	links, count := linkSet{}, 0
	for l := range innerErrors(e) {
		if count++; count > maxErrorChain {
			return nil, false // a chain that long is withheld whole anyway
		}
		links.add(l)
	}
	isLink := func(x error) bool { return x == nil || links.has(x) }
	held := h.out[:0]
	for _, x := range h.out {
		if isLink(x) {
			continue
		}
		_ = x.Error()
		if xr := planFor(reflect.TypeOf(x)).root; xr.wraps && !xr.nests && allLinks(x, isLink) {
			// An embedded list whose Errors e promotes: its links are e's, counted
			// once, and it holds nothing else to look at (an error with Unwrap held
			// unexported may hold more, in interfaces: it is no wrapper, and is
			// looked at).
			continue
		}
		held = append(held, x)
	}
	return held, true
}

// allLinks reports whether every link of x's chain is one that isLink knows.
func allLinks(x error, isLink func(error) bool) bool {
	for l := range innerErrors(x) {
		if !isLink(l) {
			return false
		}
	}
	return true
}

// A linkSet holds the links of a chain, each found in one look: a value of a comparable
// type by ==, and one of another type by its bytes, which equal only for copies of one
// value (the same slices, maps and pointers), never by a deep comparison, which on
// large values, pair by pair, made a chain of a few hundred errors take seconds. An
// error not found is visited once more: it counts twice, and hides nothing less.
type linkSet map[any]bool

// A valueBytes is the key of a value of a type that == cannot compare: its bytes.
type valueBytes struct {
	typ   reflect.Type
	bytes string
}

func linkKey(e error) any {
	t := reflect.TypeOf(e)
	if t.Comparable() {
		return e
	}
	v := reflect.New(t)
	v.Elem().Set(reflect.ValueOf(e))
	return valueBytes{t, string(unsafe.Slice((*byte)(v.UnsafePointer()), t.Size()))}
}

// add adds e, unless hashing it panics (an interface field holding a value == cannot
// compare): then e is no link anyone finds.
func (s linkSet) add(e error) {
	defer func() { _ = recover() }()
	if e != nil {
		s[linkKey(e)] = true
	}
}

// has reports whether e is in s; a lookup that panics says it is not.
func (s linkSet) has(e error) (has bool) {
	defer func() {
		if recover() != nil {
			has = false
		}
	}()
	return s[linkKey(e)]
}

// A heldFinder gathers the wrapper errors a value holds (see heldErrors).
type heldFinder struct {
	out    []error
	budget int
	seen   map[heldPointer]bool // the pointers looked through, made at the first
}

// A heldPointer is a pointer or a slice a heldFinder looked through, with its type and
// length: one met again (a ring of nodes, a slice two errors share) leads to what was
// looked at already.
type heldPointer struct {
	p   unsafe.Pointer
	t   reflect.Type
	len int
}

// held looks at the value of node c at p, one that e's value holds: a wrapper error is
// gathered, anything else that may hold one looked through. So is an error with Unwrap
// that holds interfaces (an *fs.PathError), met only in an unexported field (in an
// exported one, e would not be a wrapper but walked): a walk of it reaches what it
// holds.
//
// A wrapper whose methods have pointer receivers, held by value (Detail DetailErr), is
// gathered by the address of a copy: e's Error prints it through that (e.Detail.Error()), and no
// walk reaches what it wraps otherwise.
func (h *heldFinder) held(c *node, p unsafe.Pointer) bool {
	var v reflect.Value
	switch {
	case c.wraps || c.unwraps:
		v = c.valueAt(p)
		if c.typ.Kind() == reflect.Pointer && v.IsNil() {
			return true
		}
	case wrapsByPointer(c.typ):
		// By the address of a copy of its own: p may be a map entry's, read into one
		// place in turn, or the caller's.
		v = reflect.New(c.typ)
		v.Elem().Set(c.valueAt(p))
	case !c.hasPII && !reachesWrapper(c.typ):
		return true
	default:
		return h.fields(c, p)
	}
	h.out = append(h.out, v.Interface().(error))
	h.budget--
	return h.budget >= 0
}

// byPointerWrappers caches wrapsByPointer: reflect.Type -> bool.
var byPointerWrappers sync.Map

// wrapsByPointer reports whether t is no pointer and no wrapper error, but a pointer to
// it is one (see isWrapper): its methods have pointer receivers.
func wrapsByPointer(t reflect.Type) bool {
	if w, ok := byPointerWrappers.Load(t); ok {
		return w.(bool)
	}
	w := t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && !isWrapper(t) &&
		isWrapper(reflect.PointerTo(t))
	byPointerWrappers.Store(t, w)
	return w
}

// first reports whether k is met for the first time, and notes it.
func (h *heldFinder) first(k heldPointer) bool {
	if h.seen == nil {
		h.seen = map[heldPointer]bool{}
	}
	if h.seen[k] {
		return false
	}
	h.seen[k] = true
	return true
}

// fields looks through the value of node n at p for the wrapper errors it holds: in a
// struct, in its members and in the unexported fields no walk goes to (see
// hiddenHeldFields).
func (h *heldFinder) fields(n *node, p unsafe.Pointer) bool {
	if h.budget--; h.budget < 0 {
		return false
	}
	switch n.op {
	case opStruct:
		for _, m := range n.members {
			if !h.held(m.node, unsafe.Add(p, m.offset)) {
				return false
			}
		}
		for _, f := range hiddenHeldFields(n.typ) {
			pl := planFor(f.Type)
			if pl.err != nil || !h.held(pl.root, unsafe.Add(p, f.Offset)) {
				return false // a type whose tags are wrong: withheld, as a walk fails
			}
		}
	case opPtr:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return true
		}
		if h.first(heldPointer{q, n.typ, 0}) {
			return h.held(n.elem, q)
		}
	case opNull:
		return h.held(n.elem, p)
	case opSlice, opArray:
		data, length := p, n.length
		if n.op == opSlice {
			s := (*sliceHeader)(p)
			data, length = s.data, s.len
			if length > 0 && !h.first(heldPointer{data, n.typ, length}) {
				return true
			}
		}
		for i := range length {
			if !h.held(n.elem, unsafe.Add(data, uintptr(i)*n.elemSize)) {
				return false
			}
		}
	case opMap:
		m := n.valueAt(p)
		key, elem := reflect.New(n.typ.Key()), reflect.New(n.typ.Elem())
		for it := m.MapRange(); it.Next(); {
			key.Elem().Set(it.Key())
			elem.Elem().Set(it.Value())
			// What is gathered is copied out (Interface), so the next entry may reuse these.
			if !h.held(n.key, key.UnsafePointer()) || !h.held(n.elem, elem.UnsafePointer()) {
				return false
			}
		}
	}
	return true
}

// wrapperReaches caches reachesWrapper: reflect.Type -> bool.
var wrapperReaches sync.Map

// reachesWrapper reports whether a value of type t is or holds a wrapper error (see
// isWrapper, and wrapsByPointer) of a concrete type, through struct fields exported or not, pointers,
// slices, arrays and maps: what an error holding t in a field may print.
func reachesWrapper(t reflect.Type) bool {
	if r, ok := wrapperReaches.Load(t); ok {
		return r.(bool)
	}
	r := reachesWrapperFrom(t, true, map[reflect.Type]bool{})
	wrapperReaches.Store(t, r)
	return r
}

// reachesWrapperFrom is reachesWrapper by a search that looks at each type once: a type
// already seen is being looked at, or was, further up. Without self, t itself is not
// counted, only what it holds.
func reachesWrapperFrom(t reflect.Type, self bool, seen map[reflect.Type]bool) bool {
	if self && (seen[t] || t.Kind() == reflect.Interface || isRuntimeOwned(t)) {
		return false
	}
	seen[t] = true
	if self && (isWrapper(t) || wrapsByPointer(t)) {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return reachesWrapperFrom(t.Elem(), true, seen)
	case reflect.Map:
		return reachesWrapperFrom(t.Key(), true, seen) || reachesWrapperFrom(t.Elem(), true, seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if reachesWrapperFrom(t.Field(i).Type, true, seen) {
				return true
			}
		}
	}
	return false
}

// hidesWrappers reports whether the wrapper error type t holds other wrapper errors,
// in unexported fields of concrete types that no walk goes to (see hiddenHeldFields)
// or elsewhere: a part of node.nests. What a pointer error points to is that error.
func hidesWrappers(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem() // what the error points to is itself, not held
	}
	return reachesWrapperFrom(t, false, map[reflect.Type]bool{})
}

// hiddenHelds caches hiddenHeldFields: reflect.Type -> []reflect.StructField.
var hiddenHelds sync.Map

// hiddenHeldFields returns the fields of the struct type t that are unexported, not
// embedded (an embedded field is a member) and of a concrete type that may hold wrapper
// errors: no walk goes there, but an Error may print them (Error() string { return
// "save: " + e.detail.Error() }), and heldErrors looks through them.
func hiddenHeldFields(t reflect.Type) []reflect.StructField {
	if fs, ok := hiddenHelds.Load(t); ok {
		return fs.([]reflect.StructField)
	}
	var fs []reflect.StructField
	for i := range t.NumField() {
		if f := t.Field(i); !f.IsExported() && !f.Anonymous && reachesWrapper(f.Type) {
			fs = append(fs, f)
		}
	}
	hiddenHelds.Store(t, fs)
	return fs
}
