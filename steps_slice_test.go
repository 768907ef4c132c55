package pii_test

import (
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// Phones is a named []string: its copy is not made the way a []string's is.
type Phones []string

// Phone is a named string held in a slice.
type Phone string

// TestRedactedStringSlices redacts []string, a named []string and a []named-string, in
// a struct and behind an interface: each copy keeps its type and hides every number, and
// the caller's slices are unchanged.
func TestRedactedStringSlices(t *testing.T) {
	type record struct {
		Plain  []string `pii:"phone"`
		Named  Phones   `pii:"phone"`
		Elems  []Phone  `pii:"phone"`
		Behind any      `pii:"phone"`
	}
	in := func() record {
		return record{
			Plain:  []string{"+14155552671", "+14155552672"},
			Named:  Phones{"+14155552673"},
			Elems:  []Phone{"+14155552674"},
			Behind: Phones{"+14155552675"},
		}
	}
	v := in()
	got, err := pii.Redacted(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	want := record{
		Plain:  []string{"+1415555XXXX", "+1415555XXXX"},
		Named:  Phones{"+1415555XXXX"},
		Elems:  []Phone{"+1415555XXXX"},
		Behind: Phones{"+1415555XXXX"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Redacted (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(in(), v); diff != "" {
		t.Errorf("the caller's value changed (-before +after):\n%s", diff)
	}
	logged, _ := pii.Default().ForLog(v)
	if diff := cmp.Diff(want, logged); diff != "" {
		t.Errorf("ForLog (-want +got):\n%s", diff)
	}
}
