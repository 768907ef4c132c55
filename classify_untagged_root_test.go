package pii_test

import (
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// TestCheckTaggedLeafRoot checks the message of CheckTagged for a value that is itself a
// leaf, or a collection of leaves: it names the value, where the path is empty.
func TestCheckTaggedLeafRoot(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{"x", "pii: string has 1 untagged field(s): (the value itself)"},
		{new(int), "pii: int has 1 untagged field(s): (the value itself)"},
		{[]string{"a"}, "pii: []string has 1 untagged field(s): (the value itself)[]"},
		{struct{ A, B string }{}, "pii: struct { A string; B string } has 2 untagged field(s): A, B"},
	}
	for _, tt := range tests {
		err := pii.CheckTagged(tt.v)
		if err == nil {
			t.Errorf("CheckTagged(%T) = nil", tt.v)
			continue
		}
		if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
			t.Errorf("CheckTagged(%T) (-want +got):\n%s", tt.v, diff)
		}
	}
}
