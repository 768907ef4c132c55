package piivet

import (
	"fmt"
	"go/ast"
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
		case "WithFields": // its logrus.Fields: checkArg looks inside
			return sink{args: valueArg(0)}, true
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

// checkCalls reports tagged values handed to sinks, directly or through a function
// variable set to one.
func checkCalls(pass *analysis.Pass, c *carrier) {
	fl := newFlow(pass)
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for _, fn := range callees(pass, fl, call) {
				s, ok := sinkOf(fn)
				if !ok || s.slog && fl.handler {
					continue
				}
				args := call
				if isMethodExpr(pass, call.Fun) && len(call.Args) > 0 {
					// (*log.Logger).Printf(l, ...): the receiver comes first.
					cp := *call
					cp.Args = call.Args[1:]
					args = &cp
				}
				for _, arg := range s.args(args) {
					checkArg(pass, c, fl, s, fn, arg)
				}
				break
			}
			return true
		})
	}
}

// callees returns the function a call calls: the one it names, or the functions a
// variable it calls through was set to.
func callees(pass *analysis.Pass, fl *flow, call *ast.CallExpr) []*types.Func {
	switch o := calleeObject(pass, call.Fun).(type) {
	case *types.Func:
		return []*types.Func{o}
	case *types.Var:
		return fl.funcs[o]
	}
	return nil
}

// isMethodExpr reports whether e is a method expression, T.M or (*T).M.
func isMethodExpr(pass *analysis.Pass, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := pass.TypesInfo.Selections[sel]
	return ok && s.Kind() == types.MethodExpr
}

// checkArg reports arg, an argument that reaches the output of sink fn, when it carries
// pii tags itself or holds (as an interface, an argument list, a field map) a value
// that does.
func checkArg(pass *analysis.Pass, c *carrier, fl *flow, s sink, fn *types.Func, arg ast.Expr) {
	if fl.redacted(arg) {
		return
	}
	if t := pass.TypesInfo.TypeOf(arg); t != nil && c.carries(t) {
		report(pass, s, fn, arg, "", arg, t)
		return
	}
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int) bool
	walk = func(e ast.Expr, depth int) bool {
		if depth > 8 {
			return false
		}
		for _, held := range fl.contents(e, seen) {
			if fl.redacted(held) {
				continue
			}
			t := pass.TypesInfo.TypeOf(held)
			if t != nil && c.carries(t) {
				report(pass, s, fn, arg, types.ExprString(arg)+" holds ", held, t)
				return true
			}
			if t != nil && holdsIfaces(t, 0) && walk(held, depth+1) {
				return true
			}
		}
		return false
	}
	if t := pass.TypesInfo.TypeOf(arg); t != nil && holdsIfaces(t, 0) {
		walk(arg, 0)
	}
}

// report reports at arg that held, of type t, reaches sink fn; holder says through what
// ("args holds "), or is empty when arg is held itself.
func report(pass *analysis.Pass, s sink, fn *types.Func, arg ast.Expr, holder string, held ast.Expr, t types.Type) {
	what := fmt.Sprintf("%s%s (%s carries pii tags)", holder, types.ExprString(held), typeString(t))
	if holder != "" {
		what += ","
	}
	if s.slog {
		pass.Reportf(arg.Pos(), "pii: %s is logged through slog, and this package never builds a pii.NewHandler: fine if the handler is set up elsewhere, otherwise wrap it in pii.Safe", what)
		return
	}
	which := "reaches"
	if holder != "" {
		which = "which reaches"
	}
	pass.Reportf(arg.Pos(), "pii: %s %s %s as it is: wrap it in pii.Safe, or pass pii.Redacted's copy", what, which, calleeName(fn))
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
