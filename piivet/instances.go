package piivet

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

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
	find := instanceFinder{seen: map[types.Type]bool{}, left: maxInstanceTypes}
	for _, r := range roots {
		find.add(r.t, r.pos, 0)
	}
	seen := map[string]bool{}
	for _, in := range find.list {
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
		if ownType(pass, in.n.Obj()) {
			checkInstanceUntagged(pass, in.pos, name, decl, st)
		}
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
// reported where it is written. Only for a struct the code owns (see ownType).
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

// ownType reports whether the type named by obj is the code's own to tag: declared in
// the package analysed, or in another package of its module where the driver says which
// module that is. A generic struct of another module (samber/lo's Tuple2[string, User])
// cannot be tagged by its user, so its untagged fields are not theirs to report.
func ownType(pass *analysis.Pass, obj *types.TypeName) bool {
	p := obj.Pkg()
	if p == nil || p == pass.Pkg {
		return p != nil
	}
	if pass.Module == nil || pass.Module.Path == "" {
		return false
	}
	m := pass.Module.Path
	return p.Path() == m || strings.HasPrefix(p.Path(), m+"/")
}

// An instance is an instantiated generic named type, and where the package meets it.
type instance struct {
	pos token.Pos
	n   *types.Named
}

// An instanceFinder collects the instantiated generic named types that types hold.
type instanceFinder struct {
	list []instance
	seen map[types.Type]bool // the types looked at already
	// left is how many more types it may look at: code that does not type-check can
	// hold a type whose every instance holds new ones (L[T] holding L[L[T]]), which no
	// set of types seen would end; nor does it go deeper than maxInstanceDepth.
	left int
}

// The bounds of an instanceFinder: how many types it looks at in one package, and how
// deep into one.
const (
	maxInstanceTypes = 100_000
	maxInstanceDepth = 16
)

// add appends, met at pos, every instantiated generic named type that t is or holds
// (through pointers, slices, arrays, maps, channels, signatures and struct fields), but
// for those that mention a type parameter, which are known only when instantiated in
// turn.
func (f *instanceFinder) add(t types.Type, pos token.Pos, depth int) {
	t = types.Unalias(t)
	if t == nil || f.seen[t] || f.left <= 0 || depth > maxInstanceDepth {
		return
	}
	f.seen[t] = true
	f.left--
	depth++
	switch u := t.(type) {
	case *types.Named:
		if u.TypeArgs().Len() == 0 || mentionsTypeParam(u, 0) || tooDeep(u) {
			// A declaration's own field types are checked where it is written, and an
			// instance with type parameters where it is instantiated in turn.
			return
		}
		f.list = append(f.list, instance{pos, u})
		f.add(u.Underlying(), pos, depth)
	case *types.Pointer:
		f.add(u.Elem(), pos, depth)
	case *types.Slice:
		f.add(u.Elem(), pos, depth)
	case *types.Array:
		f.add(u.Elem(), pos, depth)
	case *types.Chan:
		f.add(u.Elem(), pos, depth)
	case *types.Map:
		f.add(u.Key(), pos, depth)
		f.add(u.Elem(), pos, depth)
	case *types.Signature:
		for v := range u.Params().Variables() {
			f.add(v.Type(), pos, depth)
		}
		for v := range u.Results().Variables() {
			f.add(v.Type(), pos, depth)
		}
	case *types.Struct:
		for fld := range u.Fields() {
			f.add(fld.Type(), pos, depth)
		}
	}
}

// maxTypeArgDepth bounds how deeply nested the type arguments of an instance the
// analyzer looks into may be (Box[List[Map[K, V]]] is three deep). Valid code nests a
// few levels; code that does not type-check can nest without end (L[T] holding
// *L[L[T]]), and each level costs go/types more to expand than the last.
const maxTypeArgDepth = 5

// tooDeep reports whether the type arguments of t, a named type, nest deeper than
// maxTypeArgDepth.
func tooDeep(t *types.Named) bool { return typeArgDepth(t, 0) > maxTypeArgDepth }

// typeArgDepth returns how deeply type arguments nest in t, met at depth, stopping once
// past maxTypeArgDepth.
func typeArgDepth(t types.Type, depth int) int {
	if depth > maxTypeArgDepth {
		return depth
	}
	deepest := depth
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		for a := range u.TypeArgs().Types() {
			deepest = max(deepest, typeArgDepth(a, depth+1))
		}
	case *types.Pointer:
		deepest = typeArgDepth(u.Elem(), depth)
	case *types.Slice:
		deepest = typeArgDepth(u.Elem(), depth)
	case *types.Array:
		deepest = typeArgDepth(u.Elem(), depth)
	case *types.Chan:
		deepest = typeArgDepth(u.Elem(), depth)
	case *types.Map:
		deepest = max(typeArgDepth(u.Key(), depth), typeArgDepth(u.Elem(), depth))
	}
	return deepest
}
