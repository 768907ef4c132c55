package piivet

import (
	"go/ast"
	"go/types"
)

// addressOnly reports whether sink s prints e, a pointer, only as an address, as fmt
// prints one: the builtins print and println always (panic, unless it has an Error or
// String method); fmt's and log's print functions, whatever the verb, unless it points
// to a struct, array, slice or map and is given to them as an argument, not inside
// another value (fmt prints &{...} of one at the top, its address deeper: see
// sink.level), or its type has a method fmt may call (Format, Error, String,
// GoString). A pointer to personal data is then no personal data where it is printed.
func (ck *checker) addressOnly(s sink, e ast.Expr) bool {
	t := ck.pass.TypesInfo.TypeOf(e)
	if t == nil || !s.fmtArgs && !s.basic {
		return false
	}
	p, ok := t.Underlying().(*types.Pointer)
	switch {
	case !ok:
		return false
	case s.basic:
		return !s.panics || !printsItself(t)
	case printsItself(t) || hasMethod(t, "Format") || hasMethod(t, "GoString"):
		return false
	}
	switch p.Elem().Underlying().(type) {
	case *types.Struct, *types.Array, *types.Slice, *types.Map:
		return s.level > 0
	}
	return true
}

// elemAddressOnly reports whether fmt, for sink s (fmt's and log's print functions),
// prints t, the type of an element, map key or value, or pointee of what it is given,
// only as an address, where that sits at depth (0 for an argument itself, 1 or more
// inside one): a pointer to a pointer, a string or a number always, one to a struct,
// array, slice or map below the top ([]*User, map[string]*User, and **User, whose *User
// is below the top: fmt prints [0xc000010000]), unless it has a method fmt calls
// (Format, Error, String, GoString). A pointer in a struct's field is left reported
// (struct{ Owner *User }): fail closed.
func elemAddressOnly(s sink, t types.Type, depth int) bool {
	p, ok := types.Unalias(t).Underlying().(*types.Pointer)
	if !ok || !s.fmtArgs || printsItself(t) || hasMethod(t, "Format") || hasMethod(t, "GoString") {
		return false
	}
	switch p.Elem().Underlying().(type) {
	case *types.Struct, *types.Array, *types.Slice, *types.Map:
		return depth > 0
	}
	return true
}

// hasMethod reports whether t's method set has a method name.
func hasMethod(t types.Type, name string) bool {
	return types.NewMethodSet(t).Lookup(nil, name) != nil
}
