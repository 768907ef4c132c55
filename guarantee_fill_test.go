package pii_test

import (
	"database/sql"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/ef8f9424/pii"
)

// The value filler of the guarantee test: it walks a type as the library does (tags
// inherited from enclosing fields, the dynamic types of interfaces) and writes a unique
// marker into every leaf, remembering what the marker is (PII of a kind, or Not PII), where
// it is, and whether JSON and fmt show it.

// fresh reports whether a marker with this value and these search strings can join the
// record without being found inside another marker, or another inside it.
func (rec *gtRecord) fresh(raw string, search []string) bool {
	for _, s := range search {
		for _, r := range rec.raws {
			if strings.Contains(r, s) {
				return false
			}
		}
	}
	for _, s := range rec.searches {
		if strings.Contains(raw, s) {
			return false
		}
	}
	return true
}

// add registers a marker made in context c.
func (g *gtGen) add(c gtCtx, goType, raw string, m *gtMarker, variant string) {
	rec := g.rec
	rec.raws = append(rec.raws, raw)
	rec.searches = append(rec.searches, m.plain...)
	m.raw, m.path = raw, c.path
	leaf := "notpii"
	if c.class == pii.PII {
		leaf = c.kind.String()
	}
	leaf += ":" + goType
	if c.redact != "" {
		leaf += ",redact=" + c.redact
	}
	if variant != "" {
		leaf += "[" + variant + "]"
	}
	m.shape = strings.Join(append(c.shape[:len(c.shape):len(c.shape)], leaf), ">")
	causes := gtCauses(c.shape, leaf, variant)
	m.causes, m.confounds = causes, len(causes)
	m.visJSON, m.visFmt = c.visJSON, c.visFmt
	m.late = g.late
	switch {
	case c.class == pii.PII && rec.mustHide(c.kind):
		m.pii, m.kind = true, c.kind
		if !rec.profile.Counts(c.kind) && !g.late {
			m.causes = append([]string{"the profile does not count " + c.kind.String()}, m.causes...)
			m.confounds++
		}
	case c.class == pii.PII:
		// A context kind the profile does not count is not personal data there: it is
		// left as it is, like Not PII (issue 11: profiles toggle only these kinds).
		m.appear = !g.late
		m.kind = c.kind
	default:
		m.appear = !g.late
	}
	rec.markers = append(rec.markers, m)
}

// retry runs make until it returns a marker that fits the record, or gives up after a
// few tries and takes the last (a collision then only weakens a check).
func (g *gtGen) retry(mk func() (string, []string, string)) (string, []string, string) {
	var raw, variant string
	var search []string
	for range 20 {
		raw, search, variant = mk()
		if g.rec.fresh(raw, search) {
			break
		}
	}
	return raw, search, variant
}

var (
	gtTimeType     = reflect.TypeFor[time.Time]()
	gtAddrType     = reflect.TypeFor[netip.Addr]()
	gtNetIPType    = reflect.TypeFor[net.IP]()
	gtAnyType      = reflect.TypeFor[any]()
	gtStrType      = reflect.TypeFor[GtStr]()
	gtNodePtr      = reflect.TypeFor[*GtNode]()
	gtPhoneNumType = reflect.TypeFor[GtPhoneNum]()
	gtNullStr      = reflect.TypeFor[sql.NullString]()
	gtLazyJSONType = reflect.TypeFor[GtLazyJSON]()
	gtKeyErrorType = reflect.TypeFor[GtKeyError]()
)

// GtStr is a named string type, a leaf like string.
type GtStr string

