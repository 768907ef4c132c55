package piivet

import (
	"go/types"
	"reflect"

	"github.com/ef8f9424/pii"
	"golang.org/x/tools/go/analysis"
)

// Tagged is the fact that a named type carries pii tags: a field at or under it, through
// pointers, slices, arrays, maps and nested structs, is tagged as personal data (or has
// a tag the library refuses, which hides nothing at run time either). Packages that use
// the type learn it from this fact.
type Tagged struct{}

// AFact marks Tagged as an analysis fact.
func (*Tagged) AFact() {}

// String names the fact in analysistest's output.
func (*Tagged) String() string { return "pii-tagged" }

// carrier answers "does a value of this type carry pii tags?" for one pass: from the
// source for the package's own types, from facts for imported named types.
type carrier struct {
	pass *analysis.Pass
	memo map[types.Type]bool
	busy map[types.Type]bool
}

func newCarrier(pass *analysis.Pass) *carrier {
	return &carrier{pass: pass, memo: map[types.Type]bool{}, busy: map[types.Type]bool{}}
}

// carries reports whether a value of type t holds a field tagged as personal data.
func (c *carrier) carries(t types.Type) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if v, ok := c.memo[t]; ok {
		return v
	}
	if c.busy[t] {
		return false // a recursive type: the answer is settled further up
	}
	c.busy[t] = true
	v := c.compute(t)
	delete(c.busy, t)
	c.memo[t] = v
	return v
}

func (c *carrier) compute(t types.Type) bool {
	switch t := t.(type) {
	case *types.Named:
		// A generic type is judged by its declaration and its type arguments, never by
		// expanding instantiations, which recursive generic types make endless.
		args := t.TypeArgs()
		for i := range args.Len() {
			if c.carries(args.At(i)) {
				return true
			}
		}
		origin := t.Origin()
		obj := origin.Obj()
		if obj.Pkg() != nil && c.pass.Pkg != nil && obj.Pkg() != c.pass.Pkg {
			return c.pass.ImportObjectFact(obj, new(Tagged))
		}
		if origin != t {
			return c.carries(origin)
		}
		return c.carries(t.Underlying())
	case *types.Pointer:
		return c.carries(t.Elem())
	case *types.Slice:
		return c.carries(t.Elem())
	case *types.Array:
		return c.carries(t.Elem())
	case *types.Map:
		return c.carries(t.Key()) || c.carries(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if raw, ok := reflect.StructTag(t.Tag(i)).Lookup("pii"); ok {
				tag, err := pii.ParseTag(raw)
				if err != nil || tag.Class == pii.PII {
					return true
				}
			}
			if c.carries(t.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// exportFacts records Tagged for every package-level named type of the pass that carries
// tags.
func (c *carrier) exportFacts() {
	if c.pass.Pkg == nil {
		return
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if c.carries(tn.Type()) {
			c.pass.ExportObjectFact(tn, new(Tagged))
		}
	}
}
