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
