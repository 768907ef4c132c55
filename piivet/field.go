package piivet

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"

	"github.com/ef8f9424/pii"
	"golang.org/x/tools/go/analysis"
)

// taggedField says whether e selects a field tagged as personal data, or selects
// inside one (u.Email, u.Address.Street, u.Phones[0], o.Buyer.Email), and names the tag
// and the field: `tagged pii:"email" at models.User.Email`.
func taggedField(pass *analysis.Pass, e ast.Expr) (string, bool) {
	for range 32 {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			sel, ok := pass.TypesInfo.Selections[x]
			if !ok || sel.Kind() != types.FieldVal {
				return "", false
			}
			if why, ok := fieldTag(sel); ok {
				return why, true
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			if _, ok := pass.TypesInfo.TypeOf(x.X).(*types.Signature); ok {
				return "", false // f[T]
			}
			e = x.X
		default:
			return "", false
		}
	}
	return "", false
}

// fieldTag says whether a field selection passes through a field (the selected one, or
// an embedded one it is promoted through) tagged as personal data, or with a tag the
// library refuses.
func fieldTag(sel *types.Selection) (string, bool) {
	t := sel.Recv()
	for _, i := range sel.Index() {
		if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := types.Unalias(t).Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return "", false
		}
		f := st.Field(i)
		if raw, ok := reflect.StructTag(st.Tag(i)).Lookup("pii"); ok {
			if tag, err := pii.ParseTag(raw); err != nil || tag.Class == pii.PII {
				return fmt.Sprintf("tagged pii:%q at %s.%s", raw, typeString(t), f.Name()), true
			}
		}
		t = f.Type()
	}
	return "", false
}

// taggedNo reports whether the field a selection ends at is tagged as no personal data.
func taggedNo(sel *types.Selection) bool {
	t := sel.Recv()
	idx := sel.Index()
	for n, i := range idx {
		if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := types.Unalias(t).Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return false
		}
		if n == len(idx)-1 {
			raw, ok := reflect.StructTag(st.Tag(i)).Lookup("pii")
			if !ok {
				return false
			}
			tag, err := pii.ParseTag(raw)
			return err == nil && tag.Class != pii.PII
		}
		t = st.Field(i).Type()
	}
	return false
}
