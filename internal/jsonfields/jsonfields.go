// Package jsonfields lists the fields of a struct type as an object encoder writes them,
// named as encoding/json names them. The zap and zerolog adapters share it, so that both
// write a redacted struct with the same keys.
package jsonfields

import (
	"reflect"
	"strings"

	"github.com/ef8f9424/pii/internal/typecache"
)

// A Field is an exported struct field as an object writes it: its index and its JSON
// name (or Go name).
type Field struct {
	Index int
	Name  string
}

// cache maps a struct type to its []Field.
var cache typecache.Cache[[]Field]

// Of returns the fields of struct type t that an object writes, computed once per type:
// exported, not tagged json:"-", named as encoding/json names them.
func Of(t reflect.Type) []Field {
	if fields, ok := cache.Load(t); ok {
		return fields
	}
	var out []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name := sf.Name
		if tag, ok := sf.Tag.Lookup("json"); ok {
			if tag == "-" {
				continue // json:"-" leaves the field out; json:"-," names it "-"
			}
			n, _, _ := strings.Cut(tag, ",")
			if n != "" {
				name = n
			}
		}
		out = append(out, Field{i, name})
	}
	cache.Store(t, out)
	return out
}
