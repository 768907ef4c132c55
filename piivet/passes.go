package piivet

import (
	"go/ast"
	"go/types"
)

// Passes is the fact that a function returns its first parameter as its first result
// on every path that returns (func must[T any](v T, err error) T): what its call returns
// is what it is given, so must(pii.Redacted(p, u)) is a redacted copy still.
type Passes struct{}

// AFact marks Passes as an analysis fact.
func (*Passes) AFact() {}

// String names the fact in analysistest's output.
func (*Passes) String() string { return "returns its first parameter" }

// settlePasses finds the package's functions that return their first parameter.
func (fl *flow) settlePasses() {
	for fd, fn := range funcDecls(fl.pass) {
		if fl.returnsFirstParam(fd, fn) {
			fl.passes[fn] = true
		}
	}
}

// exportPasses records the package's functions that return their first parameter as
// facts.
func (fl *flow) exportPasses() {
	for fn := range fl.passes {
		fl.pass.ExportObjectFact(fn, new(Passes))
	}
}

// returnsFirstParam reports whether every return of fd gives fn's first parameter as its
// first result, and the body uses that parameter nowhere else: a helper that sets it,
// writes into it or hands it to anything before returning it (v.Email = src.Email;
// return v) returns something else than it was given.
func (fl *flow) returnsFirstParam(fd *ast.FuncDecl, fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 || sig.Results().Len() == 0 || sig.Recv() != nil {
		return false
	}
	first := sig.Params().At(0)
	if !types.Identical(first.Type(), sig.Results().At(0).Type()) {
		return false
	}
	results, ok := firstResults(fd)
	returned := map[*ast.Ident]bool{}
	for _, r := range results {
		id, isIdent := ast.Unparen(r).(*ast.Ident)
		if !isIdent || fl.pass.TypesInfo.Uses[id] != first {
			return false
		}
		returned[id] = true
	}
	used := false // elsewhere than as a return's first result
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if id, isIdent := n.(*ast.Ident); isIdent && fl.pass.TypesInfo.Uses[id] == first && !returned[id] {
			used = true
		}
		return !used
	})
	return ok && len(results) > 0 && !used
}

// passesCall reports whether call returns what it is given first (see Passes), and that
// is a redacted copy: must(pii.Redacted(p, u)), or must(r, err) with r one.
func (fl *flow) passesCall(call *ast.CallExpr, depth int) bool {
	fn, ok := calleeObject(fl.pass, call.Fun).(*types.Func)
	if !ok || len(call.Args) == 0 || depth > 8 {
		return false
	}
	fn = fn.Origin()
	if !fl.passes[fn] && (fn.Pkg() == nil || fn.Pkg() == fl.pass.Pkg || !fl.pass.ImportObjectFact(fn, new(Passes))) {
		return false
	}
	arg := call.Args[0]
	if inner, ok := ast.Unparen(arg).(*ast.CallExpr); ok && len(call.Args) == 1 {
		return fl.redactingCallAt(inner, depth+1) // must(pii.Redacted(p, u)): the first of its results
	}
	return fl.redactedAt(arg, arg.Pos(), depth+1)
}
