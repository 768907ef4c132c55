package pii

import (
	"fmt"
	"testing"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// lendChain is a list that a walk goes down two steps an element (the struct, the
// pointer): a value as deep as a walk goes is easy to make.
type lendChain struct {
	Email string `pii:"email"`
	Next  *lendChain
	Pad   int // wider than a pointer, so that a chain's head is lent
}

// TestLentCopyAsDeep checks lent copies of values about as deep as a walk goes
// (maxDepth): a lent copy is refused as too deep exactly when ForLog's is, with the same
// note under the default Policy, and under one that reads the record's parties first.
func TestLentCopyAsDeep(t *testing.T) {
	parties, err := New(WithPartyJurisdiction())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*Policy{nil, parties} {
		for _, n := range []int{maxDepth/2 - 1, maxDepth / 2, maxDepth/2 + 1} {
			var head *lendChain
			for range n {
				head = &lendChain{Email: "jane@example.com", Next: head}
			}
			v := *head
			want, _ := p.ForLog(v)
			got, _, lent := loan.ForLog(p, v, false)
			show := func(x any) string {
				if note, ok := x.(redactionFailed); ok {
					return note.Error()
				}
				return fmt.Sprintf("a copy whose head is %q", x.(lendChain).Email)
			}
			if diff := cmp.Diff(show(want), show(got)); diff != "" {
				t.Errorf("party %v, %d elements (-ForLog +lent):\n%s", p != nil, n, diff)
			}
			lent.Return()
		}
	}
}
