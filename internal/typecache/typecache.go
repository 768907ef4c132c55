// Package typecache keeps one value per Go type for lookups a hot path makes again and
// again: the plans of the types a service redacts, the fields of the types an adapter
// writes. A service meets the same few types on every call, so a small direct-mapped
// cache of recent types sits in front of a sync.Map of them all: a hit is a load and a
// compare of the type's runtime descriptor, where the sync.Map hashes an interface.
package typecache

import (
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"
)

// recentBits sets the number of slots for recent types: 1 << recentBits.
const recentBits = 8

// A Cache maps types to values of type V. The zero value is empty and ready; a Cache is
// safe for concurrent use and must not be copied.
type Cache[V any] struct {
	// recent holds, per slot, the last type looked up that hashes to it. Entries are
	// replaced whole, never changed, so a reader sees one entry or its successor.
	recent [1 << recentBits]atomic.Pointer[entry[V]]
	all    sync.Map // reflect.Type -> V
}

type entry[V any] struct {
	id unsafe.Pointer // the type's runtime descriptor
	v  V
}

// ID returns what identifies t: its runtime descriptor, the data word of the
// reflect.Type interface. Two reflect.Types are the same type exactly when their
// descriptors are the same, and descriptors are never freed. Comparing IDs is one
// compare, where comparing reflect.Types is a call into the runtime.
func ID(t reflect.Type) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&t))[1]
}

func (c *Cache[V]) slot(id unsafe.Pointer) *atomic.Pointer[entry[V]] {
	h := uint64(uintptr(id)) * 0x9E3779B97F4A7C15 // Fibonacci hashing
	return &c.recent[h>>(64-recentBits)]
}

// Load returns the value stored for t, and whether there is one.
func (c *Cache[V]) Load(t reflect.Type) (V, bool) {
	k := ID(t)
	if e := c.slot(k).Load(); e != nil && e.id == k {
		return e.v, true
	}
	return c.loadAll(t, k)
}

// loadAll is Load past the recent types: small enough, Load is inlined at its callers.
func (c *Cache[V]) loadAll(t reflect.Type, k unsafe.Pointer) (V, bool) {
	if v, ok := c.all.Load(t); ok {
		c.slot(k).Store(&entry[V]{id: k, v: v.(V)})
		return v.(V), true
	}
	var zero V
	return zero, false
}

// Store sets the value for t. Callers store a type's value once, when they have
// computed it; a second Store for the same type may leave Load giving the first value
// for a while.
func (c *Cache[V]) Store(t reflect.Type, v V) { c.all.Store(t, v) }
