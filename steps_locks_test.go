package pii

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// lockedGrid holds locked records in a long array and in an array of arrays, reached
// through a pointer, which a copy clones whole.
type lockedGrid struct {
	Long *[100]reviewLateLocked
	Grid *[3][70]reviewLateLocked
}

// TestCopiesOfLongArraysHoldNoLock checks that every lock in a copied array is
// cleared, however long the array and however deep the arrays nest: a span of the
// plan covers the same field of every element. The caller's records stay locked.
func TestCopiesOfLongArraysHoldNoLock(t *testing.T) {
	in := lockedGrid{Long: new([100]reviewLateLocked), Grid: new([3][70]reviewLateLocked)}
	var all []*reviewLateLocked
	for i := range in.Long {
		all = append(all, &in.Long[i])
	}
	for i := range in.Grid {
		for j := range in.Grid[i] {
			all = append(all, &in.Grid[i][j])
		}
	}
	for _, r := range all {
		r.Email = "jane@example.com"
		r.mu.Lock()
	}
	out, err := Redacted(Default(), in)
	if err != nil {
		t.Fatal(err)
	}
	var locked []string
	for i := range out.Long {
		if !out.Long[i].mu.TryLock() || out.Long[i].Email != "***@example.com" {
			locked = append(locked, fmt.Sprintf("Long[%d]", i))
		}
	}
	for i := range out.Grid {
		for j := range out.Grid[i] {
			if !out.Grid[i][j].mu.TryLock() || out.Grid[i][j].Email != "***@example.com" {
				locked = append(locked, fmt.Sprintf("Grid[%d][%d]", i, j))
			}
		}
	}
	if diff := cmp.Diff([]string(nil), locked); diff != "" {
		t.Errorf("copied records still locked or not redacted (-want +got):\n%s", diff)
	}
	for _, r := range all {
		if r.mu.TryLock() {
			t.Fatal("Redacted unlocked a caller's record")
		}
	}
}
