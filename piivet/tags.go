package piivet

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"github.com/ef8f9424/pii"
	"golang.org/x/tools/go/analysis"
)

// checkStructs reports the tag mistakes of every struct type written in the pass's
// files.
func checkStructs(pass *analysis.Pass, c *carrier) {
	names := map[*ast.StructType]string{}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				if st, ok := ts.Type.(*ast.StructType); ok && pass.Pkg != nil {
					names[st] = pass.Pkg.Name() + "." + ts.Name.Name
				}
			}
			return true
		})
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			tv, ok := pass.TypesInfo.Types[st]
			if !ok {
				return true
			}
			s, ok := tv.Type.(*types.Struct)
			if !ok {
				return true
			}
			name := names[st]
			if name == "" {
				name = typeString(s)
			}
			checkStruct(pass, c, st, s, name)
			return true
		})
	}
}

// fieldAt pairs a field of a types.Struct with where its AST declares it.
type fieldAt struct {
	v       *types.Var
	raw     string // the whole struct tag
	namePos token.Pos
	tagPos  token.Pos
}

// fieldsOf lines up the AST fields of st with the fields of s.
func fieldsOf(st *ast.StructType, s *types.Struct) []fieldAt {
	var out []fieldAt
	i := 0
	for _, af := range st.Fields.List {
		tagPos := af.Type.Pos()
		if af.Tag != nil {
			tagPos = af.Tag.Pos()
		}
		n := len(af.Names)
		if n == 0 {
			n = 1 // embedded
		}
		for j := range n {
			if i >= s.NumFields() {
				return out
			}
			pos := af.Type.Pos()
			if j < len(af.Names) {
				pos = af.Names[j].Pos()
			}
			out = append(out, fieldAt{v: s.Field(i), raw: s.Tag(i), namePos: pos, tagPos: tagPos})
			i++
		}
	}
	return out
}

func checkStruct(pass *analysis.Pass, c *carrier, st *ast.StructType, s *types.Struct, typ string) {
	fields := fieldsOf(st, s)
	anyTag, record := false, false
	for _, f := range fields {
		if _, ok := reflect.StructTag(f.raw).Lookup("pii"); ok || f.v.Embedded() && promotesTags(f.v.Type(), map[types.Type]bool{}) {
			anyTag = true // its own fields, or those an embedded struct promotes to it
		}
	}
	// A struct that holds, as its data, a struct that tags its fields (Holder{Rec
	// Record; Token string}) is a record too: CheckTagged lists its untagged leaves
	// beside Rec's. One whose only tagged value sits in an unexported field (a
	// service's cache) is not taken for one.
	record = anyTag || tagsBelow(s)
	created := ""
	for _, f := range fields {
		raw, tagged, err := pii.LookupTag(reflect.StructTag(f.raw)) // as the library reads it
		if !tagged {
			if err != nil { // a pii key that reflect cannot read
				pass.Reportf(f.tagPos, "pii: %s.%s: struct tag %q mentions pii but is not key:\"value\" form, so the library never sees it (write pii:\"kind\")",
					typ, f.v.Name(), f.raw)
				continue
			}
			// The library walks an embedded field whatever its spelling, and skips other
			// unexported ones.
			switch {
			case anyTag && !f.v.Exported() && !f.v.Embedded() && c.carries(f.v.Type()):
				pass.Reportf(f.namePos, "pii: %s.%s is unexported and holds %s, which carries pii tags: redaction hides it by those tags alone (a tag on the field is refused), fmt prints it and encoding/json never writes it; export it if the record carries it as data",
					typ, f.v.Name(), typeString(f.v.Type()))
			case record && (f.v.Exported() || f.v.Embedded()) && untaggedLeaf(f.v.Type()):
				where := "that tags its other fields"
				if !anyTag {
					where = "that holds tagged records"
				}
				pass.Reportf(f.namePos, "pii: %s.%s has no pii tag, in a struct %s (CheckTagged reports it): tag it, pii:\"no\" if it is not personal data",
					typ, f.v.Name(), where)
			}
			continue
		}
		tag, err := pii.ParseTag(raw)
		if err != nil {
			var te *pii.TagError
			if errors.As(err, &te) {
				te.Type, te.Field = typ, f.v.Name()
			}
			pass.Reportf(f.tagPos, "%v", err)
			continue
		}
		fail := func(err error) {
			pass.Reportf(f.tagPos, "%v", &pii.TagError{Type: typ, Field: f.v.Name(), Tag: raw, Err: err})
		}
		if tag.Created {
			switch {
			case !isTimeField(f.v.Type()) || !f.v.Exported():
				fail(fmt.Errorf("%w (%s is %s)", pii.ErrCreatedField, f.v.Name(), typeString(f.v.Type())))
			case created != "":
				fail(fmt.Errorf("%w (%s is marked already)", pii.ErrCreatedField, created))
			default:
				created = f.v.Name()
			}
		}
		if tag.Class != pii.PII {
			continue
		}
		if !f.v.Exported() && !f.v.Embedded() {
			fail(pii.ErrUnexportedPII)
			continue
		}
		if msg := misfit(f.v.Type(), tag.Kind, map[types.Type]bool{}); msg != "" {
			fail(fmt.Errorf("%w: %s", pii.ErrKindType, msg))
		}
	}
	checkPromotedCreated(pass, fields, typ, created)
}

