package piivet

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"github.com/ef8f9424/pii"
	"golang.org/x/tools/go/analysis"
)

// checkInstances reports, for each instantiation of a generic struct in the pass, a pii
// tag on a field of a type parameter's type that the type argument cannot hold
// (Box[float64] when Box has V T `pii:"phone"`), as the library refuses it at run time.
// Each instantiated type is reported once, where the package first meets it: written
// out (Box[float64]), or only inferred, as the type of an expression (NewBox(3.5)) or
// one a type so met holds (a function's result, a field, an element).
func checkInstances(pass *analysis.Pass) {
	// The types the package writes or infers, in the order it meets them, so that each
	// instance is found first where it is first met.
	type met struct {
		pos token.Pos
		t   types.Type
	}
	var roots []met
	for id, in := range pass.TypesInfo.Instances {
		roots = append(roots, met{id.Pos(), in.Type})
	}
	for expr, tv := range pass.TypesInfo.Types {
		roots = append(roots, met{expr.Pos(), tv.Type})
	}
	slices.SortStableFunc(roots, func(a, b met) int { return cmp.Compare(a.pos, b.pos) })
	var list []instance
	seenTypes := map[types.Type]bool{}
	for _, r := range roots {
		addInstances(r.t, r.pos, &list, seenTypes)
	}
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
		checkInstanceUntagged(pass, in.pos, name, decl, st)
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
				pass.Reportf(in.pos, "%v", &pii.TagError{Type: name, Field: st.Field(i).Name(), Tag: raw,
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
func checkInstanceUntagged(pass *analysis.Pass, pos token.Pos, name string, decl, st *types.Struct) {
	if tagsBelow(decl) || !tagsBelow(st) {
		return
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if _, tagged := reflect.StructTag(st.Tag(i)).Lookup("pii"); tagged || !f.Exported() && !f.Embedded() {
			continue
		}
		if untaggedLeaf(f.Type()) {
			pass.Reportf(pos, "pii: %s.%s has no pii tag, in a struct that holds tagged records once instantiated (CheckTagged reports it): tag it, pii:\"no\" if it is not personal data",
				name, f.Name())
		}
	}
}

// An instance is an instantiated generic named type, and where the package meets it.
type instance struct {
	pos token.Pos
	n   *types.Named
}

// addInstances appends to list, met at pos, every instantiated generic named type that t
// is or holds (through pointers, slices, arrays, maps, channels, signatures and struct
// fields), but for those that mention a type parameter, which are known only when
// instantiated in turn; seen holds the types looked at already.
func addInstances(t types.Type, pos token.Pos, list *[]instance, seen map[types.Type]bool) {
	t = types.Unalias(t)
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	switch u := t.(type) {
	case *types.Named:
		if u.TypeArgs().Len() == 0 {
			return // its fields' types are the declaration's, checked where written
		}
		if !mentionsTypeParam(u, 0) {
			*list = append(*list, instance{pos, u})
		}
		addInstances(u.Underlying(), pos, list, seen)
	case *types.Pointer:
		addInstances(u.Elem(), pos, list, seen)
	case *types.Slice:
		addInstances(u.Elem(), pos, list, seen)
	case *types.Array:
		addInstances(u.Elem(), pos, list, seen)
	case *types.Chan:
		addInstances(u.Elem(), pos, list, seen)
	case *types.Map:
		addInstances(u.Key(), pos, list, seen)
		addInstances(u.Elem(), pos, list, seen)
	case *types.Signature:
		for v := range u.Params().Variables() {
			addInstances(v.Type(), pos, list, seen)
		}
		for v := range u.Results().Variables() {
			addInstances(v.Type(), pos, list, seen)
		}
	case *types.Struct:
		for f := range u.Fields() {
			addInstances(f.Type(), pos, list, seen)
		}
	}
}
