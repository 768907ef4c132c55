package piivet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// Yields is the fact that a function returns, in a result of interface type (error,
// any), a value of a concrete type that carries pii tags on some path (func lookup(email
// string) error { return &NotFound{Email: email} }): where that result reaches a sink
// as it is, directly or through the variable it was assigned to, the value prints
// itself there (through its Error, for an error).
type Yields struct {
	Results []YieldedResult
}

// A YieldedResult is one result of a Yields function.
type YieldedResult struct {
	Index int    // which result
	Type  string // the concrete type, as a reader writes it
	Fmt   bool   // fmt and the loggers print its personal data (it does not hide itself)
	JSON  bool   // encoding/json writes its personal data
}

// AFact marks Yields as an analysis fact.
func (*Yields) AFact() {}

// String names the fact in analysistest's output.
func (y *Yields) String() string {
	s := "yields"
	for _, r := range y.Results {
		s += fmt.Sprintf(" [%d] %s", r.Index, r.Type)
	}
	return s
}

// A result is one result of a call assigned to a variable: err of u, err := find(id).
type result struct {
	call  *ast.CallExpr
	index int
	at    token.Pos
}

// settleYields finds the package's functions that return a tagged value in a result of
// interface type, and exports them as facts.
func (ck *checker) settleYields() {
	ck.yields = map[*types.Func][]YieldedResult{}
	for fd, fn := range funcDecls(ck.pass) {
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			continue
		}
		found := map[int]bool{}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) != sig.Results().Len() {
					return true
				}
				for i, r := range n.Results {
					t := ck.pass.TypesInfo.TypeOf(r)
					if found[i] || t == nil || types.IsInterface(t) || !types.IsInterface(sig.Results().At(i).Type()) ||
						ck.fl.redacted(r) || !ck.c.carries(t) {
						continue
					}
					found[i] = true
					ck.yields[fn] = append(ck.yields[fn], YieldedResult{Index: i, Type: typeString(t),
						Fmt: !ck.selfHidden(t, sink{}), JSON: ck.c.carriesAs(t, true) && !ck.selfHidden(t, sink{json: true})})
				}
			}
			return true
		})
	}
	for fn, rs := range ck.yields {
		ck.pass.ExportObjectFact(fn, &Yields{Results: rs})
	}
}

// yielded says why e, a call's result of interface type or a variable it was last set
// to, holds a value that carries pii tags and that sink s prints.
func (ck *checker) yielded(s sink, e ast.Expr) (string, bool) {
	call, index := ck.resultOf(e)
	if call == nil || ck.hidden(s) {
		return "", false
	}
	fn, ok := calleeObject(ck.pass, call.Fun).(*types.Func)
	if !ok {
		return "", false
	}
	fn = fn.Origin()
	rs, ok := ck.yields[fn]
	if !ok && fn.Pkg() != nil && fn.Pkg() != ck.pass.Pkg {
		var y Yields
		if ck.pass.ImportObjectFact(fn, &y) {
			rs = y.Results
		}
	}
	for _, r := range rs {
		if r.Index == index && (s.json && r.JSON || !s.json && r.Fmt) {
			return fmt.Sprintf("%s may return %s, which carries pii tags", calleeName(fn), r.Type), true
		}
	}
	return "", false
}

// resultOf returns the call whose result e is, and which result: e itself, or the
// variable e names, last set to one result of a call (err := lookup(x); u, err :=
// find(id)).
func (ck *checker) resultOf(e ast.Expr) (*ast.CallExpr, int) {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return call, 0
	}
	v, ok := identVar(ck.pass, e)
	if !ok {
		return nil, 0
	}
	sets := ck.fl.before(v, e.Pos())
	if len(sets) == 0 {
		return nil, 0
	}
	last := sets[len(sets)-1]
	if call, ok := ast.Unparen(last.value).(*ast.CallExpr); ok && !last.multi {
		return call, 0
	}
	for _, r := range ck.fl.results[v] {
		if r.at == last.at {
			return r.call, r.index
		}
	}
	return nil, 0
}
