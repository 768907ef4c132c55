package piivet

import (
	"go/ast"
	"go/types"
)

// safeUnread reports arg, given to a sink that reads the value's fields itself
// (encoding/xml, a template), when it is pii.Safe's wrapper: it has no exported field,
// so encoding/xml writes an empty element and a template fails on {{.Email}}. Nothing
// leaks, but nothing is written either. It reports whether arg is such a wrapper.
func (ck *checker) safeUnread(s sink, to string, arg ast.Expr) bool {
	if !s.reads || !isNamed(ck.pass.TypesInfo.TypeOf(arg), piiPath, "SafeValue") {
		return false
	}
	if ck.report {
		ck.pass.Reportf(arg.Pos(), "pii: %s is pii.Safe's wrapper, which %s cannot read: it has no fields, so encoding/xml writes an empty element and a template fails on a field: pass pii.Redacted's copy",
			types.ExprString(arg), to)
	}
	return true
}
