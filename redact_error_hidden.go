package pii

import (
	"log/slog"
	"reflect"
	"sync"
	"unsafe"

	"github.com/ef8f9424/pii/internal/withheld"
)

// This file finds what a value holds in interfaces behind its unexported fields: a
// not-found error's `key any`, an old-style wrapper's `err error` with no Unwrap, a
// formatted error's `args []any`, a Stringer's `v any`, an embedded base error's
// `ctx any`. No walk goes there (like encoding/json, the package takes a type's
// unexported fields for no data of its, unless their own types carry tags), but the
// type's own Error or String may print what they hold, and fmt prints it too. So an
// error's chain counts what they hold (see chainHoldsTagged and redactedError), and a
// value logged as it is that holds personal data there is withheld (see redactedOpaque).
//
// What they hold is only read, never copied or formatted: a value there may be one the
// caller's other goroutines use (a session with its mutex), of which the type's own
// methods read only a part.

// maxHiddenValues bounds how many values a look for hidden ones goes through: a value
// larger than that counts as holding personal data.
const maxHiddenValues = 10_000

// A hiddenIface is an unexported interface field at offset from the start of the value
// that holds it.
type hiddenIface struct {
	offset uintptr
	typ    reflect.Type
}

// hiddenIfaces returns where a value of type t (or what t points to) keeps interfaces
// behind unexported fields: fields is every such interface field at a fixed offset (its
// own, and those of the structs it holds by value), when that is all there is; deep,
// when there is more (an interface an unexported pointer, slice, array or map leads to,
// or one under an exported field of an unexported struct), which only a look through
// the value finds. Interfaces that a walk reaches (exported, or embedded) are not
// counted. A type's plan keeps the answer (plan.hidden, plan.hiddenDeep).
//
// A type that is no struct, nor a pointer to one, is deep when its pointers, slices,
// arrays and maps lead to a struct that has any (a []Order whose Order holds an
// error's `key any`): its values are looked through, as a struct's that leads there
// are.
func hiddenIfaces(t reflect.Type) (fields []hiddenIface, deep bool) {
	if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil, leadsToHiddenIfaces(t, map[reflect.Type]bool{})
	}
	fields, deep = appendHiddenIfaces(nil, t, 0, false, map[reflect.Type]bool{})
	if deep {
		return nil, true
	}
	return fields, false
}

// appendHiddenIfaces appends the interface fields behind unexported fields of the
// struct type t, whose value starts at base (hidden: t itself is behind one), and
// reports whether interfaces sit deeper (see hiddenIfaces): behind an unexported
// pointer, slice, array or map that leads to one, or where an exported one leads to a
// struct that has some (seen holds the types looked at on the way, see
// leadsToHiddenIfaces).
func appendHiddenIfaces(hs []hiddenIface, t reflect.Type, base uintptr, hidden bool, seen map[reflect.Type]bool) ([]hiddenIface, bool) {
	deep := false
	for i := range t.NumField() {
		f := t.Field(i)
		fh := hidden || !f.IsExported() && !f.Anonymous
		switch k := f.Type.Kind(); {
		case f.Type == slogValueType || f.Type == reflectValueArgType:
			// A walk redacts an exported slog.Value (see lkSlog) and refuses an
			// exported reflect.Value; what one behind an unexported field holds only a
			// look through the value finds.
			deep = deep || fh
		case !reachesIface(f.Type):
		case k == reflect.Interface:
			if fh {
				hs = append(hs, hiddenIface{base + f.Offset, f.Type})
			}
		case k == reflect.Struct:
			var d bool
			hs, d = appendHiddenIfaces(hs, f.Type, base+f.Offset, fh, seen)
			deep = deep || d
		default:
			// A pointer, slice, array or map: behind an unexported field, all it leads
			// to is hidden; behind an exported one, the walk goes, and only the
			// structs it leads to that have hidden fields count (a list's exported
			// Next and Value do not).
			deep = deep || fh || leadsToHiddenIfaces(f.Type, seen)
		}
	}
	return hs, deep
}

// leadsToHiddenIfaces reports whether t's pointers, slices, arrays and maps lead to a
// struct that keeps interfaces behind unexported fields (see hiddenIfaces). What an
// interface holds is not followed: a walk reaches it, and looks at it on its own.
func leadsToHiddenIfaces(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return leadsToHiddenIfaces(t.Elem(), seen)
	case reflect.Map:
		return leadsToHiddenIfaces(t.Key(), seen) || leadsToHiddenIfaces(t.Elem(), seen)
	case reflect.Struct:
		if t == slogValueType || t == reflectValueArgType {
			return false // a walk redacts it (see lkSlog), or refuses it
		}
		fields, deep := appendHiddenIfaces(nil, t, 0, false, seen)
		return deep || len(fields) > 0
	}
	return false
}

