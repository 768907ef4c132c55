// Package jsonfields lists the fields of a struct type as an object encoder writes them,
// named as encoding/json names them. The zap and zerolog adapters share it, so that both
// write a redacted struct with the same keys.
package jsonfields

import (
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A Field is an exported struct field as an object writes it: its index and its JSON
// name (or Go name).
type Field struct {
	Index int
	Name  string
}

// cache maps a struct type to its []Field.
var cache sync.Map

// recent is a direct-mapped cache in front of cache, keyed by the type's runtime
// descriptor (the data word of the reflect.Type): a logger writes the same few types
// again and again, and a hit is a load and a compare where the sync.Map hashes an
// interface.
var recent [64]atomic.Pointer[entry]

type entry struct {
	typ    unsafe.Pointer
	fields []Field
}

// Of returns the fields of struct type t that an object writes, computed once per type:
// exported, not tagged json:"-", named as encoding/json names them.
func Of(t reflect.Type) []Field {
	id := (*[2]unsafe.Pointer)(unsafe.Pointer(&t))[1]
	slot := &recent[(uint64(uintptr(id))*0x9E3779B97F4A7C15)>>(64-6)]
	if e := slot.Load(); e != nil && e.typ == id {
		return e.fields
	}
	if v, ok := cache.Load(t); ok {
		slot.Store(&entry{id, v.([]Field)})
		return v.([]Field)
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
