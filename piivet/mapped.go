package piivet

import (
	"go/ast"
	"go/types"
)

// mappedResults returns, for a call given a function literal whose result the call's
// own result holds (Map(us, func(u User, _ int) string { return u.Email }) gives a
// []string of them, as lo.Map does; a fold gives the literal's result itself), what
// that literal returns: the call's result is built of it. nil for any other call, and
// for a literal that returns a boolean (a predicate: slices.ContainsFunc).
func (fl *flow) mappedResults(call *ast.CallExpr) []ast.Expr {
	rt := fl.pass.TypesInfo.TypeOf(call)
	if rt == nil {
		return nil
	}
	var out []ast.Expr
	for _, a := range call.Args {
		lit, ok := ast.Unparen(a).(*ast.FuncLit)
		if !ok {
			continue
		}
		sig, ok := fl.pass.TypesInfo.TypeOf(lit).(*types.Signature)
		if !ok || sig.Results().Len() != 1 {
			continue
		}
		r := sig.Results().At(0).Type()
		if b, ok := r.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 || !holdsType(rt, r) {
			continue
		}
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // its own returns
			case *ast.ReturnStmt:
				if len(n.Results) == 1 {
					out = append(out, n.Results[0])
				}
			}
			return true
		})
	}
	return out
}

// holdsType reports whether a value of type t is, or holds as an element, map key or
// map value, a value of type r.
func holdsType(t, r types.Type) bool {
	if types.Identical(t, r) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return types.Identical(u.Elem(), r)
	case *types.Array:
		return types.Identical(u.Elem(), r)
	case *types.Map:
		return types.Identical(u.Elem(), r) || types.Identical(u.Key(), r)
	}
	return false
}