// ifaceReaches caches reachesIface: reflect.Type -> bool.
var ifaceReaches sync.Map

// slogValueType is slog.Value, which holds what it holds in an unexported interface: a
// walk redacts an exported one as a log line's attribute (see lkSlog), and a look for
// hidden values reads what one behind an unexported field holds (see
// hiddenFinder.slogValue).
var slogValueType = reflect.TypeFor[slog.Value]()

// reachesIface reports whether a value of type t can hold an interface, in it or in
// what its pointers, slices, arrays, maps and fields lead to.
func reachesIface(t reflect.Type) bool {
	if r, ok := ifaceReaches.Load(t); ok {
		return r.(bool)
	}
	r := reachesIfaceFrom(t, map[reflect.Type]bool{})
	ifaceReaches.Store(t, r)
	return r
}

func reachesIfaceFrom(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] || isRuntimeOwned(t) {
		return false
	}
	seen[t] = true
	if t == reflectValueArgType {
		return true // it holds a value as an interface does (see hiddenFinder.value)
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return reachesIfaceFrom(t.Elem(), seen)
	case reflect.Map:
		return reachesIfaceFrom(t.Key(), seen) || reachesIfaceFrom(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if reachesIfaceFrom(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// hiddenValues returns what x holds in interfaces behind its unexported fields, and in
// interfaces that those values hold in turn (but for errors, whose own are theirs:
// see redactedError), nil ones left out; ok is false for a value too large to look
// through (more than maxHiddenValues values), which counts as holding personal data.
// With walked, x is to be walked: what its exported interfaces hold is left to the
// walk, which looks at it there (see stepIface) and withholds it in its place.
func hiddenValues(x any, walked bool) (out []any, ok bool) {
	h := hiddenFinder{budget: maxHiddenValues, walked: walked}
	return h.values(x)
}

// values returns what x holds behind its unexported fields, as hiddenValues says.
func (h *hiddenFinder) values(x any) (out []any, ok bool) {
	if x == nil {
		return nil, true
	}
	pl := planFor(reflect.TypeOf(x))
	if !pl.hiddenDeep {
		base := ifaceData(x)
		if base == nil {
			return nil, true // a nil pointer holds nothing
		}
		for _, hi := range pl.hidden {
			if v := hi.in(base); v != nil {
				out = append(out, v)
			}
		}
		// What they hold in turn, looked through as values of their own.
		for _, v := range out {
			if _, isErr := v.(error); !isErr && !h.any(v, true) {
				return nil, false
			}
		}
		return append(out, h.out...), true
	}
	if !h.any(x, false) {
		return nil, false
	}
	return h.out, true
}

// in returns what the field holds in the value at base (nil for a nil interface). An
// error or an any, the fields nearly all are, is read as one; another interface type
// through reflect.
func (h hiddenIface) in(base unsafe.Pointer) any {
	p := unsafe.Add(base, h.offset)
	switch {
	case h.typ == errorType:
		if e := *(*error)(p); e != nil {
			return e
		}
		return nil
	case h.typ.NumMethod() == 0:
		return *(*any)(p)
	}
	v := reflect.NewAt(h.typ, p).Elem()
	if v.IsNil() {
		return nil
	}
	return v.Interface()
}

// A hiddenFinder looks through a value for what interfaces behind unexported fields
// hold (see hiddenValues). Values are reached by address (reflect.NewAt), so that what
// an unexported field holds can be read as a value of its own.
type hiddenFinder struct {
	out    []any
	budget int
	seen   map[heldPointer]bool // the pointers, slices and maps looked through
	walked bool                 // the value is to be walked (see hiddenValues)
	// scalars keeps what a slog.Value holds that is no interface (a string, a number,
	// a time): under a PII tag, that too is personal (see withheldIfKept).
	scalars bool
}

// any looks through x, a value behind an unexported field when hidden.
func (h *hiddenFinder) any(x any, hidden bool) bool {
	t := reflect.TypeOf(x)
	if !reachesIface(t) {
		return true
	}
	tmp := reflect.New(t)
	tmp.Elem().Set(reflect.ValueOf(x))
	return h.value(tmp.Elem(), hidden)
}

// value looks through v, an addressable value (or a map's key or value), behind an
// unexported field when hidden. It reports false when the budget runs out.
func (h *hiddenFinder) value(v reflect.Value, hidden bool) bool {
	if h.budget--; h.budget < 0 {
		return false
	}
	t := v.Type()
	switch t.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return true
		}
		x := v.Interface()
		switch {
		case !hidden && h.walked:
			return true // the walk looks at it as a whole (see stepIface)
		case !hidden:
			return h.any(x, false) // a walk reaches it: what is behind its own fields is not
		}
		return h.add(x)
	case reflect.Pointer:
		if v.IsNil() || !reachesIface(t.Elem()) || !h.first(v.UnsafePointer(), t, 0) {
			return true
		}
		return h.value(v.Elem(), hidden)
	case reflect.Struct:
		if !v.CanAddr() {
			tmp := reflect.New(t) // a map's value: read from a copy
			tmp.Elem().Set(v)
			v = tmp.Elem()
		}
		base := unsafe.Pointer(v.UnsafeAddr())
		if t == slogValueType {
			if !hidden {
				return true // a walk redacts it (see lkSlog)
			}
			return h.slogValue(*(*slog.Value)(base), 0)
		}
		if t == reflectValueArgType {
			if !hidden {
				return true // a walk refuses it (see ErrReflectValue)
			}
			// fmt prints what it holds: it counts as that, and one that cannot give
			// it up (read from an unexported field) as too much to look through.
			rv := *(*reflect.Value)(base)
			if !rv.IsValid() {
				return true
			}
			if !rv.CanInterface() {
				return false
			}
			return h.add(rv.Interface())
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if !reachesIface(f.Type) {
				continue
			}
			fh := hidden || !f.IsExported() && !f.Anonymous
			if !h.value(reflect.NewAt(f.Type, unsafe.Add(base, f.Offset)).Elem(), fh) {
				return false
			}
		}
	case reflect.Slice:
		if v.Len() == 0 || !reachesIface(t.Elem()) || !h.first(v.UnsafePointer(), t, v.Len()) {
			return true
		}
		for i := range v.Len() {
			if !h.value(v.Index(i), hidden) {
				return false
			}
		}
	case reflect.Array:
		if !reachesIface(t.Elem()) {
			return true
		}
		for i := range v.Len() {
			if !h.value(v.Index(i), hidden) {
				return false
			}
		}
	case reflect.Map:
		if v.IsNil() || !h.first(v.UnsafePointer(), t, 0) {
			return true
		}
		for it := v.MapRange(); it.Next(); {
			if !h.value(it.Key(), hidden) || !h.value(it.Value(), hidden) {
				return false
			}
		}
	}
	return true
}

// add keeps x, a value behind an unexported field, and looks through it in turn (but
// for an error, whose own hidden values are looked at as its chain's). A slog.Value
// there is kept as what it holds (see slogValue): a walk of a slog.Value finds nothing
// of it (see lkSlog).
func (h *hiddenFinder) add(x any) bool {
	if sv, ok := x.(slog.Value); ok {
		return h.slogValue(sv, 0)
	}
	if x == nil {
		return true
	}
	h.out = append(h.out, x)
	if _, isErr := x.(error); isErr {
		return true
	}
	return h.any(x, true)
}

// slogValue keeps what sv, behind an unexported field, holds: the value of KindAny, a
// LogValuer (looked at as a value, never asked for its value), the members of a group,
// depth groups down.
func (h *hiddenFinder) slogValue(sv slog.Value, depth int) bool {
	if h.budget--; h.budget < 0 || depth > maxResolve {
		return false
	}
	switch sv.Kind() {
	case slog.KindAny:
		return h.add(sv.Any())
	case slog.KindLogValuer:
		return h.add(sv.LogValuer())
	case slog.KindGroup:
		for _, a := range sv.Group() {
			if !h.slogValue(a.Value, depth+1) {
				return false
			}
		}
	default:
		if h.scalars {
			h.out = append(h.out, sv.Any())
		}
	}
	return true
}

// first reports whether the pointer, slice or map p of type t (a slice's length l) is
// met for the first time, and marks it met: one met again leads to what was looked at.
func (h *hiddenFinder) first(p unsafe.Pointer, t reflect.Type, l int) bool {
	if h.seen == nil {
		h.seen = map[heldPointer]bool{}
	}
	k := heldPointer{p, t, l}
	if h.seen[k] {
		return false
	}
	h.seen[k] = true
	return true
}

// linkOf reports whether x is a link of e's chain, one of links (see appendInner): the
// same value, compared by == when its type allows, else by where it lives (a link that
// Unwrap gives from the field is the field's value itself). One not found is looked at
// once more: it counts twice, and hides nothing less.
func linkOf(x error, links []error) bool {
	for _, l := range links {
		switch {
		case l == nil || errorTab(l) != errorTab(x):
		case ifaceData(l) == ifaceData(x):
			return true // one value, copied: a pointer, or the same box
		case reflect.TypeOf(x).Comparable() && l == x:
			return true
		}
	}
	return false
}

// errorTab returns the type word of e: errors of one dynamic type have the same.
func errorTab(e error) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&e))[0] }

