package piivet

import (
	"go/types"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"strconv"
	"sync"
	"time"

	"github.com/ef8f9424/pii"
)

// leafKind says how the library lays out a leaf at run time. It mirrors the library's
// own (unexported) classification of Go types, so that a tag the library would refuse at
// run time is reported here.
type leafKind uint8

const (
	lkNone leafKind = iota
	lkString
	lkBytes
	lkInt
	lkUint
	lkFloat
	lkBool
	lkTime
	lkAddr
	lkNetIP
	lkAddrPort // netip.AddrPort
	lkPrefix   // netip.Prefix
	lkURL      // url.URL under a PII tag: redacted as its text
	lkURLPtr   // *url.URL under a PII tag
	lkCustom
	lkSlog // a slog.Value: the library redacts what it holds
	lkNull // a database/sql Null wrapper: its value field decides
)

// isNamed reports whether t is the named type pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	o := n.Obj()
	return o.Pkg() != nil && o.Pkg().Path() == pkg && o.Name() == name
}

// isPointerToNamed reports whether t is a pointer to the named type pkg.name.
func isPointerToNamed(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), pkg, name)
}

// isSQLNull reports whether t is one of database/sql's Null wrappers, and returns the
// type of its value field.
func isSQLNull(t types.Type) (types.Type, bool) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "database/sql" {
		return nil, false
	}
	name := n.Obj().Name()
	if len(name) < 4 || name[:4] != "Null" {
		return nil, false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok || st.NumFields() != 2 || st.Field(1).Name() != "Valid" {
		return nil, false
	}
	return st.Field(0).Type(), true
}

// hasRedactPII reports whether the method set of t holds RedactPII.
func hasRedactPII(t types.Type) bool {
	return types.NewMethodSet(t).Lookup(nil, "RedactPII") != nil
}

// redactorPromoted reports whether t is a struct that has RedactPII only through an
// embedded field: the library walks such a struct field by field.
func redactorPromoted(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f.Embedded() && (hasRedactPII(f.Type()) || hasRedactPII(types.NewPointer(f.Type()))) {
			return true
		}
	}
	return false
}

// leafKindOf says whether t is a leaf at run time, and how; custom asks whether a
// pointer-receiver Redactor counts (it does where a PII tag applies).
func leafKindOf(t types.Type, custom bool) leafKind {
	t = types.Unalias(t)
	switch {
	case isNamed(t, "time", "Time"):
		return lkTime
	case isNamed(t, "net/netip", "Addr"):
		return lkAddr
	case isNamed(t, "net", "IP"):
		return lkNetIP
	case isNamed(t, "net/netip", "AddrPort"):
		return lkAddrPort
	case isNamed(t, "net/netip", "Prefix"):
		return lkPrefix
	case isNamed(t, "log/slog", "Value"):
		return lkSlog
	case custom && isNamed(t, "net/url", "URL"):
		return lkURL
	case custom && isPointerToNamed(t, "net/url", "URL"):
		return lkURLPtr
	}
	if _, ok := t.(*types.TypeParam); ok {
		return lkNone
	}
	if custom && hasRedactPII(types.NewPointer(t)) && !hasRedactPII(t) && !redactorPromoted(t) {
		return lkCustom
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		info := u.Info()
		switch {
		case info&types.IsString != 0:
			return lkString
		case info&types.IsInteger != 0 && info&types.IsUnsigned != 0:
			return lkUint
		case info&types.IsInteger != 0:
			return lkInt
		case info&types.IsFloat != 0:
			return lkFloat
		case info&types.IsBoolean != 0:
			return lkBool
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Uint8 {
			return lkBytes
		}
	}
	return lkNone
}

// kindFits reports whether a leaf laid out as lk can hold personal data of kind k. It
// asks the library: a struct with one field of a Go type laid out as lk, tagged k, built
// with reflect and classified, is refused exactly when the library refuses the field at
// run time. A table of its own here would drift from the library's as kinds are added.
func kindFits(k pii.Kind, lk leafKind) bool {
	key := fitKey{k, lk}
	if v, ok := fits.Load(key); ok {
		return v.(bool)
	}
	rt, ok := leafTypes[lk]
	if !ok {
		return false
	}
	tag := k.String()
	if k == pii.KindGeneric {
		tag = "true"
	}
	sf := reflect.StructField{Name: "F", Type: rt, Tag: reflect.StructTag("pii:" + strconv.Quote(tag))}
	_, err := pii.Classify(reflect.StructOf([]reflect.StructField{sf}))
	fits.Store(key, err == nil)
	return err == nil
}

type fitKey struct {
	k  pii.Kind
	lk leafKind
}

// fits caches kindFits's answers: the library is asked once per kind and layout.
var fits sync.Map

// customLeaf redacts itself, as a field type with a pointer-receiver RedactPII does.
type customLeaf struct{ s string }

// RedactPII makes customLeaf a pii.Redactor.
func (c *customLeaf) RedactPII(pii.Kind) { c.s = "" }

// leafTypes holds, for each way the library lays out a leaf, a Go type it lays out so.
var leafTypes = map[leafKind]reflect.Type{
	lkString:   reflect.TypeFor[string](),
	lkBytes:    reflect.TypeFor[[]byte](),
	lkInt:      reflect.TypeFor[int](),
	lkUint:     reflect.TypeFor[uint](),
	lkFloat:    reflect.TypeFor[float64](),
	lkBool:     reflect.TypeFor[bool](),
	lkTime:     reflect.TypeFor[time.Time](),
	lkAddr:     reflect.TypeFor[netip.Addr](),
	lkNetIP:    reflect.TypeFor[net.IP](),
	lkAddrPort: reflect.TypeFor[netip.AddrPort](),
	lkPrefix:   reflect.TypeFor[netip.Prefix](),
	lkURL:      reflect.TypeFor[url.URL](),
	lkURLPtr:   reflect.TypeFor[*url.URL](),
	lkCustom:   reflect.TypeFor[customLeaf](),
	lkSlog:     reflect.TypeFor[slog.Value](),
}

// isTimeField reports whether t can hold a record's creation time: time.Time, *time.Time
// or sql.NullTime.
func isTimeField(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if isNamed(t, "time", "Time") {
		return true
	}
	v, ok := isSQLNull(t)
	return ok && isNamed(v, "time", "Time")
}
