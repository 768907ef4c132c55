package piivet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// Returns is the fact that a function returns, as its first result on every path, a
// field tagged as personal data of what it is given, or its text changed (func (u User)
// Contact() string { return u.Email }, "mailto:" + u.Email, strings.ToLower(u.Email)):
// a call of it is that field where it reaches a sink.
type Returns struct {
	Why string // the field: `tagged pii:"email" at models.User.Email`
}

// AFact marks Returns as an analysis fact.
func (*Returns) AFact() {}

// String names the fact in analysistest's output.
func (r *Returns) String() string { return "returns " + r.Why }

// settleGetters finds the package's functions that return a tagged field (each round
// may find a getter of a getter), and exports them as facts.
func (ck *checker) settleGetters() {
	ck.getters = map[*types.Func]string{}
	ck.fl.callGraph().settle(func(fd *ast.FuncDecl, fn *types.Func) bool {
		if ck.getters[fn] != "" {
			return false
		}
		if why, ok := ck.returnsField(fd); ok {
			ck.getters[fn] = why
			return true
		}
		return false
	})
	for fn, why := range ck.getters {
		ck.pass.ExportObjectFact(fn, &Returns{Why: why})
	}
}

// returnsField says which tagged field every return of fd gives as its first result,
// if each gives one or a constant, and one at least a field (the first found names
// it): a getter that guards against nil (if u == nil { return "" }) is one too.
func (ck *checker) returnsField(fd *ast.FuncDecl) (string, bool) {
	results, ok := firstResults(fd)
	why := ""
	for _, r := range results {
		if tv, known := ck.pass.TypesInfo.Types[r]; known && (tv.Value != nil || tv.IsNil()) {
			continue // if u == nil { return "" }: a constant on the way
		}
		w, tagged := ck.fieldText(r, 0)
		if !tagged {
			return "", false
		}
		if why == "" {
			why = w
		}
	}
	return why, ok && why != ""
}

// fieldText says which field tagged as personal data e is, or is the text of: the
// field itself, a getter's call, or such a text changed by the routes the flow follows
// (a concatenation, a conversion, a change of case, a split or join, a part of it).
func (ck *checker) fieldText(e ast.Expr, depth int) (string, bool) {
	if depth > 8 || ck.fl.redacted(e) || ck.builtOfCopies(e) {
		return "", false // r.Email of a redacted copy r
	}
	if why, ok := taggedField(ck.pass, e); ok {
		return why, true
	}
	if _, why, ok := ck.getterField(e); ok {
		return why, true
	}
	var from []ast.Expr
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			from = []ast.Expr{x.X} // a pointer to the field: &c.Email
		}
	case *ast.BinaryExpr, *ast.SliceExpr, *ast.IndexExpr:
		from = ck.fl.contents(x, map[types.Object]bool{})
	case *ast.CallExpr:
		if isConversion(ck.pass, x) || keepsText(ck.pass, x) || ck.fl.keptArgs(x) != nil {
			from = ck.fl.contents(x, map[types.Object]bool{})
		}
	}
	for _, f := range from {
		if why, ok := ck.fieldText(f, depth+1); ok {
			return why, true
		}
	}
	return "", false
}

// getter says why e, a call of a function that returns a tagged field of what it is
// given, is personal data: not when what it is given is a redacted copy.
func (ck *checker) getter(e ast.Expr) (string, bool) {
	fn, why, ok := ck.getterField(e)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("the field %s, returned by %s", why, calleeName(fn)), true
}

// getterField returns the function e calls and the tagged field it returns, when e
// calls a getter and what it is given is not a redacted copy: e, or what e points to
// (*c.EmailPtr()), or the variable e names, last set to a getter's first result of
// several (e, ok := c.Lookup()), or, where e is read through a pointer (*p), to its
// only one; also a call of a variable set to a getter (f := c.Contact; f()).
func (ck *checker) getterField(e ast.Expr) (*types.Func, string, bool) {
	call := ck.getterCall(e)
	if call == nil {
		return nil, "", false
	}
	var bound ast.Expr
	fn, ok := calleeObject(ck.pass, call.Fun).(*types.Func)
	if v, isVar := calleeObject(ck.pass, call.Fun).(*types.Var); isVar && len(ck.fl.funcs[v]) == 1 {
		fn, ok = ck.fl.funcs[v][0], true // f := c.Contact; f()
		bound = ck.boundReceiver(call)
	}
	if !ok {
		return nil, "", false
	}
	fn = fn.Origin()
	why := ck.getters[fn]
	if why == "" && fn.Pkg() != nil && fn.Pkg() != ck.pass.Pkg {
		var r Returns
		if ck.pass.ImportObjectFact(fn, &r) {
			why = r.Why
		}
	}
	if why == "" {
		return nil, "", false
	}
	given := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := ck.pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.MethodVal {
			given = append([]ast.Expr{sel.X}, given...)
		}
	}
	if bound != nil {
		given = append(given, bound)
	}
	for _, g := range given {
		if ck.fl.redacted(g) || ck.builtOfCopies(g) {
			return nil, "", false
		}
	}
	return fn, why, true
}

// getterCall returns the call whose result e is, for getterField: e itself, what e
// points to, or a variable's value as getterField says; nil if none.
func (ck *checker) getterCall(e ast.Expr) *ast.CallExpr {
	deref := false
	for {
		star, ok := ast.Unparen(e).(*ast.StarExpr)
		if !ok {
			break
		}
		e, deref = star.X, true
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return call
	}
	v, ok := identVar(ck.pass, e)
	if !ok {
		return nil
	}
	sets := ck.fl.before(v, e.Pos())
	if len(sets) == 0 {
		return nil
	}
	if last := sets[len(sets)-1]; last.multi {
		if call, index := ck.resultOf(e); index == 0 {
			return call // e, ok := c.Lookup()
		}
		return nil
	}
	if deref {
		call, _ := ast.Unparen(ck.fl.lastValue(v, e.Pos())).(*ast.CallExpr)
		return call // p := c.EmailPtr(); *p
	}
	return nil
}
