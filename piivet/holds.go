package piivet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// Holds is the fact that a function's first result, of interface type or a collection
// of its own building (a slice, array or map: not a text, which the Keeps fact
// follows), holds on some path what some of its parameters are given, by the routes
// the flow follows (func Box[T any](v T) any { return v }, func pair(k string, v any)
// []any { return []any{k, v} }): a call of it holds what those arguments hold. What a
// struct literal holds is not followed: which of its fields a sink prints is the
// Prints and Stores facts' to say (&ValidationError{Value: v}).
type Holds struct {
	Params []int // the parameters, by index
}

// AFact marks Holds as an analysis fact.
func (*Holds) AFact() {}

// String names the fact in analysistest's output: "holds [1]".
func (h *Holds) String() string { return fmt.Sprintf("holds %v", h.Params) }

// settleHolds finds the package's functions whose result holds their parameters
// (each round may find a helper of a helper).
func (fl *flow) settleHolds() {
	fl.settleParams(fl.holds, fl.heldParams)
}

// exportHolds records the package's functions whose result holds a parameter as facts.
func (fl *flow) exportHolds() {
	for fn, ps := range fl.holds {
		fl.pass.ExportObjectFact(fn, &Holds{Params: ps})
	}
}

// holdsResult reports whether t, a function's first result, may hold what it is given
// where its type does not say: an interface, or a slice, array or map (not a byte
// slice, a text) of interfaces (or values of a type parameter) or of strings and
// numbers: an argument list, a field map, a list of texts.
func holdsResult(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false // T: a call's result is of its type argument, which says
	}
	if types.IsInterface(t) {
		return true
	}
	if !isCollection(t) {
		return false
	}
	var elems []types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elems = []types.Type{u.Elem()}
	case *types.Array:
		elems = []types.Type{u.Elem()}
	case *types.Map:
		elems = []types.Type{u.Key(), u.Elem()}
	}
	for _, e := range elems {
		if types.IsInterface(e) || isBasic(e) {
			return true
		}
	}
	return false
}

// structLit reports whether e is a composite literal of a struct, or a pointer to one:
// which of its fields a sink prints is the Prints and Stores facts' to say.
func structLit(pass *analysis.Pass, e ast.Expr) bool {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return false
	}
	t := pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return false
	}
	_, isStruct := t.Underlying().(*types.Struct)
	return isStruct
}

// heldParams returns the indexes of fn's parameters (not a variadic one, nor a struct
// or a pointer to one) that some return of fd gives, or holds, in its first result, in
// order.
func (fl *flow) heldParams(fd *ast.FuncDecl, fn *types.Func) []int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || !holdsResult(sig.Results().At(0).Type()) {
		return nil
	}
	params := map[types.Object]int{}
	for i := range sig.Params().Len() {
		// A struct, or a pointer to one, says by its type what it carries: the Yields
		// fact follows it (func Boxed(c Customer) any { return c }).
		if p := sig.Params().At(i); !(sig.Variadic() && i == sig.Params().Len()-1) && !isStructish(p.Type()) {
			params[p] = i
		}
	}
	if len(params) == 0 {
		return nil
	}
	results, _ := firstResults(fd)
	var out []int
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if depth > 8 || fl.redacted(e) || structLit(fl.pass, e) {
			return
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if i, ok := params[fl.pass.TypesInfo.Uses[id]]; ok && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
		for _, held := range fl.contents(e, seen) {
			walk(held, depth+1)
		}
	}
	for _, r := range results {
		walk(r, 0)
	}
	slices.Sort(out)
	return out
}

// heldArgs returns the arguments of call that its result holds (see Holds), or nil.
func (fl *flow) heldArgs(call *ast.CallExpr) []ast.Expr {
	fn, ok := calleeObject(fl.pass, call.Fun).(*types.Func)
	if !ok {
		return nil
	}
	fn = fn.Origin()
	ps, ok := fl.holds[fn]
	if !ok && fn.Pkg() != nil && fn.Pkg() != fl.pass.Pkg {
		var h Holds
		if fl.pass.ImportObjectFact(fn, &h) {
			ps = h.Params
		}
	}
	args := paramArgs(fl.pass, call)
	var out []ast.Expr
	for _, i := range ps {
		if i < len(args) {
			out = append(out, args[i])
		}
	}
	return out
}
