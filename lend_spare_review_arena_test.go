package pii

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// reviewLong is a record whose masks may be long: an email's domain is kept.
type reviewLong struct {
	Email string `pii:"email"`
	Ref   string `pii:"no"`
}

// TestLentSpareReviewArenaBounded logs a record with a long masked string, once, then
// small ones: the box the copies are made in must not keep the long record's arena (a
// megabyte met once is not kept alive in the pool), as no block larger than
// lentMaxBytes is kept, and a walker keeps no large arena (redactAction.reset).
func TestLentSpareReviewArenaBounded(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector drops pooled values at random")
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	long := reviewLong{Email: "jane@" + strings.Repeat("a", 1<<20) + ".example.com", Ref: "r1"}
	small := reviewLong{Email: "jane@example.com", Ref: "r2"}
	pl := planFor(reflect.TypeFor[reviewLong]())
	for i, v := range []reviewLong{long, small, small} {
		want, _ := p.ForLog(v)
		got, _, lent := loan.ForLog(p, v, false)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("record %d: lent copy differs from ForLog's (-ForLog +lent):\n%s", i, diff)
		}
		lent.Return()
		box, _ := pl.lent.Get().(*lentBox)
		if box == nil {
			t.Fatal("the box given back is not in the pool")
		}
		if got := cap(box.arena); got > arenaHintMax {
			t.Errorf("after record %d (email of %d bytes), the pooled box keeps an arena of %d bytes: want at most %d", i, len(v.Email), got, arenaHintMax)
		}
		pl.lent.Put(box)
	}
}
