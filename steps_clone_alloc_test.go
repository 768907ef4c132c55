package pii

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// TestCloneSliceOneAllocation checks that a slice's clone, of strings or of anything
// else, is one allocation (its array) and holds the elements it was cloned from.
func TestCloneSliceOneAllocation(t *testing.T) {
	addrs := []spareAddress{{Street: "1 Main St", Postal: "94043"}, {Street: "2 Main St", Postal: "10001", Ref: "r"}}
	phones := []string{"+14155552671", "+442079460958", "+4930901820"}
	for _, tc := range []struct {
		name  string
		typ   reflect.Type
		data  unsafe.Pointer
		n     int
		clone func(p unsafe.Pointer) any
		want  any
	}{
		{"structs", reflect.TypeFor[[]spareAddress](), unsafe.Pointer(&addrs[0]), len(addrs),
			func(p unsafe.Pointer) any { return unsafe.Slice((*spareAddress)(p), len(addrs)) }, addrs},
		{"strings", reflect.TypeFor[[]string](), unsafe.Pointer(&phones[0]), len(phones),
			func(p unsafe.Pointer) any { return unsafe.Slice((*string)(p), len(phones)) }, phones},
	} {
		n := newNode(tc.typ, rule{})
		got := cloneSlice(n, tc.data, tc.n)
		if got == tc.data {
			t.Errorf("%s: the clone shares the original's array", tc.name)
		}
		if diff := cmp.Diff(tc.want, tc.clone(got)); diff != "" {
			t.Errorf("%s: clone (-want +got):\n%s", tc.name, diff)
		}
		if raceBuild {
			continue
		}
		if allocs := testing.AllocsPerRun(100, func() { cloneSlice(n, tc.data, tc.n) }); allocs != 1 {
			t.Errorf("%s: a clone allocates %v times, want 1", tc.name, allocs)
		}
	}
}
