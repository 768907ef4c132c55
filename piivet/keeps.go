package piivet

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
)

// Keeps is the fact that a function's first result, a text, is built on some path from
// the text of some of its text parameters, by the routes the flow follows (a
// concatenation, a change of case or space, a join, a quoting or encoding, another such
// function): func normalizeEmail(s string) string { return strings.ToLower(s) }. A call
// of it holds what those arguments hold, as strings.ToLower(u.Email) does.
type Keeps struct {
	Params []int // the parameters, by index
}

// AFact marks Keeps as an analysis fact.
func (*Keeps) AFact() {}

// String names the fact in analysistest's output: "keeps the text of [0]".
func (k *Keeps) String() string { return fmt.Sprintf("keeps the text of %v", k.Params) }

// settleKeeps finds the package's functions whose text result keeps the text of their
// parameters (each round may find a helper of a helper).
func (fl *flow) settleKeeps() {
	fl.settleParams(fl.keeps, fl.keptParams)
}

// exportKeeps records the package's functions that keep a parameter's text as facts.
func (fl *flow) exportKeeps() {
	for fn, ps := range fl.keeps {
		fl.pass.ExportObjectFact(fn, &Keeps{Params: ps})
	}
}

// keptParams returns the indexes of fn's text parameters whose text some return of fd
// gives in its first result, in order.
func (fl *flow) keptParams(fd *ast.FuncDecl, fn *types.Func) []int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || !isText(sig.Results().At(0).Type()) {
		return nil
	}
	params := map[types.Object]int{}
	for i := range sig.Params().Len() {
		if p := sig.Params().At(i); isText(p.Type()) && !(sig.Variadic() && i == sig.Params().Len()-1) {
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
		if depth > 8 || fl.redacted(e) {
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

// keptArgs returns the arguments of call whose text its result keeps (see Keeps), or
// nil. A call that gives its variadic values as a slice (f(u.Email, parts...)) is
// followed as any other: Keeps names no variadic parameter (see keptParams), and the
// arguments before the slice are the parameters before it, one for one.
func (fl *flow) keptArgs(call *ast.CallExpr) []ast.Expr {
	fn, ok := calleeObject(fl.pass, call.Fun).(*types.Func)
	if !ok {
		return nil
	}
	fn = fn.Origin()
	ps, ok := fl.keeps[fn]
	if !ok && fn.Pkg() != nil && fn.Pkg() != fl.pass.Pkg {
		var k Keeps
		if fl.pass.ImportObjectFact(fn, &k) {
			ps = k.Params
		}
	}
	args := paramArgs(fl.pass, call) // N.norm(n, s): its receiver comes first
	var out []ast.Expr
	for _, i := range ps {
		if i < len(args) {
			out = append(out, args[i])
		}
	}
	return out
}

// isText reports whether t is a string or a byte slice.
func isText(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}
