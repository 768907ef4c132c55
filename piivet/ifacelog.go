package piivet

import (
	"go/types"
	"strings"
)

// loggerMethods are the names of the methods by which a logger's interface is known,
// where no implementation of it is in sight (type Logger interface{ Printf(string,
// ...any) }, given a *log.Logger from main).
var loggerMethods = map[string]bool{
	"Print": true, "Printf": true, "Println": true,
	"Debug": true, "Debugf": true, "Info": true, "Infof": true,
	"Warn": true, "Warnf": true, "Warning": true, "Warningf": true,
	"Error": true, "Errorf": true, "Fatal": true, "Fatalf": true, "Panic": true, "Panicf": true,
	"Log": true, "Logf": true, "Trace": true, "Tracef": true,
}

// unknownLogger returns the sink a call of fn is, when fn is a method of an interface
// (not testing's TB, which prints to a test's log) named as a logger's print method and
// taking its values as ...any: a hint, as what implements it is not known where it is
// called (a logger injected from main, a *log.Logger or one that redacts; see
// implemented for one in sight). Its format,
// for a name that ends in f, is its string parameter before the values.
func unknownLogger(fn *types.Func) (sink, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !loggerMethods[fn.Name()] || !sig.Variadic() {
		return sink{}, false
	}
	if _, ok := sig.Recv().Type().Underlying().(*types.Interface); !ok {
		return sink{}, false
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "testing" {
		return sink{}, false
	}
	params := sig.Params()
	last, ok := params.At(params.Len() - 1).Type().(*types.Slice)
	if !ok {
		return sink{}, false
	}
	if iface, ok := last.Elem().Underlying().(*types.Interface); !ok || !iface.Empty() {
		return sink{}, false // ...zap.Field, ...slog.Attr: not values printed as they are
	}
	s := sink{args: allArgs, hint: true}
	if n := params.Len(); strings.HasSuffix(fn.Name(), "f") && n >= 2 && isString(params.At(n-2).Type()) {
		s.format = n - 1
	}
	return s, true
}

// implemented reports whether a type of the package, or of a package it imports,
// implements the interface fn is a method of (T or *T): a logger in sight, whose
// method is followed where it hands its values on (see implementations), and logs
// nothing where it does not (a no-op logger).
func (ck *checker) implemented(fn *types.Func) bool {
	iface, ok := fn.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	if known, ok := ck.implementedIfaces[iface]; ok {
		return known
	}
	found := false
	for _, pkg := range append([]*types.Package{ck.pass.Pkg}, ck.pass.Pkg.Imports()...) {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				continue // uninstantiated: Implements says nothing of it
			}
			if types.Implements(tn.Type(), iface) || types.Implements(types.NewPointer(tn.Type()), iface) {
				found = true
				break
			}
		}
		if found {
			break
		}
	}
	if ck.implementedIfaces == nil {
		ck.implementedIfaces = map[*types.Interface]bool{}
	}
	ck.implementedIfaces[iface] = found
	return found
}

// isString reports whether t is a string type.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// hintMessage is the report at a sink that is a hint for (see unknownLogger): what
// reaches a method of a logger's interface whose implementation is not known, held
// (as written) the value that is personal data, and how to make it safe. A field
// tagged as personal data is a string or a number: no logger can redact it by its
// type, whatever implements the interface.
// fn: the sink is a function field whose function is not known (see unknownFuncField).
func hintMessage(what, to, held string, field, fn bool) string {
	unknown := "a method of an interface whose implementation is not known here"
	if fn {
		unknown = "a function value whose function is not known here"
	}
	if field {
		return "pii: " + what + " reaches " + to + " as it is, " + unknown + " (a hint, but no logger can redact a string by its type): pass the field of pii.Redacted's copy, or wrap the value that holds it in pii.Safe"
	}
	return "pii: " + what + " reaches " + to + " as it is, " + unknown + " (a hint: fine if the logger behind it redacts by type): pass pii.Safe(" + held + "), or pii.Redacted's copy"
}
