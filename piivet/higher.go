package piivet

import (
	"fmt"
	"go/ast"
	"go/types"
)

// Calls is the fact that a function calls one of its parameters of function type with
// what another of its parameters (or its receiver) holds (func Process(u User, logf
// func(string, ...any)) { logf("%v", u) }): a call of it that gives that parameter a
// sink (Process(u, log.Printf)) hands it the other.
type Calls struct {
	Calls []ParamCall
}

// AFact marks Calls as an analysis fact.
func (*Calls) AFact() {}

// String names the fact in analysistest's output: "calls [1] with [0]".
func (c *Calls) String() string {
	s := "calls"
	for _, pc := range c.Calls {
		from := fmt.Sprint(pc.From)
		if pc.From < 0 {
			from = "receiver"
		}
		s += fmt.Sprintf(" [%d] with [%s]", pc.Fn, from)
		if pc.Wrapped {
			s += " at %w"
		}
	}
	return s
}

// A ParamCall is a call, in a function's body, of one of its parameters of function
// type (logf in func process(u User, logf func(string, ...any)) { logf("%v", u) }), with
// what another of its parameters (or its receiver) holds.
type ParamCall struct {
	Fn   int // the index of the parameter called
	From int // the index of the parameter whose value it is given; -1 for the receiver
	// Wrapped: the value is an error given at %w of a constant format
	// (errorf("context: %w", err)), which fmt.Errorf keeps whole in its result's chain.
	Wrapped bool
}

// paramCalls returns, for each function of the package, the calls of its function
// parameters with the values of its other parameters, directly or through a function
// it hands both to (func outer(u User, f func(string, ...any)) { process(u, f) }):
// settled once per package over the call graph (see callGraph.settle), as each
// function found to call one may make its callers do, and exported as Calls facts.
func (ck *checker) paramCalls() map[*types.Func][]ParamCall {
	if ck.higher != nil {
		return ck.higher
	}
	ck.higher = map[*types.Func][]ParamCall{}
	ck.fl.callGraph().settle(func(fd *ast.FuncDecl, fn *types.Func) bool {
		if pcs := ck.findParamCalls(fd, fn); len(pcs) > len(ck.higher[fn]) {
			ck.higher[fn] = pcs
			return true
		}
		return false
	})
	for fn, pcs := range ck.higher {
		ck.pass.ExportObjectFact(fn, &Calls{Calls: pcs})
	}
	return ck.higher
}

// findParamCalls returns the calls of fd's function parameters with the values of its
// other parameters (or its receiver), from what ck.higher and the Calls facts of other
// packages say of the functions it calls: a set that only grows as they do.
func (ck *checker) findParamCalls(fd *ast.FuncDecl, fn *types.Func) []ParamCall {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	var out []ParamCall
	seen := map[ParamCall]bool{}
	add := func(f int, given ast.Expr, wrapped bool) {
		from, ok := ck.paramOf(sig, given, 0)
		if pc := (ParamCall{Fn: f, From: from, Wrapped: wrapped}); ok && !seen[pc] {
			seen[pc] = true
			out = append(out, pc)
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if f, v := ck.funcParam(sig, call.Fun); v != nil {
			// Given a constant format, what it prints only by type or address (%T,
			// %p) reaches no function it may be given; what it wraps with %w stays
			// whole in fmt.Errorf's result, if that is the function.
			var typed, wrapped map[ast.Expr]bool
			if formatFunc(v.Type()) {
				spread := call.Ellipsis.IsValid()
				typed = typeOnly(ck.pass, call.Args, 1, spread, false)
				wrapped = typeOnly(ck.pass, call.Args, 1, spread, true)
			}
			for _, a := range call.Args {
				if !typed[a] {
					add(f, a, wrapped[a])
				}
			}
			return true
		}
		// process(u, f): what process does with its parameters, fd does with its own.
		recv, args := ck.split(call)
		for _, callee := range callees(ck.pass, ck.fl, call) {
			for _, pc := range ck.callsOf(callee) {
				if pc.Fn >= len(args) {
					continue
				}
				f, v := ck.funcParam(sig, args[pc.Fn])
				if given := givenFor(pc, recv, args); v != nil && given != nil {
					add(f, given, pc.Wrapped)
				}
			}
		}
		return true
	})
	return out
}