// leaf makes the value of a leaf of type t in context c.
func (g *gtGen) leaf(t reflect.Type, c gtCtx) reflect.Value {
	v := reflect.New(t).Elem()
	if t.Kind() == reflect.Bool {
		v.SetBool(g.r.IntN(2) == 0)
		return v
	}
	g.budget--
	piiLeaf := c.class == pii.PII
	m := &gtMarker{}
	goType := t.String()
	var raw, variant string
	var search []string
	switch {
	case t == gtTimeType:
		var tm time.Time
		raw, search, _ = g.retry(func() (string, []string, string) {
			if piiLeaf {
				tm, search = g.gtTime(1935, 65)
			} else {
				tm, search = g.gtTime(2031, 9)
			}
			return tm.Format(time.RFC3339Nano), search, ""
		})
		v.Set(reflect.ValueOf(tm))
		m.plain, m.hex = search, hexForms(search)
	case t == gtAddrType || t == gtNetIPType:
		raw, search, variant = g.retry(func() (string, []string, string) { return g.ip(false) })
		a := netip.MustParseAddr(raw)
		if t == gtAddrType {
			v.Set(reflect.ValueOf(a))
			c.visFmt = false // %#v prints its inner uint128, not the address
		} else {
			ip := net.IP(a.AsSlice())
			v.Set(reflect.ValueOf(ip))
			m.bytes = byteForms([]string{string(ip)})
		}
		m.plain, m.hex = search, hexForms(search)
	case t.Kind() == reflect.String || t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		raw, search, variant = g.retry(func() (string, []string, string) {
			if piiLeaf {
				return g.piiString(c.kind, c.redact == "scan")
			}
			s := "np" + g.tok(10)
			return s, []string{s}, ""
		})
		if t.Kind() == reflect.String {
			v.SetString(raw)
		} else {
			v.SetBytes([]byte(raw))
			m.bytes = byteForms(search)
			g.rec.hasBytes = true
		}
		m.plain, m.hex = search, hexForms(search)
	case t.Kind() == reflect.Int64 || t.Kind() == reflect.Int:
		var n int64
		raw, search, _ = g.retry(func() (string, []string, string) {
			n = 100_000_000_000 + g.r.Int64N(900_000_000_000)
			s := strconv.FormatInt(n, 10)
			return s, []string{s}, ""
		})
		v.SetInt(n)
		h := strconv.FormatInt(n, 16)
		m.plain, m.hex = search, []string{h, strings.ToUpper(h)}
	case t.Kind() == reflect.Float64:
		var f float64
		raw, search, _ = g.retry(func() (string, []string, string) {
			s := gtDecimal(1+g.r.IntN(80), g.r.IntN(1_000_000))
			f, _ = strconv.ParseFloat(s, 64)
			return s, []string{s}, ""
		})
		v.SetFloat(f)
		h := strconv.FormatFloat(f, 'x', -1, 64)
		m.plain, m.hex = search, []string{h, strings.ToUpper(h)}
	default:
		panic("gt: no leaf for " + t.String())
	}
	g.add(c, goType, raw, m, variant)
	return v
}

var (
	gtJSONMarshaler = reflect.TypeFor[json.Marshaler]()
	gtTextMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	gtStringer      = reflect.TypeFor[fmt.Stringer]()
	gtError         = reflect.TypeFor[error]()
	gtFormatter     = reflect.TypeFor[fmt.Formatter]()
	gtGoStringer    = reflect.TypeFor[fmt.GoStringer]()
	gtLogValuer     = reflect.TypeFor[slog.LogValuer]()
)

func gtImplements(t, iface reflect.Type) bool {
	return t.Implements(iface) || t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(iface)
}

// hasMethods reports whether a printer may call a method of t instead of printing it.
func gtHasMethods(t reflect.Type) bool {
	for _, i := range []reflect.Type{gtJSONMarshaler, gtTextMarshaler, gtStringer, gtError, gtFormatter, gtGoStringer, gtLogValuer} {
		if gtImplements(t, i) {
			return true
		}
	}
	return false
}

// typeName names t for a path or shape: predeclared types by name, random structs as
// "struct".
func gtTypeName(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		return "*" + gtTypeName(t.Elem())
	}
	if t.Name() != "" {
		return strings.TrimPrefix(t.String(), "pii_test.")
	}
	if t.Kind() == reflect.Struct {
		return "struct"
	}
	s := t.String()
	if len(s) > 30 {
		return t.Kind().String()
	}
	return s
}

