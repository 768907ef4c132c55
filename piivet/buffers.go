package piivet

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
)

// bufferWrites are the methods of strings.Builder and bytes.Buffer that add their
// argument's text to the buffer.
var bufferWrites = map[string]bool{"Write": true, "WriteString": true, "WriteByte": true, "WriteRune": true}

// isTextBuffer reports whether t is a strings.Builder or a bytes.Buffer, or a pointer
// to one: what is written to it is in its String and Bytes.
func isTextBuffer(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return isNamed(t, "strings", "Builder") || isNamed(t, "bytes", "Buffer")
}

// storeWrite records what call writes into a variable that then holds it: the text a
// strings.Builder or bytes.Buffer is given (b.WriteString(u.Email)), and what copy
// copies into a slice (copy(dst, src)).
func (fl *flow) storeWrite(call *ast.CallExpr) {
	if b, ok := calleeObject(fl.pass, call.Fun).(*types.Builtin); ok {
		if b.Name() == "copy" && len(call.Args) == 2 {
			if o := fl.object(call.Args[0]); o != nil && collects(o.Type()) {
				fl.stored[o] = append(fl.stored[o], call.Args[1])
			}
		}
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !isTextBuffer(fl.pass.TypesInfo.TypeOf(sel.X)) {
		return
	}
	if v, ok := identVar(fl.pass, sel.X); ok && fl.empties(sel.Sel.Name, call.Args) {
		fl.resets[v] = append(fl.resets[v], call.Pos()) // b.Reset(), not s.buf.Reset()
	}
	if o := fl.object(sel.X); o != nil && len(call.Args) == 1 && bufferWrites[sel.Sel.Name] {
		fl.stored[o] = append(fl.stored[o], call.Args[0])
	}
}

// empties reports whether a text buffer's method name, given args, empties it: Reset,
// or Truncate(0).
func (fl *flow) empties(name string, args []ast.Expr) bool {
	switch {
	case name == "Reset" && len(args) == 0:
		return true
	case name == "Truncate" && len(args) == 1:
		tv := fl.pass.TypesInfo.Types[args[0]]
		return tv.Value != nil && constant.Sign(tv.Value) == 0
	}
	return false
}

// storedAt returns what was stored into v that it may hold at use: all of it, but for a
// strings.Builder or bytes.Buffer emptied where it runs first on every path to use (see
// runsFirst), what was written to it before, unless what was written may hold what it
// held (s := b.String(); b.Reset(); b.WriteString(s): see refersBack). Its own methods,
// called with a pointer to it, are no escape: they are what the flow follows.
func (fl *flow) storedAt(v types.Object, use token.Pos) []ast.Expr {
	stored := fl.stored[v]
	x, ok := v.(*types.Var)
	if !ok || len(fl.resets[v]) == 0 || fl.refersBack(x) {
		return stored
	}
	from := fl.lastFirst(x, fl.resets[v], use, pointerCalled)
	i, _ := slices.BinarySearchFunc(stored, from, func(e ast.Expr, at token.Pos) int { return cmp.Compare(e.Pos(), at) })
	return stored[i:]
}

// bufferText returns the buffer whose text call gives, when call is a strings.Builder's
// or bytes.Buffer's String or Bytes: nil otherwise.
func (fl *flow) bufferText(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 || sel.Sel.Name != "String" && sel.Sel.Name != "Bytes" {
		return nil
	}
	if !isTextBuffer(fl.pass.TypesInfo.TypeOf(sel.X)) {
		return nil
	}
	return sel.X
}
