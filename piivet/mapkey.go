package piivet

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// redactors are the library's functions and Policy methods that redact or anonymise
// the value given last: each refuses a map keyed by personal data (pii.ErrMapKey).
var redactors = []string{"Safe", "Redact", "Redacted", "Anonymize", "Anonymized", "ForLog", "ForLogScanned"}

// keyedBy says where a value of type t holds a map whose keys carry pii tags
// (map[User]int, or a struct with such a field), and the key's type: the library
// cannot redact a key in place, nor give a copy other keys, so it refuses the map
// (pii.ErrMapKey) where it redacts it: pii.Redacted returns the error, pii.Safe and
// the adapters write !PII-REDACTION-FAILED in its place. path is how the value is
// named ("m", "s.ByUser").
func (c *carrier) keyedBy(t types.Type, path string) (string, types.Type, bool) {
	return c.keyedIn(t, path, map[types.Type]bool{}, 0)
}

func (c *carrier) keyedIn(t types.Type, path string, seen map[types.Type]bool, depth int) (string, types.Type, bool) {
	t = types.Unalias(t)
	if t == nil || seen[t] || depth > 32 {
		return "", nil, false
	}
	seen[t] = true
	if _, ok := t.(*types.TypeParam); ok {
		return "", nil, false
	}
	if leafKindOf(t, false) != lkNone {
		return "", nil, false
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		if c.carries(u.Key()) {
			return path, u.Key(), true
		}
		return c.keyedIn(u.Elem(), path+"[]", seen, depth+1)
	case *types.Pointer:
		return c.keyedIn(u.Elem(), path, seen, depth+1)
	case *types.Slice:
		return c.keyedIn(u.Elem(), path+"[]", seen, depth+1)
	case *types.Array:
		return c.keyedIn(u.Elem(), path+"[]", seen, depth+1)
	case *types.Struct:
		for f := range u.Fields() {
			// The library walks exported and embedded fields, and unexported ones whose
			// types carry tags (a map keyed by a tagged type does).
			if !f.Exported() && !f.Embedded() && !c.carries(f.Type()) {
				continue
			}
			if p, k, ok := c.keyedIn(f.Type(), path+"."+f.Name(), seen, depth+1); ok {
				return p, k, true
			}
		}
	}
	return "", nil, false
}

// redactorArg returns the value a call of one of the library's redactors is given.
func redactorArg(ck *checker, call *ast.CallExpr) (ast.Expr, bool) {
	if len(call.Args) == 0 {
		return nil, false
	}
	fn, ok := typeutil.Callee(ck.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != piiPath || !slices.Contains(redactors, fn.Origin().Name()) {
		return nil, false
	}
	return call.Args[len(call.Args)-1], true
}

// checkKeyed reports a call of one of the library's redactors given a value that
// holds a map keyed by personal data, which the library refuses.
func (ck *checker) checkKeyed(call *ast.CallExpr) {
	arg, ok := redactorArg(ck, call)
	if !ok || !ck.report {
		return
	}
	t := ck.pass.TypesInfo.TypeOf(arg)
	if t == nil {
		return
	}
	if path, key, ok := ck.c.keyedBy(t, types.ExprString(arg)); ok {
		ck.pass.Reportf(arg.Pos(), "pii: %s is a map keyed by %s, which carries pii tags: the library cannot redact a map key, and refuses the map (pii.ErrMapKey), so pii.Redacted returns an error and pii.Safe and the adapters write !PII-REDACTION-FAILED in its place: key it by a field that is no personal data (an ID), and keep the record in the map's values",
			path, typeString(key))
	}
}

// keyedArg reports arg, given to a sink (named to), when it holds a map keyed by
// personal data: whether the sink prints it as it is or an adapter redacts it, its keys
// reach no reader redacted. It reports whether it reported.
func (ck *checker) keyedArg(s sink, to string, arg ast.Expr) bool {
	t := ck.pass.TypesInfo.TypeOf(arg)
	if t == nil {
		return false
	}
	path, key, ok := ck.c.keyedBy(t, types.ExprString(arg))
	if !ok {
		return false
	}
	if ck.report {
		ck.pass.Reportf(arg.Pos(), "pii: %s is a map keyed by %s, which carries pii tags, and reaches %s: the library cannot redact a map key, and refuses the map (pii.ErrMapKey), so neither pii.Safe, pii.Redacted nor a handler or adapter can log it: key it by a field that is no personal data (an ID), and keep the record in the map's values",
			path, typeString(key), to)
	}
	return true
}
