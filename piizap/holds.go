package piizap

import (
	"reflect"
	"sync"

	"github.com/ef8f9424/pii"
)

// holdsCache maps a reflect.Type to whether its values may hold personal data.
var holdsCache sync.Map

// mayHold reports whether a value of type t may hold personal data: a field tagged as
// such (or with a tag the library refuses), or an interface whose dynamic value may.
// Values of other types pass through untouched and uncopied. The answer is computed once
// per type.
func mayHold(t reflect.Type) bool {
	if v, ok := holdsCache.Load(t); ok {
		return v.(bool)
	}
	v := holds(t, map[reflect.Type]bool{})
	holdsCache.Store(t, v)
	return v
}

func holds(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holds(t.Elem(), seen)
	case reflect.Map:
		return holds(t.Key(), seen) || holds(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if raw, ok := f.Tag.Lookup("pii"); ok {
				if tag, err := pii.ParseTag(raw); err != nil || tag.Class == pii.PII {
					return true
				}
			}
			if (f.IsExported() || f.Anonymous) && holds(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