// parseTag reads the pii tag of a field as the filler needs it.
func gtParseTag(raw string) (class pii.Class, kind pii.Kind, redact string) {
	items := strings.Split(raw, ",")
	switch items[0] {
	case "no":
		return pii.NotPII, pii.KindNone, ""
	case "true":
		kind = pii.KindGeneric
	default:
		k, err := pii.ParseKind(items[0])
		if err != nil {
			panic("gt: bad kind in tag " + raw)
		}
		kind = k
	}
	for _, it := range items[1:] {
		if s, ok := strings.CutPrefix(it, "redact="); ok {
			redact = s
		}
	}
	return pii.PII, kind, redact
}

// fill makes a value of type t in context c.
func (g *gtGen) fill(t reflect.Type, c gtCtx) reflect.Value {
	if c.class == pii.PII && gtBareHolder(t) {
		g.rec.refuses(pii.ErrKindType) // a kind's tag on a struct with no exported leaf
	}
	if gtHolderIndex(t) >= 0 {
		return g.holder(t, c)
	}
	if t.Name() != "" && t.Kind() != reflect.Struct && t.Kind() != reflect.Interface && gtHasMethods(t) {
		c = c.step("", gtTypeName(t))
		c.visFmt = c.visFmt && !(gtImplements(t, gtStringer) || gtImplements(t, gtError) || gtImplements(t, gtFormatter))
		c.visJSON = c.visJSON && !(gtImplements(t, gtJSONMarshaler) || gtImplements(t, gtTextMarshaler))
	}
	switch t {
	case gtTimeType, gtAddrType, gtNetIPType:
		return g.leaf(t, c)
	case gtNullStr:
		v := reflect.New(t).Elem()
		v.Field(0).Set(g.leaf(reflect.TypeFor[string](), c.step(".String", "sql.NullString")))
		v.Field(1).SetBool(true)
		return v
	}
	switch t.Kind() {
	case reflect.String, reflect.Int, reflect.Int64, reflect.Float64, reflect.Bool:
		return g.leaf(t, c)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return g.leaf(t, c)
		}
		n := 1 + g.r.IntN(2)
		if g.budget <= 0 || g.r.IntN(10) == 0 {
			n = 0
		}
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			s.Index(i).Set(g.fill(t.Elem(), c.step("["+strconv.Itoa(i)+"]", "[]")))
		}
		if n > 0 && t.Elem() == gtAnyType && g.hooks {
			cs := c
			g.rec.hooks = append(g.rec.hooks, func(g *gtGen) {
				s.Index(0).Set(g.lateValue(cs.step("[0]", "late []any")))
			})
		}
		return s
	case reflect.Array:
		a := reflect.New(t).Elem()
		for i := range t.Len() {
			a.Index(i).Set(g.fill(t.Elem(), c.step("["+strconv.Itoa(i)+"]", "[n]")))
		}
		return a
	case reflect.Pointer:
		if g.budget <= 0 || g.r.IntN(8) == 0 || t == gtNodePtr && g.r.IntN(2) == 0 {
			return reflect.Zero(t)
		}
		// Pointers to leaves are not shared: one string tagged name here and ip there
		// contradicts itself.
		// Nor are pointers met under another tag in force: what an interface or an
		// untagged field below holds is read by the tag, which contradicts itself too.
		mk := gtMadeKey{t, c.tagToken()}
		if made := g.made[mk]; len(made) > 0 && !gtIsLeafType(t.Elem()) && g.r.IntN(5) == 0 {
			// The same pointer a second time: a value reached by two paths, which a
			// copy must hide on both and must not write through.
			p := made[g.r.IntN(len(made))]
			span := g.spans[p.Pointer()]
			for _, m := range g.rec.markers[span[0]:span[1]] {
				if !strings.HasPrefix(m.causes[0], "pointer met twice") {
					// After the causes that decide alone (see gtStrongCause): a leak
					// with none of them is the alias's.
					n := 0
					for n < len(m.causes)-1 && gtStrongCause(m.causes[n]) {
						n++
					}
					m.causes = append(m.causes[:n:n], append([]string{"pointer met twice, again under " + gtCauses(c.shape, "it", "")[0]}, m.causes[n:]...)...)
					m.confounds++
				}
			}
			return p
		}
		first := len(g.rec.markers)
		p := reflect.New(t.Elem())
		cc := c.step("", "")
		cc.visFmt = c.visFmt && c.top // fmt prints nested pointers as addresses
		p.Elem().Set(g.fill(t.Elem(), cc))
		if t == gtNodePtr && g.r.IntN(2) == 0 {
			p.Elem().FieldByName("Next").Set(p) // a cycle
		}
		if g.made == nil {
			g.made = map[gtMadeKey][]reflect.Value{}
		}
		g.made[mk] = append(g.made[mk], p)
		if g.spans == nil {
			g.spans = map[uintptr][2]int{}
		}
		g.spans[p.Pointer()] = [2]int{first, len(g.rec.markers)}
		return p
	case reflect.Map:
		return g.fillMap(t, c)
	case reflect.Interface:
		v := reflect.New(t).Elem()
		if g.budget <= 0 || c.depth <= 0 || g.r.IntN(10) == 0 {
			return v
		}
		defer g.leave(g.enter(&c))
		var d reflect.Value
		switch t {
		case gtError:
			d = g.errorValue(c.step("", "error"+c.tagToken()))
		case gtStringer:
			st := []reflect.Type{reflect.TypeFor[GtStrUser](), reflect.TypeFor[GtMulti](), reflect.TypeFor[*GtPtrStrUser](), gtLazyJSONType}[g.r.IntN(4)]
			if st == gtLazyJSONType {
				v.Set(g.holder(st, c.step("", "Stringer"+c.tagToken())))
				return v
			}
			cc := c.step("("+gtTypeName(st)+")", "Stringer"+c.tagToken())
			if st.Kind() == reflect.Pointer {
				cc.visFmt = false
				d = reflect.New(st.Elem())
				d.Elem().Set(g.fillStruct(st.Elem(), cc))
			} else {
				d = g.fillStruct(st, cc)
			}
		default:
			d = g.dynamic(c)
		}
		if d.IsValid() {
			v.Set(d)
		}
		return v
	case reflect.Struct:
		return g.fillStruct(t, c)
	}
	panic("gt: cannot fill " + t.String())
}

