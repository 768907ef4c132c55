package piivet

import (
	"go/ast"
	"go/types"
)

// isCollection reports whether t is a slice, array or map: a result that may hold
// values its type does not name ([]any, logrus.Fields, []string). A byte slice is a
// text (MarshalJSON's), which the Returns fact follows where it is a getter's.
func isCollection(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return !ok || b.Kind() != types.Byte
	case *types.Array, *types.Map:
		return true
	}
	return false
}

// collected says what r, a collection a function returns whose type carries no tags
// (an argument list, a field map, a list of texts), holds that is personal data: a
// value of a type that carries tags, one that a function that yields returned, or a
// field tagged as personal data (or its text), among the elements of a literal, what
// was stored or appended into the variable returned, or what another such function
// returns (return fields(u)). A redacted copy, or a value built of them, is none.
func (ck *checker) collected(r ast.Expr) (YieldedResult, bool) {
	if ck.fl.redacted(r) || ck.builtOfCopies(r) {
		return YieldedResult{}, false
	}
	if _, y, ok := ck.yieldOf(sink{}, r); ok {
		return y, true // return fields(u), or f set to it
	}
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int) (YieldedResult, bool)
	walk = func(e ast.Expr, depth int) (YieldedResult, bool) {
		if depth > 8 {
			return YieldedResult{}, false
		}
		for _, held := range ck.fl.contents(e, seen) {
			if ck.fl.redacted(held) || ck.builtOfCopies(held) {
				continue
			}
			if y, ok := ck.returned(held); ok {
				return y, true
			}
			if why, ok := ck.fieldText(held, 0); ok {
				return YieldedResult{Type: typeString(ck.pass.TypesInfo.TypeOf(held)), Field: why, Fmt: true, JSON: true}, true
			}
			if ck.container(held) && !ck.printsHidden(sink{}, held) {
				if y, ok := walk(held, depth+1); ok {
					return y, true
				}
			}
		}
		return YieldedResult{}, false
	}
	return walk(r, 0)
}
