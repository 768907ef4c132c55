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
type Tagged struct {
	// HiddenFromJSON says that encoding/json writes none of those fields: each is
	// behind json:"-" or an unexported field, and no type on the way encodes itself.
	HiddenFromJSON bool
}

// AFact marks Tagged as an analysis fact.
func (*Tagged) AFact() {}

// String names the fact in analysistest's output.
func (*Tagged) String() string { return "pii-tagged" }

// carrier answers "does a value of this type carry pii tags?" for one pass: from the
// source for the package's own types, from facts for imported named types. It answers
// for fmt, which prints every field, and for encoding/json, which skips some.
type carrier struct {
	pass *analysis.Pass
	memo map[carryKey]bool
	busy map[carryKey]bool
	// tentative holds the types found to carry nothing during the outermost query: a
	// type met again inside its own cycle answered false there, so the answers under it
	// hold only if the outermost one is false too.
	tentative map[carryKey]bool
}

type carryKey struct {
	t    types.Type
	json bool // as encoding/json writes it
}

func newCarrier(pass *analysis.Pass) *carrier {
	return &carrier{pass: pass, memo: map[carryKey]bool{}, busy: map[carryKey]bool{}, tentative: map[carryKey]bool{}}
}

// carries reports whether a value of type t holds a field tagged as personal data.
func (c *carrier) carries(t types.Type) bool { return c.carriesAs(t, false) }

// carriesAs reports whether a value of type t holds a field tagged as personal data
// that fmt prints, or, with json, that encoding/json writes.
func (c *carrier) carriesAs(t types.Type, json bool) bool {
	if t == nil {
		return false
	}
	k := carryKey{types.Unalias(t), json}
	if v, ok := c.memo[k]; ok {
		return v
	}
	if c.busy[k] || c.tentative[k] {
		return false // a recursive type: the answer is settled further up
	}
	c.busy[k] = true
	v := c.compute(k.t, json)
	delete(c.busy, k)
	switch {
	case v:
		c.memo[k] = true
	case len(c.busy) > 0:
		c.tentative[k] = true
	default: // the outermost query carries nothing: neither does anything under it
		c.memo[k] = false
		for t := range c.tentative {
			c.memo[t] = false
		}
	}
	if len(c.busy) == 0 {
		clear(c.tentative)
	}
	return v
}

func (c *carrier) compute(t types.Type, json bool) bool {
	if json && encodesItself(t) {
		json = false // it may write anything it holds
	}
	switch t := t.(type) {
	case *types.Named:
		// A generic type is judged by its declaration and its type arguments, never by
		// expanding instantiations, which recursive generic types make endless.
		switch t.Underlying().(type) {
		case *types.Signature, *types.Chan:
			return false // iter.Seq[User]: fmt prints a function's address, not what it yields
		}
		args := t.TypeArgs()
		for i := range args.Len() {
			if c.carriesAs(args.At(i), json) {
				return true
			}
		}
		origin := t.Origin()
		obj := origin.Obj()
		if obj.Pkg() != nil && c.pass.Pkg != nil && obj.Pkg() != c.pass.Pkg {
			var f Tagged
			return c.pass.ImportObjectFact(obj, &f) && !(json && f.HiddenFromJSON)
		}
		if origin != t {
			return c.carriesAs(origin, json)
		}
		return c.carriesAs(t.Underlying(), json)
	case *types.Pointer:
		return c.carriesAs(t.Elem(), json)
	case *types.Slice:
		return c.carriesAs(t.Elem(), json)
	case *types.Array:
		return c.carriesAs(t.Elem(), json)
	case *types.Map:
		return c.carriesAs(t.Key(), json) || c.carriesAs(t.Elem(), json)
	case *types.Tuple: // fmt.Println(load()), the results of a call spread as arguments
		for v := range t.Variables() {
			if c.carriesAs(v.Type(), json) {
				return true
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			f := t.Field(i)
			tags := reflect.StructTag(t.Tag(i))
			if json && (tags.Get("json") == "-" || !f.Exported() && !f.Embedded()) {
				continue // encoding/json never writes it
			}
			if raw, ok := tags.Lookup("pii"); ok {
				tag, err := pii.ParseTag(raw)
				if err != nil || tag.Class == pii.PII {
					return true
				}
			}
			if c.carriesAs(f.Type(), json) {
				return true
			}
		}
	}
	return false
}

// encodesItself reports whether a JSON sink lets t write itself: it (or a pointer to
// it) has MarshalJSON or MarshalText, or String or Error, which zap.Any calls instead.
func encodesItself(t types.Type) bool {
	if _, ok := t.(*types.Named); !ok {
		return false
	}
	for _, m := range []string{"MarshalJSON", "MarshalText", "String", "Error"} {
		if types.NewMethodSet(types.NewPointer(t)).Lookup(nil, m) != nil {
			return true
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
			c.pass.ExportObjectFact(tn, &Tagged{HiddenFromJSON: !c.carriesAs(tn.Type(), true)})
		}
	}
}

// typeArgVars returns n's type arguments as variables, to be judged as a tuple.
func typeArgVars(n *types.Named) []*types.Var {
	args := n.TypeArgs()
	vars := make([]*types.Var, args.Len())
	for i := range args.Len() {
		vars[i] = types.NewParam(0, nil, "", args.At(i))
	}
	return vars
}
