package typecache

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// TestCache stores a value for more types than there are slots for recent ones, then
// loads them from several goroutines, each in its own order, so that slots change
// hands while others read them: every type gives its own value, and a type never
// stored gives none.
func TestCache(t *testing.T) {
	var c Cache[int]
	types := make([]reflect.Type, 1000)
	for i := range types {
		types[i] = reflect.StructOf([]reflect.StructField{{Name: fmt.Sprintf("F%d", i), Type: reflect.TypeFor[int]()}})
		c.Store(types[i], i)
	}
	if v, ok := c.Load(reflect.TypeFor[string]()); ok {
		t.Errorf("Load of a type never stored = %d, true; want none", v)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for round := range 20 {
				for j := range types {
					k := (j*(2*g+1) + round) % len(types)
					if v, ok := c.Load(types[k]); !ok || v != k {
						t.Errorf("Load(type %d) = %d, %v; want %d, true", k, v, ok, k)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
