package pii

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// TestRecentPlansUnderContention plans many types from several goroutines at once, far
// more types than the cache of recent plans has slots, so that slots are taken over
// while others read them: every lookup gives the plan of the type asked for, never the
// plan of a type that shares its slot.
func TestRecentPlansUnderContention(t *testing.T) {
	const ntypes = 1000
	types := make([]reflect.Type, ntypes)
	for i := range types {
		types[i] = reflect.StructOf([]reflect.StructField{{
			Name: fmt.Sprintf("F%d", i), Type: reflect.TypeFor[string](), Tag: `pii:"phone"`,
		}})
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for round := range 20 {
				for j := range types {
					typ := types[(j*(2*g+1)+round)%ntypes] // each goroutine its own order
					if pl := planFor(typ); pl.root.typ != typ {
						select {
						case errs <- fmt.Sprintf("planFor(%v) gave the plan of %v", typ, pl.root.typ):
						default:
						}
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
