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
	"String": true, "Error": true, "Format": true, "GoString": true, "LogValue": true, "MarshalJSON": true, "MarshalText": true,
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
	if fn, ok := method("Format"); ok {
		return hides(fn) // called for every verb
	}
	switch s.verb {
	case "", "v", "s", "q", "x", "X":
		fn, ok := first("Error", "String")
		return ok && hides(fn)
	case "#v":
		fn, ok := method("GoString")
		return ok && hides(fn)
	}
	return false // %d of a struct prints its fields, whatever String says
}

// printedHidden reports whether a value of type t is written by sink s without its
// personal data: it prints itself so (see selfHidden), or, where fmt prints it, every
// path to a value that carries tags goes through an element, map key or value, or
// exported field whose type prints itself so ([]VUser, struct{ V VUser }): fmt calls
// the method of each of those, as of the value itself. An unexported field is printed
// without its methods, so one that carries tags is printed as it is.
func (ck *checker) printedHidden(t types.Type, s sink) bool {
	return ck.selfHidden(t, s) || !s.json && !s.slog && !s.reads && !s.basic && ck.c.carries(t) && ck.partsHidden(t, s, 0)
}

// partsHidden reports whether every part of t that fmt prints (see printedHidden) and
// that carries tags prints itself without its personal data.
func (ck *checker) partsHidden(t types.Type, s sink, depth int) bool {
	if depth > 8 {
		return false
	}
	part := func(t types.Type) bool {
		if types.IsInterface(t) {
			return false // it may hold anything: the values put there are looked at
		}
		return !ck.c.carries(t) && !opaque(t, 0) || ck.selfHidden(t, s) || ck.partsHidden(t, s, depth+1)
	}
	// An element, key or pointee that is itself a pointer fmt may print as its address
	// alone ([]*User, **User: see elemAddressOnly).
	elem := func(t types.Type) bool { return elemAddressOnly(s, t, s.level+depth+1) || part(t) }
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Pointer:
		return elem(u.Elem())
	case *types.Slice:
		return elem(u.Elem())
	case *types.Array:
		return elem(u.Elem())
	case *types.Map:
		return elem(u.Key()) && elem(u.Elem())
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if personalField(u, f.Name()) && f.Name() != "_" {
				return false // tagged as personal data itself: its type says nothing
			}
			if !f.Exported() && ck.c.carries(f.Type()) {
				return false // fmt prints it without calling its methods
			}
			if !part(f.Type()) {
				return false
			}
		}
		return true
	}
	return false
}