// hiddenErrors returns the errors that x holds behind unexported fields (see
// hiddenValues, and there for walked), and reports whether it holds another value that
// holds personal data there, or too much to look through.
func hiddenErrors(x any, walked bool) (errs []error, holds bool) {
	held, ok := hiddenValues(x, walked)
	if !ok {
		return nil, true
	}
	for _, v := range held {
		if e, isErr := v.(error); isErr {
			errs = append(errs, e)
		} else if carriesTagged(v) {
			return nil, true
		}
	}
	return errs, false
}

// carriesTagged reports whether a walk of x, no error, would find personal data in it:
// its type carries tags (or fails to plan), or an interface in it holds a value whose
// type does. What is behind its unexported fields is not looked at (hiddenValues
// gathers that).
func carriesTagged(x any) bool {
	pl := planFor(reflect.TypeOf(x))
	switch {
	case pl.err != nil || pl.root.tagged:
		return true
	case pl.root.hasPII:
		texts, ok := Default().leafTexts(x) // what its interfaces hold, as a walk finds it
		return !ok || len(texts) > 0
	}
	return false
}

// holdsHidden reports whether x holds personal data behind its unexported fields (see
// hiddenValues, and there for walked): a value there that carries tags, an error there
// whose chain holds one, or more than can be looked through.
func holdsHidden(x any, walked bool) bool {
	errs, holds := hiddenErrors(x, walked)
	for _, e := range errs {
		if holds {
			break
		}
		holds = chainHoldsTagged(e)
	}
	return holds
}

