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

// hasMethod reports whether t's method set has a method name.
func hasMethod(t types.Type, name string) bool {
	return types.NewMethodSet(t).Lookup(nil, name) != nil
}
