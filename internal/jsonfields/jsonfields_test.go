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
