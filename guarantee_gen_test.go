package pii_test

import (
	"math/rand/v2"
	"reflect"
	"strconv"

	"github.com/ef8f9424/pii"
)

// The random type and value generator of the guarantee test: random struct types made
// with reflect.StructOf, nested through pointers, slices, arrays, maps keyed by strings,
// interfaces and tagged structs, interfaces, embedded structs, no-tagged containers and
// the predeclared types of guarantee_types_test.go; and values for them whose every leaf
// holds a unique marker valid for its kind (guarantee_markers_test.go).
//
// The same seed gives the same type and an equal value, so that a record can be made
// twice: once to be logged and printed, once to compare against and to Redact in place.

// A gtRecord is one generated value and everything the checks need to know of it.
type gtRecord struct {
	seed    uint64
	profile pii.Profile
	pol     *pii.Policy // nil: the default Policy and the package-level functions
	root    reflect.Value
	markers []*gtMarker
	// refuse is set when the value holds personal data that may be refused rather than
	// redacted (a map key, an error chain): every output may then replace the value by a
	// redaction failure, and Not PII markers need not appear.
	refuse bool
	// hasBytes is set when a marker sits in a []byte, which JSON writes in base64.
	hasBytes bool
	// hides is set when the value keeps personal data behind an unexported field of a
	// holder (guarantee_hidden_test.go) that no interface holds, or a holder sits under
	// a PII tag: outputs may withhold the record whole, and Redacted and Redact may
	// refuse it with one of mayRefuse.
	hides     bool
	mayRefuse []error
	// hooks change the value after the log call: they fill maps and slices of the
	// caller's value with fresh personal data.
	hooks []func(g *gtGen)
	// raws and searches are every marker's value and search strings, so that a new
	// marker is never found inside another.
	raws, searches []string
}

// A gtGen generates one record from its random source.
type gtGen struct {
	r        *rand.Rand
	rec      *gtRecord
	fields   int                           // field names made so far: F0, F1, ...
	budget   int                           // leaves still to fill; containers stay empty when it runs out
	hooks    bool                          // register mutation hooks (for the value that is logged)
	late     bool                          // markers made now are put in after the log call
	made     map[gtMadeKey][]reflect.Value // pointers made so far, to be met again
	spans    map[uintptr][2]int            // the markers made under each of them
	variants bool                          // write values in issue 11's hard ways (two numbers, CVV, ...)
}

// A gtMadeKey is the type of a pointer made, and the tag in force where it was made.
type gtMadeKey struct {
	typ reflect.Type
	tag string
}

// A gtCtx is what the filler knows at a point of the value: the tag in force, the path,
// and whether JSON and fmt show what is below.
type gtCtx struct {
	class   pii.Class
	kind    pii.Kind
	redact  string
	path    string
	shape   []string
	visJSON bool
	visFmt  bool
	top     bool     // the root: fmt prints what a pointer here points to
	scope   *gtScope // the value the nearest interface below the root holds; nil at the root
	depth   int
}

func (c gtCtx) step(path, shape string) gtCtx {
	c.path += path
	if shape != "" && (len(c.shape) == 0 || c.shape[len(c.shape)-1] != shape) {
		c.shape = append(c.shape[:len(c.shape):len(c.shape)], shape)
	}
	c.top = false
	return c
}

// tagToken names the tag in force for a shape: "{no}", "{phone}", "" when untagged.
func (c gtCtx) tagToken() string {
	switch c.class {
	case pii.NotPII:
		return "{no}"
	case pii.PII:
		return "{" + c.kind.String() + "}"
	}
	return ""
}

// gtContextKinds are the kinds whose status depends on context and that no supported law
// counts as sensitive (ip, device, postal): hidden where the profile counts them. Every
// other kind identifies a person directly, is a special category, is sensitive under
// some supported law (url under PIPL, geo under CCPA and others), or is a date or age of
// a person: redaction hides it under every profile.
var gtContextKinds = map[pii.Kind]bool{pii.KindIP: true, pii.KindDevice: true, pii.KindPostal: true}

// mustHide reports whether a PII leaf of kind k must be hidden under the record's profile.
func (rec *gtRecord) mustHide(k pii.Kind) bool {
	return !gtContextKinds[k] || rec.profile.Counts(k)
}

var gtLeafTypes = struct {
	str, bytes, i64, f64, tm, addr, netip, boolean, named reflect.Type
}{
	reflect.TypeFor[string](), reflect.TypeFor[[]byte](), reflect.TypeFor[int64](),
	reflect.TypeFor[float64](), gtTimeType, gtAddrType, gtNetIPType, reflect.TypeFor[bool](), gtStrType,
}

