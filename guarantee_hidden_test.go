package pii_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"

	"github.com/ef8f9424/pii"
)

// The holders of the guarantee test: types that keep a value behind an unexported field,
// where no walk goes, and print it by their own methods or through fmt (a lazy log
// argument, an error that names the key it failed on, a LogValuer that formats what it
// keeps, a plain struct whose %v shows its unexported fields). A value there that holds
// personal data must never show, wherever the holder sits: the library withholds it, in
// its place when an interface holds it, and with the value that holds it otherwise.

// GtLazyJSON is a Stringer that encodes what it keeps only when it is printed.
type GtLazyJSON struct{ v any }

func (l GtLazyJSON) String() string {
	b, err := json.Marshal(l.v)
	if err != nil {
		return "lazy: " + err.Error()
	}
	return string(b)
}

// GtKeyError is an error that names the key it failed on.
type GtKeyError struct {
	op  string
	key any
}

func (e GtKeyError) Error() string { return e.op + " " + fmt.Sprint(e.key) + ": not found" }

// GtLazyLog is a LogValuer that formats what it keeps.
type GtLazyLog struct{ v any }

func (l GtLazyLog) LogValue() slog.Value { return slog.StringValue(fmt.Sprintf("%+v", l.v)) }

// GtHeld has no methods: fmt prints its unexported field beside its exported one.
type GtHeld struct {
	HeldRef string `pii:"no"`
	held    any
}

// GtHeldValue keeps a slog.Value, which fmt prints as the value it holds.
type GtHeldValue struct {
	HeldValueRef string `pii:"no"`
	val          slog.Value
}

// gtHolders lists the holder types, each with how to make one around a value: ref is a
// Not PII marker for the types with an exported field, held what it keeps.
var gtHolders = []struct {
	typ  reflect.Type
	make func(ref string, held any) any
}{
	{reflect.TypeFor[GtLazyJSON](), func(_ string, held any) any { return GtLazyJSON{held} }},
	{reflect.TypeFor[GtKeyError](), func(ref string, held any) any { return GtKeyError{ref, held} }},
	{reflect.TypeFor[GtLazyLog](), func(_ string, held any) any { return GtLazyLog{held} }},
	{reflect.TypeFor[GtHeld](), func(ref string, held any) any { return GtHeld{ref, held} }},
	{reflect.TypeFor[GtHeldValue](), func(ref string, held any) any { return GtHeldValue{ref, slog.AnyValue(held)} }},
}

// gtHolderIndex finds holder type t in gtHolders, or gives -1.
func gtHolderIndex(t reflect.Type) int {
	for i, h := range gtHolders {
		if h.typ == t {
			return i
		}
	}
	return -1
}

