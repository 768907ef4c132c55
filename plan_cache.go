package pii

import (
	"reflect"
	"sync/atomic"
	"unsafe"
)

// recentPlans is a small direct-mapped cache in front of plans, the sync.Map of every
// plan built: a service logs the same few types again and again, and a hit here is a
// load and a compare, where a sync.Map lookup hashes an interface. Each slot holds the
// plan of the last type that hashed to it; a miss falls back to plans and takes the
// slot. Slots are replaced whole, so a reader sees an entry or its successor, never
// half of one.
var recentPlans [256]atomic.Pointer[recentPlan]

type recentPlan struct {
	typ unsafe.Pointer // the type's runtime descriptor (typeID)
	pl  *plan
}

// typeID returns what identifies t: the pointer to its runtime descriptor, the data
// word of the reflect.Type interface. Two reflect.Types are the same type exactly when
// their descriptors are the same.
func typeID(t reflect.Type) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&t))[1]
}

// recentSlot is the cache slot of the type with descriptor id.
func recentSlot(id unsafe.Pointer) *atomic.Pointer[recentPlan] {
	h := uint64(uintptr(id)) * 0x9E3779B97F4A7C15
	return &recentPlans[h>>(64-8)]
}

// cachedPlan returns t's plan from the cache of recent ones, or nil.
func cachedPlan(t reflect.Type) *plan {
	id := typeID(t)
	if e := recentSlot(id).Load(); e != nil && e.typ == id {
		return e.pl
	}
	return nil
}

// remember puts t's plan in the cache of recent ones.
func remember(t reflect.Type, pl *plan) {
	id := typeID(t)
	recentSlot(id).Store(&recentPlan{typ: id, pl: pl})
}
