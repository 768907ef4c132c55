package piizap

import (
	"reflect"
	"strings"

	"github.com/ef8f9424/pii/internal/typecache"
)

// plainTypes caches, per type, whether it is plain (see plain).
var plainTypes typecache.Cache[bool]

// zapPath is the package of zap's own marshalers (zap.Strings, zap.Ints, ...).
const zapPath = "go.uber.org/zap"

// plain reports whether v is one of zap's own marshalers of plain data (zap.Strings,
// zap.Ints, zap.Times, ...): a marshaler that appends its own booleans, numbers and
// strings and nothing else, so it needs no redacting encoder. Any other marshaler is
// guarded, whatever its data: its methods may compute what they log (look a customer
// up by an ID, a map, a global), which the walk of its redacted copy never sees.
// zap's generic marshalers (zap.Objects, zap.ObjectValues, zap.Stringers) call their
// elements' methods, so they are guarded too.
func plain(v any) bool {
	t := reflect.TypeOf(v)
	if p, ok := plainTypes.Load(t); ok {
		return p
	}
	p := t.PkgPath() == zapPath && !strings.Contains(t.Name(), "[") && plainType(t, map[reflect.Type]bool{})
	plainTypes.Store(t, p)
	return p
}

// plainType reports whether t is built of booleans, numbers and strings in exported
// fields, arrays, slices, maps and pointers, with no interface, function, channel or
// unexported field; seen holds the types being looked at, which a recursive type meets
// again (and which are plain unless something else says not).
func plainType(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return true
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128, reflect.String:
		return true
	case reflect.Array, reflect.Slice, reflect.Pointer:
		return plainType(t.Elem(), seen)
	case reflect.Map:
		return plainType(t.Key(), seen) && plainType(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); !f.IsExported() || !plainType(f.Type, seen) {
				return false
			}
		}
		return true
	}
	return false
}
