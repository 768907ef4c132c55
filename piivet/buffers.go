package piivet

import (
	"go/ast"
	"go/types"
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
	if !ok || len(call.Args) != 1 || !bufferWrites[sel.Sel.Name] || !isTextBuffer(fl.pass.TypesInfo.TypeOf(sel.X)) {
		return
	}
	if o := fl.object(sel.X); o != nil {
		fl.stored[o] = append(fl.stored[o], call.Args[0])
	}
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
