package piizap

import (
	"reflect"

	"github.com/ef8f9424/pii/internal/typecache"
)

// plainTypes caches, per type, whether it is plain data (see plain).
var plainTypes typecache.Cache[bool]

// plain reports whether v's type is plain data: built of booleans, numbers and strings
// in exported fields, arrays, slices, maps and pointers, with no interface, function,
// channel or unexported field. A marshaler of plain data can reach nothing but its own
// fields, which the walk of its redacted copy has seen: it needs no redacting encoder
// (zap.Strings, zap.Ints and a tagged struct's own MarshalLogObject need none).
func plain(v any) bool {
	t := reflect.TypeOf(v)
	if p, ok := plainTypes.Load(t); ok {
		return p
	}
	p := plainType(t, map[reflect.Type]bool{})
	plainTypes.Store(t, p)
	return p
}

// plainType is plain for a type; seen holds the types being looked at, which a
// recursive type meets again (and which are plain unless something else says not).
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