// leafType picks a Go type that can hold kind k (KindNone: Not PII or untagged).
func (g *gtGen) leafType(k pii.Kind) reflect.Type {
	lt := gtLeafTypes
	r := g.r.IntN(100)
	if k == pii.KindIP && r < 30 {
		return []reflect.Type{lt.addr, lt.netip}[r%2]
	}
	switch {
	case r < 10:
		if k != pii.KindNone {
			return lt.bytes
		}
	case r < 16:
		return lt.named
	case r < 18:
		return gtNullStr
	case r < 28:
		switch k {
		case pii.KindNone, pii.KindGeneric, pii.KindSecret, pii.KindAccount, pii.KindHealth, pii.KindGovID:
			return lt.i64
		}
	case r < 33:
		switch k {
		case pii.KindNone, pii.KindGeneric, pii.KindGeo, pii.KindHealth:
			return lt.f64
		}
	case r < 40:
		switch k {
		case pii.KindNone, pii.KindGeneric, pii.KindDOB, pii.KindHealth:
			return lt.tm
		}
	case r < 45:
		if k == pii.KindPhone {
			return gtPhoneNumType
		}
	case r < 50:
		if k == pii.KindIP {
			return []reflect.Type{lt.addr, lt.netip}[g.r.IntN(2)]
		}
	case r < 52:
		if k == pii.KindGeneric || k == pii.KindHealth {
			return lt.boolean
		}
	}
	return lt.str
}

// leafTag picks the tag of a leaf field: a kind (with, sometimes, a strategy), no, or
// none. It returns the tag and the kind the leaf's type must hold.
func (g *gtGen) leafTag() (string, pii.Kind) {
	r := g.r.IntN(100)
	switch {
	case r < 20:
		return "", pii.KindNone
	case r < 42:
		return `pii:"no"`, pii.KindNone
	}
	kinds := pii.Kinds()
	k := kinds[g.r.IntN(len(kinds))]
	tag := k.String()
	if k == pii.KindGeneric {
		tag = "true"
	}
	switch s := g.r.IntN(20); {
	case k == pii.KindBody && s < 8:
		tag += ",redact=scan"
	case k == pii.KindSecret:
		if s < 3 {
			tag += ",redact=zero"
		}
	case s < 5:
		tag += ",redact=" + []string{"zero", "replace", "initials", "last4", "mask"}[s]
	case s < 7:
		tag += ",handling=sensitive"
	}
	return `pii:"` + tag + `"`, k
}

// structType makes a random struct type.
func (g *gtGen) structType(depth int) reflect.Type {
	n := 1 + g.r.IntN(5)
	var fields []reflect.StructField
	embedded := map[reflect.Type]bool{}
	for range n {
		if g.r.IntN(10) == 0 {
			t := gtEmbeddable[g.r.IntN(len(gtEmbeddable))]
			if !embedded[t] {
				embedded[t] = true
				ft := t
				if g.r.IntN(3) == 0 {
					ft = reflect.PointerTo(t)
				}
				fields = append(fields, reflect.StructField{Name: t.Name(), Type: ft, Anonymous: true})
				continue
			}
		}
		t, tag := g.fieldType(depth)
		fields = append(fields, reflect.StructField{Name: "F" + strconv.Itoa(g.fields), Type: t, Tag: reflect.StructTag(tag)})
		g.fields++
	}
	return reflect.StructOf(fields)
}

// wrap puts t in a random container.
func (g *gtGen) wrap(t reflect.Type) reflect.Type {
	switch g.r.IntN(8) {
	case 0:
		return reflect.PointerTo(t)
	case 1:
		return reflect.SliceOf(t)
	case 2:
		return reflect.ArrayOf(2, t)
	case 3:
		return reflect.MapOf(reflect.TypeFor[string](), t)
	case 4:
		return reflect.SliceOf(reflect.PointerTo(t))
	case 5:
		if g.r.IntN(2) == 0 {
			return reflect.PointerTo(reflect.PointerTo(t))
		}
		return reflect.MapOf(reflect.TypeFor[string](), reflect.PointerTo(t))
	}
	return t
}

