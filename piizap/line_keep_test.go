package piizap

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap/zapcore"
)

// TestLineKeepsShortLists checks what a line keeps for the next once written: its lists
// emptied, and only those of room for maxKeptFields at most, so that one long line does
// not pin long lists in the pool (its list of copies is a loan.List, which bounds its own).
func TestLineKeepsShortLists(t *testing.T) {
	for _, n := range []int{1, maxKeptFields / 2, 2 * maxKeptFields} {
		ln := new(line)
		c := &core{}
		for range n {
			ln.objectGuard(c, nil, false)
		}
		out := make([]zapcore.Field, n)
		want := []bool{cap(ln.guards) <= maxKeptFields, cap(out) <= maxKeptFields}
		ln.done(out, true)
		got := []bool{cap(ln.guards) > 0, cap(ln.fields) > 0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%d: lists (guards, fields) kept (-want +got):\n%s", n, diff)
		}
		if len(ln.guards)+len(ln.fields) != 0 {
			t.Errorf("%d: a list kept is not empty", n)
		}
		for _, g := range ln.guards[:cap(ln.guards)] {
			if g != nil && (g.m != nil || g.e.c != nil || g.busy.Load()) {
				t.Errorf("%d: a guard kept still holds its line's marshaler", n)
			}
		}
	}
}