// funcParam returns the parameter of sig that e names, and its index, when it is one
// that the function never sets to something else: nil otherwise.
func (ck *checker) funcParam(sig *types.Signature, e ast.Expr) (int, *types.Var) {
	v, ok := identVar(ck.pass, e)
	if !ok || len(ck.fl.sets[v]) > 0 {
		return 0, nil
	}
	if i := paramIndex(sig, v); i >= 0 {
		return i, v
	}
	return 0, nil
}

// callsOf returns what fn's Calls fact says: the package's own, as settled so far, or
// another package's.
func (ck *checker) callsOf(fn *types.Func) []ParamCall {
	fn = fn.Origin()
	if fn.Pkg() != nil && fn.Pkg() != ck.pass.Pkg {
		var c Calls
		if ck.pass.ImportObjectFact(fn, &c) {
			return c.Calls
		}
		return nil
	}
	return ck.higher[fn]
}

// givenFor returns the argument of a call (its receiver, or one of args) that pc says
// the function called is given with: nil where the call gives none.
func givenFor(pc ParamCall, recv ast.Expr, args []ast.Expr) ast.Expr {
	switch {
	case pc.From < 0:
		return recv
	case pc.From < len(args):
		return args[pc.From]
	}
	return nil
}

// paramOf returns the index of the parameter of sig (-1 for its receiver) whose value,
// or an element or part of it that is no field of a basic type (us[0], *p, s.us; not
// us[0].ID), e is: directly, or through the local variable e names, last set to such a
// value or ranged over one.
func (ck *checker) paramOf(sig *types.Signature, e ast.Expr, depth int) (int, bool) {
	if depth > 8 || ck.basicField(e) {
		return 0, false
	}
	r := root(ck.pass, e)
	id, ok := r.(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := ck.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	if sig.Recv() == v {
		return -1, true
	}
	if i := paramIndex(sig, v); i >= 0 {
		return i, true
	}
	if from := ck.fl.lastValue(v, id.Pos()); from != nil {
		return ck.paramOf(sig, from, depth+1)
	}
	return 0, false
}

// higherOrder checks a call of a function (of the package, or of another by its Calls
// fact) that calls a parameter of function type with what another parameter holds
// (process(u, log.Printf)): where the function given is a sink, or hands its arguments
// on, that argument reaches it.
func (ck *checker) higherOrder(call *ast.CallExpr, fn *types.Func, recv ast.Expr, args []ast.Expr) {
	ck.paramCalls()
	for _, pc := range ck.callsOf(fn) {
		given := givenFor(pc, recv, args)
		if pc.Fn >= len(args) || given == nil {
			continue
		}
		for _, f := range ck.funcValues(args[pc.Fn]) {
			name := calleeName(fn)
			if s, ok := sinkOf(f); ok {
				if pc.Wrapped && s.wraps {
					continue // at %w of fmt.Errorf: kept whole in the error's chain
				}
				s.format = 0      // what the function gives it is not known to be a format's
				s.fmtArgs = false // nor to be what it is given (*p of a parameter p)
				ck.arg(s, handsOn(name, calleeName(f)), given)
				continue
			}
			if fw, ok := ck.fw.of(f); ok {
				s := sink{json: fw.JSON, slog: fw.Slog, hider: hider(fw.Hider), hidden: fw.Hidden, forwarded: true, basic: fw.Basic, hint: fw.Hint, hintFunc: fw.HintFunc}
				ck.arg(s, handsOn(name, handsOn(calleeName(f), fw.Sink)), given)
			}
		}
	}
}

// formatFunc reports whether t, a parameter's function type, takes a format and its
// arguments: a string, then ...any (func(string, ...any), a printf).
func formatFunc(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || !sig.Variadic() || sig.Params().Len() != 2 {
		return false
	}
	return isString(sig.Params().At(0).Type())
}

// funcValues returns the functions e denotes as a value: a named function or method
// (log.Printf, l.Printf), or the ones a variable was set to (logf := log.Printf).
func (ck *checker) funcValues(e ast.Expr) []*types.Func {
	if fn := funcOf(ck.pass, e); fn != nil {
		return []*types.Func{fn}
	}
	if v, ok := identVar(ck.pass, e); ok {
		return ck.fl.funcs[v]
	}
	return nil
}