// fieldType picks a field's type and tag.
func (g *gtGen) fieldType(depth int) (reflect.Type, string) {
	switch r := g.r.IntN(100); {
	case r < 38: // a leaf
		tag, k := g.leafTag()
		return g.leafType(k), tag
	case r < 50: // a container of leaves, the tag on the container
		tag, k := g.leafTag()
		lt := g.leafType(k)
		if lt.Kind() == reflect.Bool {
			lt = gtLeafTypes.str
		}
		t := g.wrap(lt)
		if t == lt {
			t = reflect.SliceOf(lt)
		}
		if lt == gtLeafTypes.str && g.r.IntN(6) == 0 {
			t = reflect.TypeFor[GtPhoneList]() // a named slice whose String prints it
		}
		return t, tag
	case r < 62 && depth > 0: // a nested random struct
		return g.wrap(g.structType(depth - 1)), g.structTag()
	case r < 76: // a predeclared type, or a holder (guarantee_hidden_test.go)
		t := gtPredeclared[g.r.IntN(len(gtPredeclared))]
		if g.r.IntN(6) == 0 {
			t = gtHolders[g.r.IntN(len(gtHolders))].typ // a holder: see guarantee_hidden_test.go
		}
		return g.wrap(t), g.structTag()
	case r < 95: // an interface, or a container of them
		t := []reflect.Type{gtAnyType, gtAnyType, gtAnyType, reflect.TypeFor[[]any](), reflect.TypeFor[map[string]any](),
			reflect.TypeFor[[2]any](), reflect.TypeFor[*any](), reflect.TypeFor[map[string][]any](),
			gtError, reflect.TypeFor[[]error](), gtStringer}[g.r.IntN(11)]
		return t, g.ifaceTag()
	default: // a map keyed by a tagged struct or by interfaces
		kt := gtAnyType
		if g.r.IntN(2) == 0 {
			kt = gtKeyTypes[g.r.IntN(len(gtKeyTypes))]
		}
		return reflect.MapOf(kt, gtLeafTypes.str), `pii:"no"`
	}
}

// structTag is the tag of a field holding structs: no tag, or no (never a kind, which
// would have to fit every leaf inside).
func (g *gtGen) structTag() string {
	if g.r.IntN(3) == 0 {
		return `pii:"no"`
	}
	return ""
}

// ifaceTag is the tag of an interface field: none, no, or true.
func (g *gtGen) ifaceTag() string {
	switch g.r.IntN(9) {
	case 0, 1, 2, 3:
		return `pii:"no"`
	case 4:
		return `pii:"true"`
	}
	return ""
}

// gtProfiles are the profiles records are made under, each with its Policy.
var gtProfiles = []pii.Profile{
	pii.Strict, pii.GDPR, pii.UKGDPR, pii.CCPA, pii.HIPAA, pii.PCIDSS, pii.CalOPPA,
	pii.Combine(pii.PCIDSS, pii.CalOPPA), pii.Combine(pii.HIPAA, pii.CCPA), pii.Combine(pii.GDPR, pii.PCIDSS),
}

// gtKnobs override a record's random choices (for the fuzz target): a negative field
// leaves the choice to the seed.
type gtKnobs struct {
	profile  int // index in gtProfiles, len(gtProfiles) for the default Policy
	variants int // 1: write values in issue 11's hard ways; 0: never
	dynamic  int // 1: the root is what an interface could hold; 0: a random struct
}

// gtGenerateWith makes the record of seed: its profile and policy, its type and value.
// Values made with hooks register the mutations that follow the log call; knobs, when
// non-nil, override some of the seed's choices.
func gtGenerateWith(seed uint64, pols []*pii.Policy, hooks bool, knobs *gtKnobs) *gtRecord {
	g := &gtGen{r: gtSeedRand(seed, 1), budget: 40, hooks: hooks}
	rec := &gtRecord{seed: seed}
	g.rec = rec
	g.variants = g.r.IntN(3) == 0
	pi := g.r.IntN(len(gtProfiles) + 1)
	dynamic := g.r.IntN(6) == 0
	if knobs != nil {
		if knobs.variants >= 0 {
			g.variants = knobs.variants == 1
		}
		if knobs.profile >= 0 {
			pi = knobs.profile % (len(gtProfiles) + 1)
		}
		if knobs.dynamic >= 0 {
			dynamic = knobs.dynamic == 1
		}
	}
	if pi == len(gtProfiles) {
		rec.profile, rec.pol = pii.Strict, nil // the default Policy
	} else {
		rec.profile, rec.pol = gtProfiles[pi], pols[pi]
	}
	c := gtCtx{visJSON: true, visFmt: true, top: true, depth: 3}
	if dynamic {
		// Something an interface could hold, logged as it is: a predeclared type with
		// methods, an error chain, a []any...
		c.depth = 2
		for !rec.root.IsValid() {
			rec.root = g.dynamic(c)
		}
		if gtHasMethods(rec.root.Type()) {
			// What prints a value with methods is its own business: check only that no
			// personal data appears.
			for _, m := range rec.markers {
				m.appear = false
			}
		}
	} else {
		t := g.structType(2 + g.r.IntN(2))
		v := g.fillStruct(t, c)
		if g.r.IntN(2) == 0 {
			p := reflect.New(t)
			p.Elem().Set(v)
			v = p
		}
		rec.root = v
	}
	return rec
}
