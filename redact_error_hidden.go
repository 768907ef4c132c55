package pii

import (
	"reflect"
	"unsafe"

	"github.com/ef8f9424/pii/internal/withheld"
)

// This file finds what a value holds in unexported interface fields: a not-found
// error's `key any`, an old-style wrapper's `err error` with no Unwrap, a Stringer's
// `v any`. No walk goes there (like encoding/json, the package takes a type's
// unexported fields for no data of its, unless their own types carry tags), but the
// type's own Error or String may print what they hold, and fmt prints it too. So an
// error's chain counts what they hold (see chainHoldsTagged and redactedError), and a
// value logged as it is that holds a tagged value there is withheld (see
// redactedOpaque).

// maxHiddenDepth bounds how deep hiddenIfaces looks into the structs a value holds by
// value, and how many values held in one another's interface fields are followed: a
// value deeper than that counts as holding a tagged one.
const maxHiddenDepth = 8

// A hiddenIface is an unexported interface field at offset from the start of the value
// that holds it.
type hiddenIface struct {
	offset uintptr
	typ    reflect.Type
}

// hiddenIfaces returns the unexported interface fields of a value of the struct type t,
// or of what t points to: its own, and those of the structs it holds by value, in
// fields exported or not. Embedded interfaces are no such fields (a walk goes into
// them: their methods are promoted); what pointers, slices, arrays and maps lead to is
// not looked at. A type's plan keeps them (plan.hidden).
func hiddenIfaces(t reflect.Type) []hiddenIface {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	return appendHiddenIfaces(nil, t, 0, 0)
}

// appendHiddenIfaces appends the unexported interface fields of the struct type t, whose
// value starts at base, and of the structs it holds by value (depth levels down).
func appendHiddenIfaces(hs []hiddenIface, t reflect.Type, base uintptr, depth int) []hiddenIface {
	if depth > maxHiddenDepth {
		return hs
	}
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Anonymous:
		case f.Type.Kind() == reflect.Interface && !f.IsExported():
			hs = append(hs, hiddenIface{base + f.Offset, f.Type})
		case f.Type.Kind() == reflect.Struct:
			hs = appendHiddenIfaces(hs, f.Type, base+f.Offset, depth+1)
		}
	}
	return hs
}

// hiddenValues returns the values x holds in its unexported interface fields (see
// hiddenIfaces), nil ones left out.
func hiddenValues(x any) []any {
	var out []any
	base, hs := hiddenOf(x)
	for _, h := range hs {
		if v := h.in(base); v != nil {
			out = append(out, v)
		}
	}
	return out
}

// hiddenOf returns the address of what x holds, and its unexported interface fields
// (see hiddenIfaces), none for nil. The interface's data word is the pointer, for a
// pointer, and points to the boxed value, for a struct (one that holds an interface is
// never stored in the word itself).
func hiddenOf(x any) (unsafe.Pointer, []hiddenIface) {
	if x == nil {
		return nil, nil
	}
	hs := planFor(reflect.TypeOf(x)).hidden
	if len(hs) == 0 {
		return nil, nil
	}
	base := ifaceData(x)
	if base == nil {
		return nil, nil
	}
	return base, hs
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

// holdsTaggedValue reports whether the value x, held in an unexported interface field,
// holds personal data: its type carries tags (or fails to plan), or an interface in it
// holds a value whose type does, or it holds such a value in unexported interface
// fields of its own, or an error whose chain does (depth counts the values followed).
// A map[string]any of counters holds none.
func holdsTaggedValue(x any, depth int) bool {
	if depth > maxHiddenDepth {
		return true
	}
	if e, ok := x.(error); ok {
		return chainHoldsTagged(e)
	}
	if carriesTagged(x) {
		return true
	}
	base, hs := hiddenOf(x)
	for _, h := range hs {
		if v := h.in(base); v != nil && holdsTaggedValue(v, depth+1) {
			return true
		}
	}
	return false
}

// carriesTagged reports whether a walk of x, no error, would find personal data in it:
// its type carries tags (or fails to plan), or an interface in it holds a value whose
// type does. What it holds in unexported interface fields is not looked at.
func carriesTagged(x any) bool {
	pl := planFor(reflect.TypeOf(x))
	switch {
	case pl.err != nil || pl.root.tagged:
		return true
	case pl.root.hasPII:
		return len(Default().leafTexts(x)) > 0 // what its interfaces hold, as a walk finds it
	}
	return false
}

// withheldIfHidden returns the stand-in for x when x holds a tagged value in unexported
// interface fields (see hiddenValues): no copy could hide it, and the type's own
// methods, or fmt, print it.
func withheldIfHidden(x any) (any, bool) {
	base, hs := hiddenOf(x)
	for _, h := range hs {
		if v := h.in(base); v != nil && holdsTaggedValue(v, 0) {
			return withheld.Value{Note: "!PII-REDACTED: a " + reflect.TypeOf(x).String() + " that holds personal data in unexported fields"}, true
		}
	}
	return x, false
}