func (g *gtGen) fillStruct(t reflect.Type, c gtCtx) reflect.Value {
	if t == gtPhoneNumType {
		// Its RedactPII is this test's, and hides only one number's last digits.
		defer func(v bool) { g.variants = v }(g.variants)
		g.variants = false
	}
	v := reflect.New(t).Elem()
	if t.Name() != "" {
		c = c.step("", gtTypeName(t))
	}
	if gtImplements(t, gtJSONMarshaler) || gtImplements(t, gtTextMarshaler) {
		c.visJSON = false
	}
	if gtImplements(t, gtStringer) || gtImplements(t, gtError) || gtImplements(t, gtFormatter) || gtImplements(t, gtGoStringer) {
		c.visFmt = false
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() && !sf.Anonymous {
			continue
		}
		fc := c.step("."+sf.Name, "")
		fc.top = false
		if raw, ok := sf.Tag.Lookup("pii"); ok {
			fc.class, fc.kind, fc.redact = gtParseTag(raw)
		}
		if tok := fc.tagToken(); tok != c.tagToken() && !gtIsLeafType(sf.Type) {
			fc = fc.step("", "field"+tok)
		}
		filled := g.fill(sf.Type, fc)
		if !sf.IsExported() {
			// An unexported embedded struct: reflect sets its exported fields only.
			for j := range sf.Type.NumField() {
				if sf.Type.Field(j).IsExported() {
					v.Field(i).Field(j).Set(filled.Field(j))
				}
			}
			continue
		}
		v.Field(i).Set(filled)
	}
	return v
}

// gtIsLeafType reports whether t is a leaf the filler writes a marker into.
func gtIsLeafType(t reflect.Type) bool {
	switch t {
	case gtTimeType, gtAddrType, gtNetIPType, gtNullStr:
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Int, reflect.Int64, reflect.Float64, reflect.Bool:
		return true
	case reflect.Slice:
		return t.Elem().Kind() == reflect.Uint8
	}
	return false
}

