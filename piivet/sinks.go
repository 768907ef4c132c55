package piivet

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// piiPath is the library's import path.
const piiPath = "github.com/ef8f9424/pii"

// A sink is a function that prints or encodes what it is given as it is.
type sink struct {
	args func(call *ast.CallExpr) []ast.Expr // the arguments that reach the output
	slog bool                                // a slog call: a hint, the handler may redact
}

// allArgs returns every argument; valueArg(i) only the i-th.
func allArgs(call *ast.CallExpr) []ast.Expr { return call.Args }

func valueArg(i int) func(*ast.CallExpr) []ast.Expr {
	return func(call *ast.CallExpr) []ast.Expr {
		if i < len(call.Args) {
			return call.Args[i : i+1]
		}
		return nil
	}
}

// fieldsArg returns the values of a logrus.Fields literal.
func fieldsArg(call *ast.CallExpr) []ast.Expr {
	if len(call.Args) == 0 {
		return nil
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []ast.Expr
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			out = append(out, kv.Value)
		}
	}
	return out
}

// sinkOf says whether fn is a sink, and which of a call's arguments reach its output.
func sinkOf(fn *types.Func) (sink, bool) {
	if fn == nil || fn.Pkg() == nil {
		return sink{}, false
	}
	name := fn.Name()
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			recv = n.Obj().Name()
		}
	}
	prefixed := func(ps ...string) bool {
		for _, p := range ps {
			if strings.HasPrefix(name, p) {
				return true
			}
		}
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt":
		if prefixed("Print", "Sprint", "Fprint", "Append") || name == "Errorf" {
			return sink{args: allArgs}, true
		}
	case "log":
		if (recv == "" || recv == "Logger") && prefixed("Print", "Fatal", "Panic") {
			return sink{args: allArgs}, true
		}
	case "encoding/json":
		if recv == "" && (name == "Marshal" || name == "MarshalIndent") {
			return sink{args: valueArg(0)}, true
		}
		if recv == "Encoder" && name == "Encode" {
			return sink{args: valueArg(0)}, true
		}
	case "go.uber.org/zap":
		if recv == "" && (name == "Any" || name == "Reflect") {
			return sink{args: valueArg(1)}, true
		}
		if recv == "SugaredLogger" && (name == "With" || levelMethod(name)) {
			return sink{args: allArgs}, true
		}
	case "github.com/rs/zerolog":
		if (recv == "Event" || recv == "Context") && (name == "Interface" || name == "Any") {
			return sink{args: valueArg(1)}, true
		}
	case "github.com/sirupsen/logrus":
		switch name {
		case "WithField":
			return sink{args: valueArg(1)}, true
		case "WithFields":
			return sink{args: fieldsArg}, true
		}
		if (recv == "" || recv == "Logger" || recv == "Entry") && (levelMethod(name) || prefixed("Print", "Trace", "Log")) {
			return sink{args: allArgs}, true
		}
	case "log/slog":
		return sink{args: allArgs, slog: true}, true
	}
	return sink{}, false
}

// levelMethod reports whether name is a leveled print method of zap's SugaredLogger or
// of logrus ("Infow", "Errorf", "Warnln", ...), which format their arguments with fmt.
func levelMethod(name string) bool {
	for _, l := range []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"} {
		if rest, ok := strings.CutPrefix(name, l); ok {
			switch rest {
			case "", "f", "w", "ln", "ing", "ingf", "ingln": // logrus has Warning, Warningf, Warningln
				return true
			}
		}
	}
	return false
}

// checkCalls reports tagged values handed to sinks.
func checkCalls(pass *analysis.Pass, c *carrier) {
	// Variables that hold pii.Redacted's copy, or were redacted (or anonymised) in place,
	// from the position where that happened.
	redacted := map[types.Object]token.Pos{}
	mark := func(id *ast.Ident, at token.Pos) {
		if o := pass.TypesInfo.ObjectOf(id); o != nil {
			if p, ok := redacted[o]; !ok || at < p {
				redacted[o] = at
			}
		}
	}
	handler := false // the package builds a pii.NewHandler
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 && len(n.Lhs) > 0 && isPIICall(pass, n.Rhs[0], "Redacted") {
					if id, ok := n.Lhs[0].(*ast.Ident); ok {
						mark(id, n.Pos())
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) == 1 && len(n.Names) > 0 && isPIICall(pass, n.Values[0], "Redacted") {
					mark(n.Names[0], n.Pos())
				}
			case *ast.CallExpr:
				if isPIICall(pass, n, "NewHandler") {
					handler = true
				}
				if (isPIICall(pass, n, "Redact") || isPIICall(pass, n, "Anonymize")) && len(n.Args) == 1 {
					if id, ok := rootIdent(n.Args[0]); ok {
						mark(id, n.End())
					}
				}
			}
			return true
		})
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			s, ok := sinkOf(fn)
			if !ok || s.slog && handler {
				return true
			}
			for _, arg := range s.args(call) {
				if fromRedacted(pass, arg, redacted) {
					continue
				}
				t := pass.TypesInfo.TypeOf(arg)
				if t == nil || !c.carries(t) {
					continue
				}
				if s.slog {
					pass.Reportf(arg.Pos(), "pii: %s (%s carries pii tags) is logged through slog, and this package never builds a pii.NewHandler: fine if the handler is set up elsewhere, otherwise wrap it in pii.Safe",
						types.ExprString(arg), typeString(t))
					continue
				}
				pass.Reportf(arg.Pos(), "pii: %s (%s carries pii tags) reaches %s as it is: wrap it in pii.Safe, or pass pii.Redacted's copy",
					types.ExprString(arg), typeString(t), calleeName(fn))
			}
			return true
		})
	}
}

// fromRedacted reports whether e is (a pointer to) a variable that, where e is, holds
// pii.Redacted's copy or was redacted in place. The check follows source order, not
// control flow: a variable redacted in one branch counts as redacted after it.
func fromRedacted(pass *analysis.Pass, e ast.Expr, redacted map[types.Object]token.Pos) bool {
	id, ok := rootIdent(e)
	if !ok {
		return false
	}
	at, ok := redacted[pass.TypesInfo.ObjectOf(id)]
	return ok && e.Pos() > at
}

// rootIdent returns the variable of x, &x or (x).
func rootIdent(e ast.Expr) (*ast.Ident, bool) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	return id, ok
}

// isPIICall reports whether e calls the library's function name.
func isPIICall(pass *analysis.Pass, e ast.Expr, name string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != piiPath {
		return false
	}
	return fn.Origin().Name() == name
}

// calleeName prints fn as a reader would write the call: "fmt.Printf", "json.Encoder.Encode".
func calleeName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		return typeString(t) + "." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
