package piivet

import (
	"go/ast"
	"go/types"
)

// Handler is the fact that a package builds a pii.NewHandler and sets slog's default
// logger (slog.SetDefault): a package that imports it, directly or not, logs through
// slog's default logger a handler that redacts by type. A logger built elsewhere, or
// a package that sets the default but is imported by none of the ones that log (main
// imports both), stays out of the analyzer's sight: those calls keep their hint.
type Handler struct {
	// Via names the package that sets it, for a package that only imports it: the
	// fact is passed on so, as go vet hands a package the facts of its direct
	// imports only.
	Via string
}

// AFact marks Handler as an analysis fact.
func (*Handler) AFact() {}

// String names the fact in analysistest's output.
func (h *Handler) String() string {
	if h.Via != "" {
		return "imports " + h.Via + ", which sets a pii.NewHandler as slog's default"
	}
	return "sets a pii.NewHandler as slog's default"
}

// exportHandler records Handler for the package when it builds a pii.NewHandler and
// sets slog's default logger, or imports a package that does.
func (fl *flow) exportHandler() {
	if fl.pass.ExportPackageFact == nil {
		return
	}
	switch {
	case fl.handler && fl.setsDefault:
		fl.pass.ExportPackageFact(new(Handler))
	case fl.importsHandler():
		fl.pass.ExportPackageFact(&Handler{Via: fl.handlerVia})
	}
}

// importsHandler reports whether a package the pass depends on, directly or not, sets
// a pii.NewHandler as slog's default logger.
func (fl *flow) importsHandler() bool {
	if fl.defaultKnown {
		return fl.defaultSet
	}
	fl.defaultKnown = true
	if fl.pass.AllPackageFacts == nil {
		return false
	}
	for _, f := range fl.pass.AllPackageFacts() {
		if h, ok := f.Fact.(*Handler); ok && f.Package != fl.pass.Pkg {
			fl.defaultSet, fl.handlerVia = true, h.Via
			if h.Via == "" {
				fl.handlerVia = f.Package.Path()
			}
			break
		}
	}
	return fl.defaultSet
}

// defaultLogger reports whether a call of slog's fn, on receiver recv (nil for a
// function), logs through slog's default logger: a function of the package (slog.Info,
// and slog.Any and the other attributes a call of it is given), or a method of
// slog.Default(), called on it or on a variable last set to it.
func (ck *checker) defaultLogger(fn *types.Func, recv ast.Expr) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() == nil {
		return true
	}
	for range 8 {
		if recv == nil {
			return false
		}
		if isCall(ck.pass, recv, "log/slog", "Default") {
			return true
		}
		v, ok := identVar(ck.pass, recv)
		if !ok {
			return false
		}
		recv = ck.fl.lastValue(v, recv.Pos())
	}
	return false
}

// Logs is the fact that a package-level variable is a *slog.Logger built on a
// pii.NewHandler, set only to such loggers (var Log = slog.New(pii.NewHandler(...)),
// or var Log *slog.Logger set so in a Setup function), or that a function returns, on
// every path, such a logger or one derived from it (func For(c string) *slog.Logger {
// return Log.With("component", c) }): its methods redact by type wherever it is used.
type Logs struct{}

// AFact marks Logs as an analysis fact.
func (*Logs) AFact() {}

// String names the fact in analysistest's output.
func (*Logs) String() string { return "a logger on a pii.NewHandler" }

// settleLoggers finds the package's variables and functions that hold or return a
// logger on a pii.NewHandler (each round may find one derived from another), and
// exports them as facts.
func (ck *checker) settleLoggers() {
	ck.loggers = map[types.Object]bool{}
	scope := ck.pass.Pkg.Scope()
	for changed := true; changed; {
		changed = false
		for _, name := range scope.Names() {
			v, ok := scope.Lookup(name).(*types.Var)
			if ok && !ck.loggers[v] && isSlogLogger(v.Type()) && ck.setToHandled(v) {
				ck.loggers[v], changed = true, true
			}
		}
		for fd, fn := range funcDecls(ck.pass) {
			sig := fn.Type().(*types.Signature)
			if ck.loggers[fn] || sig.Results().Len() == 0 || !isSlogLogger(sig.Results().At(0).Type()) {
				continue
			}
			results, ok := firstResults(fd)
			for _, r := range results {
				ok = ok && ck.handledLogger(r)
			}
			if ok && len(results) > 0 {
				ck.loggers[fn], changed = true, true
			}
		}
	}
	for o := range ck.loggers {
		ck.pass.ExportObjectFact(o, new(Logs))
	}
}

// setToHandled reports whether every set of the package-level variable v (in its
// package: another may set an exported one, which is not seen) gives a logger on a
// pii.NewHandler, or none (a declaration without a value), and one at least gives one.
func (ck *checker) setToHandled(v *types.Var) bool {
	handled := false
	for _, s := range ck.fl.sets[v] {
		switch {
		case s.zero:
		case s.value == nil || s.multi || s.redacted:
			return false
		case ck.handledLogger(s.value):
			handled = true
		default:
			return false
		}
	}
	return handled
}

// newsHandled reports whether call is slog.New given a pii.NewHandler call itself
// (slog.New(pii.NewHandler(h, p))): a handler that only holds one somewhere (a fan-out,
// tee{pii.NewHandler(...), slog.NewTextHandler(...)}) may log raw on another branch,
// so it is not taken as one.
func (ck *checker) newsHandled(call *ast.CallExpr) bool {
	return isCall(ck.pass, call, "log/slog", "New") && len(call.Args) == 1 && isPIICall(ck.pass, call.Args[0], "NewHandler")
}

// isSlogLogger reports whether t is *slog.Logger.
func isSlogLogger(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), "log/slog", "Logger")
}

// handledLogger reports whether recv, the receiver of a call of a *slog.Logger's
// method (or a value a variable is set to, or a function returns), is a logger on a
// pii.NewHandler (the Logs fact, or the package's own, see settleLoggers): one built
// so (see newsHandled), a variable that holds one, a call of a function that returns
// one (logging.For("billing")), directly, through a local copy, or through With and
// WithGroup. It is the one test of such a logger, for variables, functions and calls.
func (ck *checker) handledLogger(recv ast.Expr) bool {
	for range 8 {
		switch e := ast.Unparen(recv).(type) {
		case *ast.CallExpr: // logging.Log.With("req", id), logging.For("billing")
			if ck.newsHandled(e) {
				return true
			}
			fn, isFn := calleeObject(ck.pass, e.Fun).(*types.Func)
			if !isFn || fn.Pkg() == nil {
				return false
			}
			if ck.loggers[fn.Origin()] || fn.Pkg() != ck.pass.Pkg && ck.pass.ImportObjectFact(fn.Origin(), new(Logs)) {
				return true
			}
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok || fn.Pkg().Path() != "log/slog" || fn.Name() != "With" && fn.Name() != "WithGroup" {
				return false
			}
			recv = sel.X
			continue
		case *ast.Ident, *ast.SelectorExpr:
			v, ok := calleeObject(ck.pass, e).(*types.Var)
			if !ok {
				return false
			}
			if ck.loggers[v] || v.Pkg() != nil && v.Pkg() != ck.pass.Pkg && ck.pass.ImportObjectFact(v, new(Logs)) {
				return true
			}
			if v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
				return false
			}
			if recv = ck.fl.lastValue(v, e.Pos()); recv == nil {
				return false
			}
			continue
		}
		return false
	}
	return false
}