// checkPromotedCreated reports an embedded struct that brings a second creation time
// (the struct has one of its own, or another embedded struct brought one), or brings
// one behind a pointer, which may be nil: the library refuses both.
func checkPromotedCreated(pass *analysis.Pass, fields []fieldAt, typ, created string) {
	for _, f := range fields {
		if !f.v.Embedded() {
			continue
		}
		t, byPointer := f.v.Type(), false
		if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			t, byPointer = p.Elem(), true
		}
		if !hasCreated(t, map[types.Type]bool{}) {
			continue
		}
		var err error
		switch {
		case created != "":
			err = fmt.Errorf("%w (%s is marked already)", pii.ErrCreatedField, created)
		case byPointer:
			err = fmt.Errorf("%w (%s is embedded by pointer, which may be nil)", pii.ErrCreatedField, f.v.Name())
		default:
			created = f.v.Name()
			continue
		}
		pass.Reportf(f.tagPos, "%v", &pii.TagError{Type: typ, Field: f.v.Name(), Tag: "no,created", Err: err})
	}
}

// hasCreated reports whether struct type t marks a creation time, on a field of its own
// or of a struct it embeds by value, at any depth, as the library finds a record's
// creation time. seen holds the answers found so far, so that each type is looked at
// once however many paths of embeddings lead to it.
func hasCreated(t types.Type, seen map[types.Type]bool) bool {
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	if found, ok := seen[t]; ok {
		return found
	}
	seen[t] = false // while t is looked at: a cycle (code that does not type-check) finds nothing
	found := false
	for i := range st.NumFields() {
		f := st.Field(i)
		raw, ok := reflect.StructTag(st.Tag(i)).Lookup("pii")
		if !ok || !f.Exported() || !isTimeField(f.Type()) {
			continue
		}
		if tag, err := pii.ParseTag(raw); err == nil && tag.Created {
			found = true
			break
		}
	}
	for f := range st.Fields() {
		if found {
			break
		}
		found = f.Embedded() && hasCreated(f.Type(), seen)
	}
	seen[t] = found
	return found
}

// promotesTags reports whether an embedded field of type t (a struct or a pointer to
// one) promotes fields with pii tags: its own, or those of a struct it embeds.
func promotesTags(t types.Type, seen map[types.Type]bool) bool {
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok || seen[t] {
		return false
	}
	seen[t] = true
	for i := range st.NumFields() {
		if _, ok := reflect.StructTag(st.Tag(i)).Lookup("pii"); ok {
			return true
		}
		if st.Field(i).Embedded() && promotesTags(st.Field(i).Type(), seen) {
			return true
		}
	}
	return false
}

// tagsBelow reports whether struct s has a pii tag, on a field of its own or on one of
// a struct its exported (or embedded) fields hold, through pointers, slices, arrays and
// map values, at any depth: the library classifies such a struct's fields by tags,
// and CheckTagged lists every one of its leaves that has none.
func tagsBelow(s *types.Struct) bool {
	return tagsBelowIn(s, map[types.Type]bool{})
}