func (g *gtGen) fillMap(t reflect.Type, c gtCtx) reflect.Value {
	m := reflect.MakeMap(t)
	n := 1 + g.r.IntN(2)
	if g.budget <= 0 || g.r.IntN(10) == 0 {
		n = 0
	}
	kt := t.Key()
	for i := range n {
		var k reflect.Value
		var kc gtCtx
		switch {
		case kt.Kind() == reflect.String:
			k = reflect.ValueOf("k" + strconv.Itoa(i)).Convert(kt)
		case kt.Kind() == reflect.Interface && g.r.IntN(2) == 0:
			k = reflect.ValueOf("ka" + strconv.Itoa(i))
		default:
			// A tagged struct as the key, statically or inside an interface key.
			st := kt
			if kt.Kind() == reflect.Interface {
				st = gtKeyTypes[g.r.IntN(len(gtKeyTypes))]
			}
			kc = c.step("{key "+strconv.Itoa(i)+"}", "mapkey["+gtTypeName(kt)+"]")
			kc.class, kc.kind, kc.redact = pii.Untagged, pii.KindNone, ""
			kc.visJSON = false // encoding/json refuses struct keys; TextMarshaler keys are methods
			k = g.fillStruct(st, kc)
			g.rec.refuse = true
		}
		ec := c.step("[k"+strconv.Itoa(i)+"]", "map")
		if kt.Kind() != reflect.String {
			ec = c.step("[key "+strconv.Itoa(i)+"]", "map["+gtTypeName(kt)+"]")
		}
		m.SetMapIndex(k, g.fill(t.Elem(), ec))
	}
	if g.hooks && kt.Kind() == reflect.String && (t.Elem() == gtAnyType || t.Elem().Kind() == reflect.Struct && gtMayHoldPII(t.Elem(), nil)) {
		cs := c
		g.rec.hooks = append(g.rec.hooks, func(g *gtGen) {
			lc := cs.step("[late]", "late map")
			var v reflect.Value
			if t.Elem() == gtAnyType {
				v = g.lateValue(lc)
			} else {
				v = g.fillStruct(t.Elem(), lc)
			}
			m.SetMapIndex(reflect.ValueOf("late").Convert(kt), v)
		})
	}
	return m
}

// gtMayHoldPII reports whether a value of type t can hold personal data: a field with a
// PII tag, or an interface, somewhere inside. A map of values that cannot is Not PII
// through and through, and a Handler may pass it on as it is.
func gtMayHoldPII(t reflect.Type, seen map[reflect.Type]bool) bool { return gtTagsIn(t, seen, true) }

// gtTagsIn reports whether type t has a field tagged with a kind, through pointers,
// slices, arrays, map keys and values and struct fields; with ifaces, an interface
// counts as one too.
func gtTagsIn(t reflect.Type, seen map[reflect.Type]bool, ifaces bool) bool {
	if seen[t] {
		return false
	}
	if seen == nil {
		seen = map[reflect.Type]bool{}
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Interface:
		return ifaces
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return gtTagsIn(t.Elem(), seen, ifaces)
	case reflect.Map:
		return gtTagsIn(t.Key(), seen, ifaces) || gtTagsIn(t.Elem(), seen, ifaces)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if tag, ok := f.Tag.Lookup("pii"); ok && tag != "no" || gtTagsIn(f.Type, seen, ifaces) {
				return true
			}
		}
	}
	return false
}

// lateValue makes a tagged value with fresh markers, to be put into the caller's value
// after the log call.
func (g *gtGen) lateValue(c gtCtx) reflect.Value {
	t := []reflect.Type{reflect.TypeFor[GtContact](), reflect.TypeFor[GtLogUser](), reflect.TypeFor[GtKey]()}[g.r.IntN(3)]
	v := g.fillStruct(t, c.step("(late "+gtTypeName(t)+")", ""))
	if g.r.IntN(2) == 0 {
		p := reflect.New(t)
		p.Elem().Set(v)
		return p
	}
	return v
}

