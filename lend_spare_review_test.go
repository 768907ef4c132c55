package pii

import (
	"sync"
	"testing"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// Review of the memory a lent box keeps (lentBox): what a user would check of it.

// reviewKeeper is a Redactor that keeps the receiver its RedactPII was called on, and
// what it left there, as arena_test.go's keptPhone does, but leaves each number's own
// last digits, so that a receiver written again by another record shows.
type reviewKeeper struct{ Number string }

var reviewKept struct {
	mu   sync.Mutex
	ptrs []*reviewKeeper
	left []string
}

func (k *reviewKeeper) RedactPII(Kind) {
	k.Number = "***" + k.Number[len(k.Number)-4:]
	reviewKept.mu.Lock()
	reviewKept.ptrs = append(reviewKept.ptrs, k)
	reviewKept.left = append(reviewKept.left, k.Number)
	reviewKept.mu.Unlock()
}

type reviewKeeperSlice struct {
	Name   string         `pii:"name"`
	Phones []reviewKeeper `pii:"phone"`
}

type reviewKeeperPtr struct {
	Name  string        `pii:"name"`
	Phone *reviewKeeper `pii:"phone"`
}

type reviewKeeperIface struct {
	Name  string `pii:"name"`
	Phone any    `pii:"phone"`
}

// TestLentSpareReviewRedactorKeepsReceiver logs, one line after the other, records
// whose Redactor sits behind a slice, a pointer or an interface, where a copy clones
// it: each RedactPII's receiver must be its line's alone, as it is in ForLog's copy
// (see holdsRedactor), so what it left there is still there once other lines of the
// type were written.
func TestLentSpareReviewRedactorKeepsReceiver(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	numbers := []string{"+14155550001", "+14155550002", "+14155550003"}
	for _, tc := range []struct {
		name string
		of   func(number string) any
	}{
		{"slice", func(n string) any { return reviewKeeperSlice{"Jane Doe", []reviewKeeper{{n}}} }},
		{"pointer", func(n string) any { return reviewKeeperPtr{"Jane Doe", &reviewKeeper{n}} }},
		{"interface", func(n string) any { return reviewKeeperIface{"Jane Doe", &reviewKeeper{n}} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reviewKept.mu.Lock()
			reviewKept.ptrs, reviewKept.left = nil, nil
			reviewKept.mu.Unlock()
			for _, n := range numbers {
				x, _, lent := loan.ForLog(p, tc.of(n), false)
				if lent == (loan.Copy{}) {
					t.Fatalf("%T is not lent: the test tests nothing", x)
				}
				lent.Return()
			}
			reviewKeptUnchanged(t)
		})
	}
}

// reviewKeeperTagged is a Redactor with a tagged field: untagged, a pointer to it is
// walked as a struct; tagged, it redacts itself (see leafKindOf).
type reviewKeeperTagged struct {
	Number string `pii:"phone"`
}

func (k *reviewKeeperTagged) RedactPII(Kind) {
	k.Number = "***" + k.Number[len(k.Number)-4:]
	reviewKept.mu.Lock()
	reviewKept.ptrs = append(reviewKept.ptrs, (*reviewKeeper)(k))
	reviewKept.left = append(reviewKept.left, k.Number)
	reviewKept.mu.Unlock()
}

// TestLentSpareReviewRedactorTakesNoOtherBlock logs records where one pointer of a
// Redactor's type is walked as a struct and another, tagged, redacts itself: the
// memory the first took for one line must not become the receiver of the second's
// RedactPII in the next, nor the receiver kept be written by the line after.
func TestLentSpareReviewRedactorTakesNoOtherBlock(t *testing.T) {
	type rec struct {
		Walked *reviewKeeperTagged
		Self   *reviewKeeperTagged `pii:"phone"`
		Name   string              `pii:"name"`
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	reviewKept.mu.Lock()
	reviewKept.ptrs, reviewKept.left = nil, nil
	reviewKept.mu.Unlock()
	for i, v := range []rec{
		{Walked: &reviewKeeperTagged{"+14155550001"}, Name: "Jane Doe"},
		{Self: &reviewKeeperTagged{"+14155550002"}, Name: "Jane Doe"},
		{Walked: &reviewKeeperTagged{"+14155550003"}, Name: "Jane Doe"},
		{Self: &reviewKeeperTagged{"+14155550004"}, Name: "Jane Doe"},
		{Walked: &reviewKeeperTagged{"+14155550005"}, Self: &reviewKeeperTagged{"+14155550006"}, Name: "Jane Doe"},
	} {
		x, _, lent := loan.ForLog(p, v, false)
		if lent == (loan.Copy{}) {
			t.Fatalf("record %d (%T) is not lent: the test tests nothing", i, x)
		}
		lent.Return()
	}
	reviewKeptUnchanged(t)
}

// reviewKeptUnchanged fails the test when a receiver a RedactPII kept no longer reads
// what it read when that RedactPII returned.
func reviewKeptUnchanged(t *testing.T) {
	t.Helper()
	reviewKept.mu.Lock()
	defer reviewKept.mu.Unlock()
	var now []string
	for _, k := range reviewKept.ptrs {
		now = append(now, k.Number)
	}
	if diff := cmp.Diff(reviewKept.left, now); diff != "" {
		t.Errorf("a receiver a RedactPII kept was written by a later line (-left +now):\n%s", diff)
	}
}
