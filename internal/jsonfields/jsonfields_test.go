package jsonfields

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type sample struct {
	Plain   string
	Renamed string `json:"renamed,omitempty"`
	hidden  string
	Skipped string `json:"-"`
	Options string `json:",omitempty"`
}

// TestOf lists exported fields under their JSON names, skipping json:"-", and lists them
// again from the cache.
func TestOf(t *testing.T) {
	want := []Field{{0, "Plain"}, {1, "renamed"}, {4, "Options"}}
	typ := reflect.TypeFor[sample]()
	if diff := cmp.Diff(want, Of(typ)); diff != "" {
		t.Errorf("Of (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, Of(typ)); diff != "" {
		t.Errorf("Of, cached (-want +got):\n%s", diff)
	}
}
