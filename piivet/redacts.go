package piivet

import (
	"go/ast"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
)

// Redacts is the fact that a function returns, as its first result, a redacted copy
// on every path: a service's helper around pii.Redacted. What it returns is not
// reported where it is handed to a sink.
type Redacts struct{}

// AFact marks Redacts as an analysis fact.
func (*Redacts) AFact() {}

// String names the fact in analysistest's output.
func (*Redacts) String() string { return "returns a redacted copy" }

// redactingCall reports whether call returns a redacted copy: pii.Redacted,
// pii.Anonymized, or a function known to return one.
func (fl *flow) redactingCall(call *ast.CallExpr) bool { return fl.redactingCallAt(call, 0) }

// redactingCallAt is redactingCall for a call met at depth of a search (see passesCall).
func (fl *flow) redactingCallAt(call *ast.CallExpr, depth int) bool {
	if isPIICall(fl.pass, call, "Redacted") || isPIICall(fl.pass, call, "Anonymized") || fl.passesCall(call, depth) {
		return true
	}
	fn, ok := calleeObject(fl.pass, call.Fun).(*types.Func)
	if !ok {
		return false
	}
	fn = fn.Origin()
	if fl.redacts[fn] {
		return true
	}
	return fn.Pkg() != nil && fn.Pkg() != fl.pass.Pkg && fl.pass.ImportObjectFact(fn, new(Redacts))
}

// settleRedacts finds the package's functions that return a redacted copy (each round
// may find a helper of a helper).
func (fl *flow) settleRedacts() {
	fl.callGraph().settle(func(fd *ast.FuncDecl, fn *types.Func) bool {
		if !fl.redacts[fn] && fl.returnsRedacted(fd, nil) {
			fl.redacts[fn] = true
			return true
		}
		return false
	})
}

// settleBuiltRedacts adds to the package's redacting functions those that return, on
// every path, a value built of redacted copies (see builtOfCopies): a slice filled
// with them (out = append(out, r), out[i], _ = pii.Redacted(p, u)), as the same loop
// written where it is printed is. The flow settles the others before the checker
// exists: this needs the checker's knowledge of what carries tags.
func (ck *checker) settleBuiltRedacts() {
	ck.fl.callGraph().settle(func(fd *ast.FuncDecl, fn *types.Func) bool {
		if !ck.fl.redacts[fn] && ck.fl.returnsRedacted(fd, ck.builtOfCopies) {
			ck.fl.redacts[fn] = true
			// What a call of fn was judged to build is known anew.
			ck.setsBuilt, ck.storedBuilt = map[types.Object][]int8{}, map[types.Object]*storedValues{}
			return true
		}
		return false
	})
}

// funcDecls yields the functions and methods of the pass that have a body, with their
// objects.
func funcDecls(pass *analysis.Pass) iter.Seq2[*ast.FuncDecl, *types.Func] {
	return func(yield func(*ast.FuncDecl, *types.Func) bool) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
				if ok && !yield(fd, fn) {
					return
				}
			}
		}
	}
}

// exportRedacts records the package's redacting functions as facts.
func (fl *flow) exportRedacts() {
	for fn := range fl.redacts {
		fl.pass.ExportObjectFact(fn, new(Redacts))
	}
}

// returnsRedacted reports whether every return of fd gives a redacted copy (or nothing
// at all: nil, T{}, a type parameter's zero value) as its first result, and one at
// least a redacted copy; where built is not nil, a value it says is built of copies
// counts as one.
func (fl *flow) returnsRedacted(fd *ast.FuncDecl, built func(ast.Expr) bool) bool {
	results, ok := firstResults(fd)
	copies := 0
	for _, r := range results {
		switch {
		case fl.redacted(r), built != nil && built(r):
			copies++
		case !fl.empty(r):
			return false
		}
	}
	return ok && copies > 0
}

// firstResults returns the first result of every return statement of fd (not of the
// function literals in it), in source order, and false when a return gives none (a
// bare return of named results, which says nothing of what it returns).
func firstResults(fd *ast.FuncDecl) ([]ast.Expr, bool) {
	var results []ast.Expr
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				ok = false
			} else {
				results = append(results, n.Results[0])
			}
		}
		return ok
	})
	return results, ok
}

// empty reports whether e, returned, holds nothing at all.
func (fl *flow) empty(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if x.Name == "nil" {
			return true
		}
		// var zero T; return zero
		v, ok := fl.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		_, param := v.Type().(*types.TypeParam)
		sets := fl.sets[v]
		return param && len(sets) == 1 && sets[0].zero
	case *ast.CompositeLit:
		// T{}, or T{ID: c.ID, Reason: "unknown"}: constants and fields tagged as no
		// personal data only.
		for _, el := range x.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok || !fl.plain(kv.Value) {
				return false
			}
		}
		return true
	}
	return false
}

// plain reports whether e is no personal data by what it is: a constant, nil, or a
// field of a basic type tagged pii:"no" (c.ID).
func (fl *flow) plain(e ast.Expr) bool {
	if tv, ok := fl.pass.TypesInfo.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return true
	}
	x, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sel, ok := fl.pass.TypesInfo.Selections[x]
	if !ok || sel.Kind() != types.FieldVal {
		return false
	}
	if _, basic := sel.Obj().Type().Underlying().(*types.Basic); !basic {
		return false
	}
	if _, personal := fieldTag(sel); personal {
		return false
	}
	return taggedNo(sel)
}
