package piivet

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// jsonUnwritten returns the values that e, a composite literal of a struct (or a
// pointer to one), puts into fields encoding/json never writes: behind json:"-", or
// unexported and not embedded. Where the sink is encoding/json's, they are not written,
// as carriesAs says of the struct's type; none where the struct encodes itself
// (MarshalJSON), which may write anything it holds.
func jsonUnwritten(pass *analysis.Pass, e ast.Expr) map[ast.Expr]bool {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	t := pass.TypesInfo.TypeOf(lit)
	if t == nil || encodesItself(t) {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	out := map[ast.Expr]bool{}
	for i, el := range lit.Elts {
		field := i
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el, field = kv.Value, -1
			if id, ok := kv.Key.(*ast.Ident); ok {
				field = fieldIndex(st, id.Name)
			}
		}
		if field < 0 || field >= st.NumFields() {
			continue
		}
		f := st.Field(field)
		if reflect.StructTag(st.Tag(field)).Get("json") == "-" || !f.Exported() && !f.Embedded() {
			out[el] = true
		}
	}
	return out
}
