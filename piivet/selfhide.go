package piivet

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Hides is the fact that a method a printer calls to write its receiver (String, Error,
// Format, LogValue, MarshalJSON, MarshalText) calls the library on the way, or reads no
// personal data of its receiver: the type prints itself redacted (func (u User)
// String() string { return pii.Safe(u).String() }), or without it (func (e *NotFound)
// Error() string { return "no customer " + e.ID }).
type Hides struct{}

// AFact marks Hides as an analysis fact.
func (*Hides) AFact() {}

// String names the fact in analysistest's output.
func (*Hides) String() string { return "prints itself redacted" }

// printMethods are the methods through which fmt, slog and encoding/json let a value
// write itself.
var printMethods = map[string]bool{
	"String": true, "Error": true, "Format": true, "LogValue": true, "MarshalJSON": true, "MarshalText": true,
}

// findHides returns the package's print methods that call the library, and exports
// the fact for each.
func findHides(pass *analysis.Pass, c *carrier) map[*types.Func]bool {
	out := map[*types.Func]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil || !printMethods[fd.Name.Name] {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || !callsLibrary(pass, fd.Body) && !plainOnly(pass, c, fd) {
				continue
			}
			out[fn] = true
			pass.ExportObjectFact(fn, new(Hides))
		}
	}
	return out
}

// callsLibrary reports whether body calls a function or method of the library.
func callsLibrary(pass *analysis.Pass, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			found = fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == piiPath
		}
		return !found
	})
	return found
}

// plainOnly reports whether the method fd reads of its receiver only fields that are no
// personal data (func (e *NotFound) Error() string { return "no customer " + e.ID }):
// each use of the receiver selects, through fields not tagged as personal data, a field
// whose type carries no tags and holds nothing its type does not say (no interface).
// A receiver used whole, or a method called on it, may print anything.
func plainOnly(pass *analysis.Pass, c *carrier, fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) != 1 {
		return false
	}
	names := fd.Recv.List[0].Names
	if len(names) == 0 || names[0].Name == "_" {
		return true // func (Custom) String() string: the receiver is never read
	}
	recv, ok := pass.TypesInfo.Defs[names[0]].(*types.Var)
	if !ok {
		return false
	}
	plain := true
	var stack []ast.Node
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || pass.TypesInfo.Uses[id] != recv {
			return plain
		}
		// The longest chain of field selections id starts: e.Who.ID.
		var top ast.Expr = id
		for i := len(stack) - 2; i >= 0; i-- {
			sel, ok := stack[i].(*ast.SelectorExpr)
			if !ok || sel.X != top {
				break
			}
			if s, ok := pass.TypesInfo.Selections[sel]; !ok || s.Kind() != types.FieldVal {
				break
			}
			top = sel
		}
		sel, ok := top.(*ast.SelectorExpr)
		if !ok {
			plain = false // the receiver whole, or a method of it
			return false
		}
		if _, personal := fieldTag(pass.TypesInfo.Selections[sel]); personal {
			plain = false
			return false
		}
		if t := pass.TypesInfo.TypeOf(sel); t == nil || c.carries(t) || opaque(t, 0) {
			plain = false
		}
		return plain
	})
	return plain
}

// selfHidden reports whether a value of type t prints itself redacted where sink s
// writes it: the method s calls on it hides (LogValue for slog; Format, else Error,
// else String for fmt; Error, else String for zap.Any; MarshalJSON or MarshalText for
// encoding/json, and any String or Error it has too where it is not known which a
// helper's sink calls).
func (ck *checker) selfHidden(t types.Type, s sink) bool {
	ms := types.NewMethodSet(t)
	method := func(name string) (*types.Func, bool) {
		sel := ms.Lookup(nil, name)
		if sel == nil {
			return nil, false
		}
		fn, ok := sel.Obj().(*types.Func)
		return fn, ok
	}
	hides := func(fn *types.Func) bool {
		fn = fn.Origin()
		if ck.hides[fn] {
			return true
		}
		return fn.Pkg() != nil && fn.Pkg() != ck.pass.Pkg && ck.pass.ImportObjectFact(fn, new(Hides))
	}
	first := func(names ...string) (*types.Func, bool) {
		for _, n := range names {
			if fn, ok := method(n); ok {
				return fn, true
			}
		}
		return nil, false
	}
	switch {
	case s.slog:
		fn, ok := method("LogValue")
		return ok && hides(fn)
	case s.json && s.zapAny:
		if fn, ok := first("Error", "String"); ok {
			return hides(fn) // what zap.Any writes, alone
		}
		fallthrough
	case s.json:
		fn, ok := first("MarshalJSON", "MarshalText")
		if !ok || !hides(fn) {
			return false
		}
		for _, n := range []string{"String", "Error"} {
			if fn, ok := method(n); ok && !hides(fn) {
				return false
			}
		}
		return true
	}
	fn, ok := first("Format", "Error", "String")
	return ok && hides(fn)
}
