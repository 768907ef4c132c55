package piivet

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// Yields is the fact that a function returns, in a result of interface type (error,
// any), a value of a concrete type that carries pii tags on some path (func lookup(email
// string) error { return &NotFound{Email: email} }), or, in a collection of its own
// building whose type carries no tags ([]any, logrus.Fields, []string), such a value or
// a field tagged as personal data (func fields(u User) logrus.Fields { return
// logrus.Fields{"email": u.Email} }): where that result reaches a sink as it is,
// directly or through the variable it was assigned to, the value prints itself there
// (through its Error, for an error), or is printed with the collection.
type Yields struct {
	Results []YieldedResult
}

// A YieldedResult is one result of a Yields function.
type YieldedResult struct {
	Index int    // which result
	Type  string // the concrete type, as a reader writes it
	Fmt   bool   // fmt and the loggers print its personal data (it does not hide itself)
	JSON  bool   // encoding/json writes its personal data
	// Field is, for a collection that holds a field tagged as personal data (its type,
	// a string, says nothing), which field: `tagged pii:"email" at models.User.Email`.
	Field string
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
// interface type (each round may find a function that returns another's result), and
// exports them as facts.
func (ck *checker) settleYields() {
	ck.yields = map[*types.Func][]YieldedResult{}
	ck.fl.callGraph().settle(func(fd *ast.FuncDecl, fn *types.Func) bool {
		sig, ok := fn.Type().(*types.Signature)
		return ok && ck.findYields(fd, fn, sig)
	})
	for fn, rs := range ck.yields {
		ck.pass.ExportObjectFact(fn, &Yields{Results: rs})
	}
}

// findYields adds to ck.yields the results of fd that return a tagged value as an
// interface, and reports whether it found one it did not know.
func (ck *checker) findYields(fd *ast.FuncDecl, fn *types.Func, sig *types.Signature) bool {
	added := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != sig.Results().Len() {
				return true
			}
			for i, r := range n.Results {
				if ck.yieldsAt(fn, i) {
					continue
				}
				var y YieldedResult
				ok := false
				switch t := sig.Results().At(i).Type(); {
				case types.IsInterface(t):
					y, ok = ck.returned(r)
				case isCollection(t) && !ck.c.carries(t):
					y, ok = ck.collected(r) // return logrus.Fields{"email": u.Email}
				}
				if ok {
					y.Index = i
					ck.yields[fn] = append(ck.yields[fn], y)
					added = true
				}
			}
		}
		return true
	})
	return added
}

// yieldsAt reports whether fn is known to yield its i-th result.
func (ck *checker) yieldsAt(fn *types.Func, i int) bool {
	for _, y := range ck.yields[fn] {
		if y.Index == i {
			return true
		}
	}
	return false
}

// returned says what r, returned as an interface, holds that carries pii tags: a value
// of a concrete type, an error fmt.Errorf wraps with %w (or errors.Join joins), or what
// a function that yields returns.
func (ck *checker) returned(r ast.Expr) (YieldedResult, bool) {
	t := ck.pass.TypesInfo.TypeOf(r)
	if t == nil || ck.fl.redacted(r) {
		return YieldedResult{}, false
	}
	if !types.IsInterface(t) {
		if !ck.c.carries(t) {
			return YieldedResult{}, false
		}
		return YieldedResult{Type: typeString(t), Fmt: !ck.selfHidden(t, sink{}),
			JSON: ck.c.carriesAs(t, true) && !ck.selfHidden(t, sink{json: true})}, true
	}
	if _, y, ok := ck.yieldOf(sink{}, r); ok {
		return YieldedResult{Type: y.Type, Fmt: y.Fmt, JSON: y.JSON}, true // return lookup(x), or err set to it
	}
	call, ok := ast.Unparen(r).(*ast.CallExpr)
	if !ok {
		return YieldedResult{}, false
	}
	for _, a := range wrappedErrors(ck.pass, call) {
		if y, ok := ck.returned(a); ok && y.Fmt {
			return YieldedResult{Type: y.Type, Fmt: true}, true // its text is in the error's
		}
	}
	return YieldedResult{}, false
}

// yielded says why e, a call's result of interface type or a variable it was last set
// to, holds a value that carries pii tags and that sink s prints.
func (ck *checker) yielded(s sink, e ast.Expr) (string, bool) {
	fn, y, ok := ck.yieldOf(s, e)
	if !ok {
		return "", false
	}
	if y.Field != "" {
		return fmt.Sprintf("%s may return the field %s in its result", calleeName(fn), y.Field), true
	}
	return fmt.Sprintf("%s may return %s, which carries pii tags", calleeName(fn), y.Type), true
}

// yieldOf returns the function whose result e is, and what it yields there that sink
// s prints.
func (ck *checker) yieldOf(s sink, e ast.Expr) (*types.Func, YieldedResult, bool) {
	return ck.yieldOfAt(s, e, 0)
}

func (ck *checker) yieldOfAt(s sink, e ast.Expr, depth int) (*types.Func, YieldedResult, bool) {
	call, index := ck.resultOf(e)
	if call == nil || depth > 8 {
		return nil, YieldedResult{}, false
	}
	// err := fmt.Errorf("ctx: %w", lookup(x)), or errors.Join of it: its text is in
	// the error's, which a printer flattens (encoding/json writes neither).
	var kept []ast.Expr
	if !s.json {
		kept = wrappedErrors(ck.pass, call)
	}
	for _, a := range kept {
		if fn, y, ok := ck.yieldOfAt(s, a, depth+1); ok {
			return fn, y, true
		}
	}
	fn, ok := calleeObject(ck.pass, call.Fun).(*types.Func)
	if !ok {
		return nil, YieldedResult{}, false
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
		// An adapter redacts a value by its type, not a string tagged as personal data.
		if r.Index == index && (s.json && r.JSON || !s.json && r.Fmt) && (r.Field != "" || !ck.hidden(s)) {
			return fn, r, true
		}
	}
	return nil, YieldedResult{}, false
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

// wrappedErrors returns the errors whose texts the error call returns holds: those
// fmt.Errorf wraps with %w, or all that errors.Join joins; nil for any other call.
func wrappedErrors(pass *analysis.Pass, call *ast.CallExpr) []ast.Expr {
	switch {
	case isCall(pass, call, "errors", "Join"):
		return call.Args
	case isCall(pass, call, "fmt", "Errorf"):
		return wrapped(pass, call.Args)
	}
	return nil
}

// wrapped returns the arguments of fmt.Errorf (args, its format first) that it wraps
// with %w, which stay whole in the chain of the error it returns: all of the errors
// when the format is not known.
func wrapped(pass *analysis.Pass, args []ast.Expr) []ast.Expr {
	if len(args) == 0 {
		return nil
	}
	var out []ast.Expr
	tv, ok := pass.TypesInfo.Types[args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		for _, a := range args[1:] {
			if isError(pass.TypesInfo.TypeOf(a)) {
				out = append(out, a)
			}
		}
		return out
	}
	verbs, _ := argVerbs(constant.StringVal(tv.Value))
	for i, v := range verbs {
		if v == 'w' && i+1 < len(args) {
			out = append(out, args[i+1])
		}
	}
	return out
}
