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
// parameters with the values of its other parameters: computed once per package, and
// exported as Calls facts.
func (ck *checker) paramCalls() map[*types.Func][]ParamCall {
	if ck.higher != nil {
		return ck.higher
	}
	ck.higher = map[*types.Func][]ParamCall{}
	defer func() {
		for fn, pcs := range ck.higher {
			ck.pass.ExportObjectFact(fn, &Calls{Calls: pcs})
		}
	}()
	for fd, fn := range funcDecls(ck.pass) {
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			continue
		}
		seen := map[ParamCall]bool{}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			v, ok := identVar(ck.pass, call.Fun)
			if !ok || len(ck.fl.sets[v]) > 0 {
				return true
			}
			f := paramIndex(sig, v)
			if f < 0 {
				return true
			}
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
				if typed[a] {
					continue
				}
				from, ok := ck.paramOf(sig, a, 0)
				pc := ParamCall{Fn: f, From: from, Wrapped: wrapped[a]}
				if ok && !seen[pc] {
					seen[pc] = true
					ck.higher[fn] = append(ck.higher[fn], pc)
				}
			}
			return true
		})
	}
	return ck.higher
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
	fn = fn.Origin()
	pcs := ck.paramCalls()[fn]
	if fn.Pkg() != nil && fn.Pkg() != ck.pass.Pkg {
		var c Calls
		if ck.pass.ImportObjectFact(fn, &c) {
			pcs = c.Calls
		}
	}
	for _, pc := range pcs {
		if pc.Fn >= len(args) {
			continue
		}
		var given ast.Expr
		switch {
		case pc.From < 0:
			given = recv
		case pc.From < len(args):
			given = args[pc.From]
		}
		if given == nil {
			continue
		}
		for _, f := range ck.funcValues(args[pc.Fn]) {
			name := calleeName(fn)
			if s, ok := sinkOf(f); ok {
				if pc.Wrapped && s.wraps {
					continue // at %w of fmt.Errorf: kept whole in the error's chain
				}
				s.format = 0 // what the function gives it is not known to be a format's
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
