package jsonfields

import (
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type sample struct {
	Plain   string
	Renamed string `json:"renamed,omitempty"`
	hidden  string
	Skipped string `json:"-"`
	Options string `json:",omitempty"`
	Dash    string `json:"-,"`
}

// TestOf lists exported fields under their JSON names, skipping json:"-" (but not
// json:"-,", which names a field "-", as encoding/json reads it), and lists them again
// from the cache.
func TestOf(t *testing.T) {
	want := []Field{{0, "Plain"}, {1, "renamed"}, {4, "Options"}, {5, "-"}}
	typ := reflect.TypeFor[sample]()
	if diff := cmp.Diff(want, Of(typ)); diff != "" {
		t.Errorf("Of (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, Of(typ)); diff != "" {
		t.Errorf("Of, cached (-want +got):\n%s", diff)
	}
}

// TestOfManyTypes asks, from several goroutines, for the fields of more struct types than
// the cache of recent ones has slots: each type gets its own fields, whichever type held
// its slot before.
func TestOfManyTypes(t *testing.T) {
	types := make([]reflect.Type, 300)
	for i := range types {
		types[i] = reflect.StructOf([]reflect.StructField{
			{Name: "A", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(fmt.Sprintf(`json:"a%d"`, i))},
		})
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for round := range 20 {
				for i := range types {
					k := (i*7 + g + round) % len(types)
					want := []Field{{0, fmt.Sprintf("a%d", k)}}
					if diff := cmp.Diff(want, Of(types[k])); diff != "" {
						t.Errorf("Of(type %d) (-want +got):\n%s", k, diff)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