// gtHoldsTagged reports whether v holds a value whose type has a field tagged with a
// kind, however empty (a GtContact made when the leaves ran out, a map keyed by one with
// no entry): the library counts what a value holds by its types.
func gtHoldsTagged(v reflect.Value, seen map[uintptr]bool) bool {
	if v.IsValid() && gtTagsIn(v.Type(), nil, false) {
		return true
	}
	switch v.Kind() {
	case reflect.Interface:
		return !v.IsNil() && gtHoldsTagged(v.Elem(), seen)
	case reflect.Pointer, reflect.Map:
		if v.IsNil() || seen[v.Pointer()] {
			return false
		}
		seen[v.Pointer()] = true
	}
	switch v.Kind() {
	case reflect.Pointer:
		return gtHoldsTagged(v.Elem(), seen)
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if gtHoldsTagged(v.Index(i), seen) {
				return true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if gtHoldsTagged(it.Key(), seen) || gtHoldsTagged(it.Value(), seen) {
				return true
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if gtHoldsTagged(v.Field(i), seen) { // what its interfaces hold
				return true
			}
		}
	}
	return false
}

// gtBareHolder reports whether t holds, by its type (through pointers, slices, arrays,
// maps and struct fields, not interfaces), a holder with no exported field: under a PII
// tag, a kind that type cannot hold, which a walk's plan refuses however empty the
// value is (a slice of them with no element).
func gtBareHolder(t reflect.Type) bool {
	seen := map[reflect.Type]bool{}
	var bare func(t reflect.Type) bool
	bare = func(t reflect.Type) bool {
		if seen[t] {
			return false
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			return bare(t.Elem())
		case reflect.Map:
			return bare(t.Key()) || bare(t.Elem())
		case reflect.Struct:
			if gtHolderIndex(t) >= 0 {
				return !slices.ContainsFunc(reflect.VisibleFields(t), func(f reflect.StructField) bool { return f.IsExported() })
			}
			return slices.ContainsFunc(reflect.VisibleFields(t), func(f reflect.StructField) bool { return f.IsExported() && bare(f.Type) })
		}
		return false
	}
	return bare(t)
}

// refuses notes that the record may be withheld whole, and refused with err.
func (rec *gtRecord) refuses(err error) {
	rec.hides = true
	if !slices.Contains(rec.mayRefuse, err) {
		rec.mayRefuse = append(rec.mayRefuse, err)
	}
}

// refused reports whether err is one the record may be refused with.
func (rec *gtRecord) refused(err error) bool {
	return rec.refuse || slices.ContainsFunc(rec.mayRefuse, func(e error) bool { return errors.Is(err, e) })
}

// failedAs reports whether a redaction failure written in text is one the record may be
// refused with.
func (rec *gtRecord) failedAs(text string) bool {
	return rec.refuse || slices.ContainsFunc(rec.mayRefuse, func(e error) bool { return strings.Contains(text, e.Error()) })
}

// A gtScope is the value an interface holds, which the library withholds in the
// interface's place when a holder in it keeps personal data (see holder).
type gtScope struct {
	first    int  // the index of its first marker in the record
	withheld bool // a holder in it keeps personal data
}

// enter starts the scope of a value an interface holds, in c.
func (g *gtGen) enter(c *gtCtx) *gtScope {
	c.scope = &gtScope{first: len(g.rec.markers)}
	return c.scope
}

// leave ends scope sc: when it is withheld, none of its markers need appear.
func (g *gtGen) leave(sc *gtScope) {
	if !sc.withheld {
		return
	}
	for _, m := range g.rec.markers[sc.first:] {
		m.appear = false
	}
}

// holder makes a value of holder type t in context c around a random value. None of its
// personal data may show. When it keeps personal data (a value whose type carries pii
// tags, or under a PII tag anything at all), the value that the nearest interface above
// it holds is withheld, or the record when there is none: then Redacted and Redact
// refuse it. Under a PII tag a holder with no exported field may be refused as a kind
// its type cannot hold.
func (g *gtGen) holder(t reflect.Type, c gtCtx) reflect.Value {
	first := len(g.rec.markers)
	c = c.step("", "hidden "+gtTypeName(t))
	rc := c.step(".Ref", "")
	rc.class, rc.kind, rc.redact = pii.NotPII, pii.KindNone, ""
	ref := g.leaf(reflect.TypeFor[string](), rc).String()
	hc := c.step(".held", "")
	hc.top = false
	var held reflect.Value
	if hc.depth > 0 && g.budget > 0 {
		held = g.dynamic(hc)
	}
	if !held.IsValid() {
		st := gtPredeclared[g.r.IntN(len(gtPredeclared))]
		held = g.fillStruct(st, hc.step("("+gtTypeName(st)+")", ""))
	}
	v := reflect.ValueOf(gtHolders[gtHolderIndex(t)].make(ref, held.Interface()))
	keeps := c.class == pii.PII || gtHoldsTagged(held, map[uintptr]bool{})
	for _, m := range g.rec.markers[first:] {
		m.appear = false
		keeps = keeps || m.kind != pii.KindNone
	}
	if c.class == pii.PII && gtBareHolder(t) {
		g.rec.refuses(pii.ErrKindType) // a kind's tag on a struct with no exported leaf
	}
	switch {
	case !keeps:
	case c.scope != nil:
		c.scope.withheld = true
	default:
		g.rec.refuses(pii.ErrHidden)
	}
	return v
}