// refusedHidden returns an error wrapping ErrHidden when x holds personal data behind
// its unexported fields (see hiddenValues) where no interface holds it: Redact and
// Anonymize cannot reach it, and Redacted's and Anonymized's copies would share it. A
// redaction asks once its walk has hidden what it can (a wrapper error it empties holds
// nothing then), with walked set: the walk has looked at what x's interfaces hold. An
// anonymisation asks first, and its walk does not look there. An interface x (the T of
// Redacted[any]) is looked at by its dynamic type; a type that cannot be planned is left
// to the walk, which reports why.
func refusedHidden(op string, x any, walked bool) error {
	if x == nil {
		return nil
	}
	t := reflect.TypeOf(x)
	if pl := planFor(t); pl.err != nil || !pl.root.hides || !holdsHidden(x, walked) {
		return nil
	}
	return errorf("pii: %s: %s: %w", op, t, ErrHidden)
}

// withheldIfKept returns the stand-in for x when x keeps any value behind its
// unexported fields, personal data or not (see hiddenValues): what a PII tag holds is
// personal whatever its type says.
func withheldIfKept(x any) (any, bool) {
	if pl := planFor(reflect.TypeOf(x)); pl.err != nil || !pl.root.hides || !keepsAnything(x) {
		return x, false
	}
	return withheldNote(x), true
}

// keepsAnything reports whether x keeps any value behind its unexported fields (see
// hiddenValues), a string or number in a slog.Value included, or more than can be
// looked through; its exported interfaces are left to the walk.
func keepsAnything(x any) bool {
	h := hiddenFinder{budget: maxHiddenValues, walked: true, scalars: true}
	held, ok := h.values(x)
	return !ok || len(held) > 0
}

// withheldNote is the stand-in for x, which keeps personal data where no walk reaches.
func withheldNote(x any) withheld.Value {
	return withheld.Value{Note: "!PII-REDACTED: a " + reflect.TypeOf(x).String() + " that holds personal data in unexported fields"}
}

// withheldIfHidden returns the stand-in for x when x holds personal data behind its
// unexported fields (see hiddenValues): no copy could hide it, and the type's own
// methods, or fmt, print it.
func withheldIfHidden(x any) (any, bool) {
	pl := planFor(reflect.TypeOf(x))
	if len(pl.hidden) == 0 && !pl.hiddenDeep || !holdsHidden(x, true) {
		return x, false
	}
	return withheldNote(x), true
}