// dynamic makes what an interface holds, in context c (the interface's tag in force).
func (g *gtGen) dynamic(c gtCtx) reflect.Value {
	c.depth--
	iface := "any" + c.tagToken()
	if c.top {
		iface = "root"
	} else {
		defer g.leave(g.enter(&c))
	}
	if g.r.IntN(12) == 0 {
		t := gtHolders[g.r.IntN(len(gtHolders))].typ
		return g.holder(t, c.step("("+gtTypeName(t)+")", iface))
	}
	switch r := g.r.IntN(100); {
	case r < 12:
		t := reflect.TypeFor[string]()
		if g.r.IntN(4) == 0 {
			t = gtStrType
		}
		return g.leaf(t, c.step("("+gtTypeName(t)+")", iface))
	case r < 17:
		t := []reflect.Type{reflect.TypeFor[int64](), gtTimeType, reflect.TypeFor[[]byte]()}[g.r.IntN(3)]
		return g.leaf(t, c.step("("+gtTypeName(t)+")", iface))
	case r < 40:
		t := gtPredeclared[g.r.IntN(len(gtPredeclared))]
		return g.fillStruct(t, c.step("("+gtTypeName(t)+")", iface))
	case r < 50:
		t := gtPredeclared[g.r.IntN(len(gtPredeclared))]
		p := reflect.New(t)
		cc := c.step("(*"+gtTypeName(t)+")", iface)
		cc.visFmt = c.visFmt && c.top
		p.Elem().Set(g.fillStruct(t, cc))
		return p
	case r < 62:
		t := g.structType(1 + g.r.IntN(2))
		cc := c.step("(struct)", iface)
		if g.r.IntN(2) == 0 {
			return g.fillStruct(t, cc)
		}
		p := reflect.New(t)
		cc.visFmt = c.visFmt && c.top
		p.Elem().Set(g.fillStruct(t, cc))
		return p
	case r < 76:
		return g.errorValue(c.step("", iface))
	case r < 86:
		t := reflect.TypeFor[[]any]()
		return g.fill(t, c.step("([]any)", iface))
	case r < 96:
		t := reflect.TypeFor[map[string]any]()
		return g.fill(t, c.step("(map[string]any)", iface))
	default:
		t := reflect.TypeFor[map[any]string]()
		cc := c.step("(map[any]string)", iface)
		cc.visJSON = false
		return g.fill(t, cc)
	}
}

// errorValue makes an error that is, or wraps, a tagged GtErrUser.
func (g *gtGen) errorValue(c gtCtx) reflect.Value {
	c.visJSON, c.visFmt = false, false // an error prints its own text
	mk := func(c gtCtx) GtErrUser {
		return g.fillStruct(reflect.TypeFor[GtErrUser](), c).Interface().(GtErrUser)
	}
	var err error
	kind := g.r.IntN(6)
	if kind >= 2 && kind <= 4 {
		// An error chain keeps the wrapped value, or its text, in unexported fields: a
		// redaction may refuse it (fail closed) rather than rebuild it, and under a PII
		// tag must. Either way no personal data may show.
		g.rec.refuse = true
	}
	switch kind {
	case 0:
		err = mk(c.step("(GtErrUser)", ""))
	case 1:
		e := mk(c.step("(*GtErrUser)", ""))
		err = &e
	case 2:
		err = fmt.Errorf("charge failed: %w", mk(c.step("(%w)", "%w")))
	case 3:
		err = errors.Join(mk(c.step("(Join[0])", "Join")), fmt.Errorf("retry: %w", mk(c.step("(Join[1]%w)", "Join>%w"))))
	case 4:
		err = fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", mk(c.step("(%w%w)", "%w%w"))))
	default:
		// An error that keeps its key behind an unexported field (see holder).
		return g.holder(gtKeyErrorType, c.step("(GtKeyError)", ""))
	}
	return reflect.ValueOf(&err).Elem().Elem()
}

// lateGen is the generator the hooks of rec use after the log call.
func (rec *gtRecord) lateGen() *gtGen {
	return &gtGen{r: gtSeedRand(rec.seed, 2), rec: rec, budget: 10, late: true}
}