func tagsBelowIn(t types.Type, seen map[types.Type]bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return false
	}
	seen[t] = true
	if _, ok := t.(*types.TypeParam); ok {
		return false
	}
	if leafKindOf(t, false) != lkNone {
		return false // a leaf: its fields are not the library's to walk
	}
	u := t.Underlying()
	if elem := elemOf(u); elem != nil {
		return tagsBelowIn(elem, seen)
	}
	st, ok := u.(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if _, ok := reflect.StructTag(st.Tag(i)).Lookup("pii"); ok {
			return true
		}
	}
	for f := range st.Fields() {
		if (f.Exported() || f.Embedded()) && tagsBelowIn(f.Type(), seen) {
			return true
		}
	}
	return false
}

// isStructish reports whether t is a struct or a pointer to one (an embedded field the
// library promotes).
func isStructish(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// untaggedLeaf reports whether an untagged field of type t leaves a leaf that
// CheckTagged lists: a value (not an interface, chan, func or complex number), or a struct that has no
// pii tag of its own to classify its fields. Each type is visited once: a recursive
// type with many fields (Mesh{A, B, ..., T *Mesh}) is no longer exponential.
func untaggedLeaf(t types.Type) bool {
	return untaggedLeafIn(t, map[types.Type]bool{})
}

func untaggedLeafIn(t types.Type, seen map[types.Type]bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return false // met already: it had no leaf, or is being looked at further up
	}
	seen[t] = true
	if _, ok := t.(*types.TypeParam); ok {
		return false
	}
	if leafKindOf(t, false) != lkNone {
		return true
	}
	if _, ok := isSQLNull(t); ok {
		return true
	}
	u := t.Underlying()
	if elem := elemOf(u); elem != nil {
		return untaggedLeafIn(elem, seen) // pointer, slice, array, map
	}
	switch u := u.(type) {
	case *types.Struct:
		if tagsBelow(u) {
			return false // a record: its own declaration is checked where it is written
		}
		for f := range u.Fields() {
			if (f.Exported() || f.Embedded()) && untaggedLeafIn(f.Type(), seen) {
				return true
			}
		}
	}
	return false // chan, func, complex: values the library leaves alone, and does not list
}

// misfit says why a field of type t cannot hold personal data of kind k, as the library
// would refuse it at run time, or "" when it can. Fields below with their own tags are
// checked where they are written.
func misfit(t types.Type, k pii.Kind, seen map[types.Type]bool) string {
	return misfitAt(t, k, seen, 0)
}

// The bounds of misfit: how deep it looks, and how many types. Code that does not
// type-check can hold a generic type whose every instance holds new ones (L[T]
// holding *L[L[T]] and *L[*T]), which no set of types seen would end.
const (
	maxMisfitDepth = 64
	maxMisfitTypes = 5_000
)

// misfitAt is misfit for t met at depth below the field.
func misfitAt(t types.Type, k pii.Kind, seen map[types.Type]bool, depth int) string {
	t = types.Unalias(t)
	if seen[t] || depth > maxMisfitDepth || len(seen) > maxMisfitTypes {
		return ""
	}
	if n, ok := t.(*types.Named); ok && tooDeep(n) {
		return "" // see maxTypeArgDepth
	}
	seen[t] = true
	depth++
	if _, ok := t.(*types.TypeParam); ok {
		return "" // known only when instantiated
	}
	if lk := leafKindOf(t, true); lk != lkNone {
		if !kindFits(k, lk) {
			return fmt.Sprintf("%s cannot hold %s", typeString(t), k)
		}
		return ""
	}
	if v, ok := isSQLNull(t); ok {
		return misfitAt(v, k, seen, depth)
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return misfitAt(u.Elem(), k, seen, depth)
	case *types.Slice:
		return misfitAt(u.Elem(), k, seen, depth)
	case *types.Array:
		return misfitAt(u.Elem(), k, seen, depth)
	case *types.Map:
		return misfitAt(u.Elem(), k, seen, depth)
	case *types.Interface:
		return ""
	case *types.Struct:
		members := 0
		for i := range u.NumFields() {
			f := u.Field(i)
			if !f.Exported() && !(f.Embedded() && isStructish(f.Type())) {
				continue
			}
			members++
			if _, own := reflect.StructTag(u.Tag(i)).Lookup("pii"); own {
				continue
			}
			if msg := misfitAt(f.Type(), k, seen, depth); msg != "" {
				return msg
			}
		}
		if members == 0 {
			return fmt.Sprintf("%s has no exported fields", typeString(t))
		}
		return ""
	}
	return fmt.Sprintf("%s cannot hold %s", typeString(t), k)
}
