package piizerolog

import (
	"reflect"
	"strings"
	"sync"
)

// A namedField is an exported struct field as an object writes it: its index and its
// JSON name (or Go name).
type namedField struct {
	index int
	name  string
}

// fieldCache maps a struct type to its []namedField.
var fieldCache sync.Map

// fieldsOf returns the fields of struct type t that an object writes, computed once per
// type: exported, not tagged json:"-", named as encoding/json names them.
func fieldsOf(t reflect.Type) []namedField {
	if v, ok := fieldCache.Load(t); ok {
		return v.([]namedField)
	}
	var out []namedField
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name := sf.Name
		if tag, ok := sf.Tag.Lookup("json"); ok {
			n, _, _ := strings.Cut(tag, ",")
			if n == "-" {
				continue
			}
			if n != "" {
				name = n
			}
		}
		out = append(out, namedField{i, name})
	}
	fieldCache.Store(t, out)
	return out
}
