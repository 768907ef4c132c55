package piivet

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// Forwards is the fact that a function hands some of its parameters (or its receiver)
// to a sink as they are: parameters of interface type (v any, args ...any) and values of
// its type parameters (v T, b Box[T]), whose contents only its callers know. A call of
// the function is checked as a call of the sink, so a logging helper, or a generic
// function instantiated with a tagged type, is no hole.
type Forwards struct {
	Recv   bool   // the receiver is handed on
	Params []int  // the parameters handed on, by index; the last may be variadic
	Sink   string // the sink they reach first, as a reader writes it: "log.Printf"
	Format int    // 1 + the index of the parameter that is their printf format; 0 if none
	JSON   bool   // the sink writes what encoding/json writes
	Slog   bool   // the sink is slog's: a hint, where the caller builds no pii.NewHandler
	// Hider is the adapter that redacts, by type, everything handed on (a zap field's
	// value: piizap.NewCore), where the caller sets it up; 0 if none or not all of it.
	Hider uint8
	// Hidden: the adapter is set up in the function's own package, so what its type
	// carries is redacted on the way, wherever the function is called from.
	Hidden bool
	// Wraps: the sink is fmt.Errorf, whose %w keeps an error whole in its result's chain.
	Wraps bool
	// Basic: the sink is a builtin (panic, println), which prints only strings and
	// numbers as they are.
	Basic bool
	// Hint: the sink is a method of a logger's interface whose implementation is not
	// known (see unknownLogger): a report is a hint.
	Hint bool
	// HintFunc: that logger is a function field, not a method of an interface (see
	// unknownFuncField).
	HintFunc bool
}

// AFact marks Forwards as an analysis fact.
func (*Forwards) AFact() {}

// String names the fact in analysistest's output: "forwards [1] to log.Printf".
func (f *Forwards) String() string {
	s := fmt.Sprintf("forwards %v to %s", f.Params, f.Sink)
	if f.Recv {
		s = fmt.Sprintf("forwards receiver and %v to %s", f.Params, f.Sink)
	}
	if f.Slog {
		s += " (slog)"
	}
	if f.Hidden {
		s += " (redacted by type)"
	}
	if f.Hint {
		s += " (hint)"
	}
	return s
}

// args returns the arguments of a call of fn (after its receiver) that reach the sink.
func (f *Forwards) args(fn *types.Func, args []ast.Expr) []ast.Expr {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	var out []ast.Expr
	for _, i := range f.Params {
		switch {
		case i >= len(args):
		case sig.Variadic() && i == sig.Params().Len()-1:
			out = append(out, args[i:]...) // args..., or each of the variadic arguments
		default:
			out = append(out, args[i])
		}
	}
	return out
}

// A forwarder knows which functions hand their arguments on: the package's own, as the
// checker finds them, and imported ones, from their facts.
type forwarder struct {
	pass    *analysis.Pass
	local   map[*types.Func]*Forwards
	methods map[string][]*types.Func // the methods of local, by name, in the order found
	touched []*types.Func            // the functions whose Forwards changed, since last reset
}

func newForwarder(pass *analysis.Pass) *forwarder {
	return &forwarder{pass: pass, local: map[*types.Func]*Forwards{}, methods: map[string][]*types.Func{}}
}

// of returns what fn (or the generic function it instantiates) hands on. The library's
// own functions redact what they are given, and testing's print to a test's log, not
// to a service's output: neither hands anything on.
func (fw *forwarder) of(fn *types.Func) (*Forwards, bool) {
	fn = fn.Origin()
	if p := fn.Pkg(); p != nil && (p.Path() == piiPath || p.Path() == "testing") {
		return nil, false
	}
	if f, ok := fw.local[fn]; ok {
		return f, true
	}
	if fn.Pkg() == nil || fn.Pkg() == fw.pass.Pkg {
		return nil, false
	}
	f := new(Forwards)
	if fw.pass.ImportObjectFact(fn, f) {
		return f, true
	}
	return nil, false
}

// add records that fn hands v, its receiver or one of its parameters, on to sink s
// (named to); s.format is 1 + the index of fn's parameter that is the format.
func (fw *forwarder) add(fn *types.Func, v *types.Var, s sink, to string) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return
	}
	f := fw.local[fn]
	if f == nil {
		f = &Forwards{Sink: to, Format: s.format, JSON: s.json, Slog: s.slog, Hider: uint8(s.hider), Hidden: s.hidden, Wraps: s.wraps, Basic: s.basic, Hint: s.hint, HintFunc: s.hintFunc}
	}
	if f.Basic && !s.basic { // a sink that prints more
		f.Basic, f.Sink = false, to
		fw.touched = append(fw.touched, fn)
	}
	if f.Hider != uint8(s.hider) && f.Hider != 0 || f.Hidden && !s.hidden { // handed where no adapter hides it
		f.Hider, f.Hidden = 0, false
		fw.touched = append(fw.touched, fn)
	}
	if f.Hint && !s.hint { // a sink known to print names the function better
		f.Hint, f.HintFunc, f.Sink, f.Format, f.JSON, f.Slog = false, false, to, s.format, s.json, s.slog
		fw.touched = append(fw.touched, fn)
	}
	if f.Slog && !s.slog { // a sink that is no hint names the function better
		f.Slog, f.Sink, f.Format, f.JSON = false, to, s.format, s.json
		fw.touched = append(fw.touched, fn)
	}
	switch {
	case sig.Recv() == v:
		if f.Recv {
			return
		}
		f.Recv = true
	default:
		i := paramIndex(sig, v)
		if i < 0 {
			return
		}
		for _, j := range f.Params {
			if j == i {
				return
			}
		}
		f.Params = append(f.Params, i)
	}
	if _, ok := fw.local[fn]; !ok && sig.Recv() != nil {
		fw.methods[fn.Name()] = append(fw.methods[fn.Name()], fn)
	}
	fw.local[fn] = f
	fw.touched = append(fw.touched, fn)
}

// paramIndex returns the index of v among the parameters of sig, or -1.
func paramIndex(sig *types.Signature, v *types.Var) int {
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}

// export records the package's forwarders as facts, for the packages that call them.
// The functions of closures, which no other package can call, are not exported.
func (fw *forwarder) export(closures map[*ast.FuncLit]*types.Func) {
	local := map[*types.Func]bool{}
	for _, fn := range closures {
		local[fn] = true
	}
	for fn, f := range fw.local {
		if !local[fn] {
			fw.pass.ExportObjectFact(fn, f)
		}
	}
}

// mentionsTypeParam reports whether t is, or is built from, a type parameter: T, *T,
// []T, Box[T].
func mentionsTypeParam(t types.Type, depth int) bool {
	if t == nil || depth > 16 {
		return false
	}
	if m, ok := types.Unalias(t).(*types.Map); ok && mentionsTypeParam(m.Key(), depth+1) {
		return true
	}
	if elem := elemOf(types.Unalias(t)); elem != nil {
		return mentionsTypeParam(elem, depth+1)
	}
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		args := t.TypeArgs()
		for i := range args.Len() {
			if mentionsTypeParam(args.At(i), depth+1) {
				return true
			}
		}
	case *types.Struct:
		for f := range t.Fields() {
			if mentionsTypeParam(f.Type(), depth+1) {
				return true
			}
		}
	}
	return false
}
