package piivet

import (
	"go/ast"
	"go/token"
	"go/types"
)

// An escape is a way a local variable may change other than by the assignments the flow
// records where they are written: a function literal that names it runs where it is
// called, a pointer to it, or to a part of it, writes wherever it is used, and a slice
// handed elsewhere may be reordered there.
type escape uint8

const (
	captured      escape = 1 << iota // named in a function literal it is not declared in
	addressed                        // its address, or a part's, is taken: &x, &x.f
	pointerCalled                    // a method with a pointer receiver is called on it, or on a part: x.Set(u)
	// shared: a slice or array named as a value other than to read it (v[i], len(v),
	// range v, v == nil, a print of it) or to append to itself (v = append(v, u)):
	// sliced (v[1:]), handed to a function (slices.Reverse(v)), copied to another
	// variable, a method's receiver.
	shared
)

// escapesOf says how v may change other than by the assignments the flow records: what
// an overwrite of it, or an index into it, cannot be trusted to tell (see runsFirst,
// moves). Found for the whole package once, when first asked.
func (fl *flow) escapesOf(v types.Object) escape {
	if fl.escapes == nil {
		fl.escapes = map[types.Object]escape{}
		read := map[*ast.Ident]bool{}
		for _, f := range fl.pass.Files {
			fl.scanEscapes(f, nil, read)
		}
	}
	return fl.escapes[v]
}

// scanEscapes records the escapes under n, which is in the body of the function literal
// lit (nil for a declared function's). read holds the slices named only to be read,
// as their parent nodes, met first, find them.
func (fl *flow) scanEscapes(n ast.Node, lit *ast.FuncLit, read map[*ast.Ident]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			fl.scanEscapes(n.Body, n, read)
			return false
		case *ast.Ident:
			v, ok := fl.pass.TypesInfo.Uses[n].(*types.Var)
			if !ok {
				break
			}
			if lit != nil && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
				fl.escapes[v] |= captured
			}
			if indexed(v.Type()) && !read[n] {
				fl.escapes[v] |= shared
			}
		case *ast.UnaryExpr:
			if o := fl.object(n.X); n.Op == token.AND && o != nil {
				fl.escapes[o] |= addressed
			}
		case *ast.SelectorExpr:
			if o := fl.object(n.X); o != nil && fl.pointerMethod(n) {
				fl.escapes[o] |= pointerCalled
			}
		default:
			for _, id := range fl.readOnly(n) {
				read[id] = true
			}
		}
		return true
	})
}

// pointerMethod reports whether sel is a method with a pointer receiver of a value that
// is no pointer (b.WriteString of a strings.Builder b): the method is given its address.
func (fl *flow) pointerMethod(sel *ast.SelectorExpr) bool {
	s, ok := fl.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	recv, x := s.Obj().(*types.Func).Type().(*types.Signature).Recv(), fl.pass.TypesInfo.TypeOf(sel.X)
	if recv == nil || x == nil {
		return false
	}
	_, ptrRecv := recv.Type().Underlying().(*types.Pointer)
	_, ptrX := x.Underlying().(*types.Pointer)
	return ptrRecv && !ptrX
}

// readOnly returns the variables n names only to read them, or to set them whole: the
// indexed value of v[i], the operand of len, cap, copy, clear, a comparison or a
// range, what fmt and log print, the left side of an assignment, and the slice an
// append to itself adds to (v = append(v, u)).
func (fl *flow) readOnly(n ast.Node) []*ast.Ident {
	var es []ast.Expr
	switch n := n.(type) {
	case *ast.IndexExpr:
		es = []ast.Expr{n.X}
	case *ast.RangeStmt:
		es = []ast.Expr{n.X}
	case *ast.BinaryExpr:
		es = []ast.Expr{n.X, n.Y}
	case *ast.CallExpr:
		switch fn := calleeObject(fl.pass, n.Fun).(type) {
		case *types.Builtin:
			switch fn.Name() {
			case "len", "cap", "copy", "clear", "print", "println":
				es = n.Args
			}
		case *types.Func:
			if p := fn.Pkg(); p != nil && (p.Path() == "fmt" || p.Path() == "log") {
				es = n.Args
			}
		}
	case *ast.AssignStmt:
		es = n.Lhs
		for i, r := range n.Rhs {
			if i >= len(n.Lhs) {
				break
			}
			if v, ok := identVar(fl.pass, n.Lhs[i]); ok {
				if call := fl.selfAppend(r, v); call != nil {
					es = append(es, call.Args[0])
				}
			}
		}
	}
	var out []*ast.Ident
	for _, e := range es {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			out = append(out, id)
		}
	}
	return out
}
