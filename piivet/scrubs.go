package piivet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// Scrubs is the fact that a function redacts some of its pointer parameters in place on
// every path that returns (func (s *S) scrub(u *User) { _ = s.p.Redact(u) }): a call of
// it redacts what it is given, as p.Redact(&u) does where it is written.
type Scrubs struct {
	Params []int // the parameters, by index (after any receiver)
}

// AFact marks Scrubs as an analysis fact.
func (*Scrubs) AFact() {}

// String names the fact in analysistest's output: "redacts [0] in place".
func (s *Scrubs) String() string { return fmt.Sprintf("redacts %v in place", s.Params) }

// settleScrubs finds the package's functions that redact a parameter in place (each
// round may find a helper of a helper). It reads no assignment, so it runs before the
// flow records them, which need it.
func (fl *flow) settleScrubs() {
	fl.settleParams(fl.scrubs, fl.scrubbedParams)
}

// exportScrubs records the package's functions that redact a parameter in place as
// facts.
func (fl *flow) exportScrubs() {
	for fn, ps := range fl.scrubs {
		fl.pass.ExportObjectFact(fn, &Scrubs{Params: ps})
	}
}

// scrubbedParams returns the indexes of fn's pointer parameters that a statement of
// fd's body (not one under a condition or in a loop) redacts in place, with no return
// before it but one that guards against the parameter being nil (if u == nil {
// return }), in order. A parameter assigned anywhere in the body (u = &User{}, a, b =
// b, a) is none: what it points to may then be a copy, not the caller's value. A failed redaction (if err := p.Redact(u); err != nil { return
// err }) is taken as one, as p.Redact(&u) is where it is written.
func (fl *flow) scrubbedParams(fd *ast.FuncDecl, fn *types.Func) []int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	open := map[*types.Var]int{} // the pointer parameters not yet redacted, nor given up
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if _, ptr := p.Type().Underlying().(*types.Pointer); ptr && p.Name() != "" && p.Name() != "_" {
			open[p] = i
		}
	}
	for v := range assignedVars(fl.pass, fd.Body) {
		delete(open, v) // u = &c: what is redacted then is no longer the caller's value
	}
	var out []int
	for _, st := range fd.Body.List {
		if len(open) == 0 {
			break
		}
		for _, a := range fl.redactedArgs(redactionCall(st)) {
			if v, ok := identVar(fl.pass, a); ok {
				if i, ok := open[v]; ok {
					out = append(out, i)
					delete(open, v)
				}
			}
		}
		if returns(st) {
			for v := range open {
				if !fl.nilGuard(st, v) {
					delete(open, v)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// redactionCall returns the call a statement makes as it is, where a redaction in place
// is written: p.Redact(u), _ = p.Redact(u), err := p.Redact(u), if err :=
// p.Redact(u); err != nil {...}; nil for any other statement.
func redactionCall(st ast.Stmt) *ast.CallExpr {
	var e ast.Expr
	switch st := st.(type) {
	case *ast.ExprStmt:
		e = st.X
	case *ast.AssignStmt:
		e = firstOf(st.Rhs)
	case *ast.IfStmt:
		if init, ok := st.Init.(*ast.AssignStmt); ok {
			e = firstOf(init.Rhs)
		}
	}
	call, _ := ast.Unparen(e).(*ast.CallExpr)
	return call
}

// redactedArgs returns what call redacts in place: the argument of the library's
// Redact or Anonymize, or those of a function that redacts its parameters in place
// (the package's, or another's by its Scrubs fact).
func (fl *flow) redactedArgs(call *ast.CallExpr) []ast.Expr {
	if call == nil {
		return nil
	}
	if (isPIICall(fl.pass, call, "Redact") || isPIICall(fl.pass, call, "Anonymize")) && len(call.Args) == 1 {
		return call.Args
	}
	fn, ok := calleeObject(fl.pass, call.Fun).(*types.Func)
	if !ok || call.Ellipsis.IsValid() {
		return nil
	}
	fn = fn.Origin()
	ps, ok := fl.scrubs[fn]
	if !ok && fn.Pkg() != nil && fn.Pkg() != fl.pass.Pkg {
		var s Scrubs
		if fl.pass.ImportObjectFact(fn, &s) {
			ps = s.Params
		}
	}
	args := paramArgs(fl.pass, call) // (*S).scrub(s, &u): its receiver comes first
	var out []ast.Expr
	for _, i := range ps {
		if i < len(args) {
			out = append(out, args[i])
		}
	}
	return out
}

// returns reports whether st holds a return statement (not in a function literal).
func returns(st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// nilGuard reports whether st is if v == nil { ... } (or nil == v) with no else: where
// it returns, there is nothing to redact.
func (fl *flow) nilGuard(st ast.Stmt, v *types.Var) bool {
	is, ok := st.(*ast.IfStmt)
	if !ok || is.Init != nil || is.Else != nil {
		return false
	}
	cond, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL {
		return false
	}
	x, y := cond.X, cond.Y
	if tv, ok := fl.pass.TypesInfo.Types[x]; ok && tv.IsNil() {
		x, y = y, x
	}
	w, ok := identVar(fl.pass, x)
	tv, isNil := fl.pass.TypesInfo.Types[y]
	return ok && w == v && isNil && tv.IsNil()
}

// assignedVars returns the variables that an assignment under body sets (x = ..., x,
// y = y, x, for x = range ...), in function literals too: a closure may set them.
func assignedVars(pass *analysis.Pass, body *ast.BlockStmt) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	set := func(lhs ...ast.Expr) {
		for _, e := range lhs {
			if v, ok := identVar(pass, e); ok {
				out[v] = true
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt: // u, err := ... too, where it sets the parameter u
			set(n.Lhs...)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				set(n.Key, n.Value)
			}
		}
		return true
	})
	return out
}
