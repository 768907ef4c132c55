package piivet

import (
	"go/ast"
	"go/types"
	"strings"
)

// toResponse reports whether a call of fn (a sink) writes to an HTTP response: fmt's
// Fprint functions, a template's Execute and ExecuteTemplate, and the Encode methods of
// an encoding/json or encoding/xml Encoder built on it, given an http.ResponseWriter.
// A service that shows a customer their record, or renders their profile page, sends
// it to whom it serves: that is its purpose, not a leak, and no log sees it.
func (ck *checker) toResponse(fn *types.Func, recv ast.Expr, args []ast.Expr) bool {
	if fn.Pkg() == nil {
		return false
	}
	var w ast.Expr
	switch path := fn.Pkg().Path(); {
	case path == "fmt" && strings.HasPrefix(fn.Name(), "Fprint"),
		(path == "text/template" || path == "html/template") && strings.HasPrefix(fn.Name(), "Execute"):
		if len(args) > 0 {
			w = args[0]
		}
	case path == "encoding/json" || path == "encoding/xml":
		w = ck.encoderWriter(recv, path)
	}
	if w == nil {
		return false
	}
	t := ck.pass.TypesInfo.TypeOf(w)
	return t != nil && isNamed(t, "net/http", "ResponseWriter")
}

// encoderWriter returns the writer the encoder recv was built on, where it is written:
// json.NewEncoder(w), directly or as the value a local variable was last set to.
func (ck *checker) encoderWriter(recv ast.Expr, path string) ast.Expr {
	e := recv
	if v, ok := identVar(ck.pass, e); ok {
		e = ck.fl.lastValue(v, recv.Pos())
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if ok && isCall(ck.pass, call, path, "NewEncoder") && len(call.Args) == 1 {
		return call.Args[0]
	}
	return nil
}
