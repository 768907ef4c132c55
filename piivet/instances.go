package piivet

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"

	"github.com/ef8f9424/pii"
	"golang.org/x/tools/go/analysis"
)

// checkInstances reports, for each instantiation of a generic struct in the pass, a pii
// tag on a field of a type parameter's type that the type argument cannot hold
// (Box[float64] when Box has V T `pii:"phone"`), as the library refuses it at run time.
// Each instantiated type is reported once, where the package first writes it.
func checkInstances(pass *analysis.Pass) {
	type instance struct {
		id *ast.Ident
		n  *types.Named
	}
	var list []instance
	for id, in := range pass.TypesInfo.Instances {
		if n, ok := in.Type.(*types.Named); ok && !mentionsTypeParam(n, 0) {
			list = append(list, instance{id, n})
		}
	}
	slices.SortFunc(list, func(a, b instance) int { return cmp.Compare(a.id.Pos(), b.id.Pos()) })
	seen := map[string]bool{}
	for _, in := range list {
		name := typeString(in.n)
		if seen[name] {
			continue
		}
		seen[name] = true
		decl, ok := in.n.Origin().Underlying().(*types.Struct)
		st, ok2 := in.n.Underlying().(*types.Struct)
		if !ok || !ok2 || decl.NumFields() != st.NumFields() {
			continue
		}
		checkInstanceUntagged(pass, in.id, name, decl, st)
		for i := range decl.NumFields() {
			raw, ok := reflect.StructTag(decl.Tag(i)).Lookup("pii")
			if !ok || !mentionsTypeParam(decl.Field(i).Type(), 0) {
				continue // checked where it is declared
			}
			tag, err := pii.ParseTag(raw)
			if err != nil || tag.Class != pii.PII {
				continue
			}
			if msg := misfit(st.Field(i).Type(), tag.Kind, map[types.Type]bool{}); msg != "" {
				pass.Reportf(in.id.Pos(), "%v", &pii.TagError{Type: name, Field: st.Field(i).Name(), Tag: raw,
					Err: fmt.Errorf("%w: %s", pii.ErrKindType, msg)})
			}
		}
	}
}

// checkInstanceUntagged reports, for an instantiation whose type argument makes a
// record of a generic struct that is none by its declaration (Page[User] of type
// Page[T any] struct{ Items []T; Next string }), the exported fields with no pii tag,
// as CheckTagged lists them; a declaration that is a record by itself has them
// reported where it is written.
func checkInstanceUntagged(pass *analysis.Pass, id *ast.Ident, name string, decl, st *types.Struct) {
	if tagsBelow(decl) || !tagsBelow(st) {
		return
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if _, tagged := reflect.StructTag(st.Tag(i)).Lookup("pii"); tagged || !f.Exported() && !f.Embedded() {
			continue
		}
		if untaggedLeaf(f.Type()) {
			pass.Reportf(id.Pos(), "pii: %s.%s has no pii tag, in a struct that holds tagged records once instantiated (CheckTagged reports it): tag it, pii:\"no\" if it is not personal data",
				name, f.Name())
		}
	}
}
