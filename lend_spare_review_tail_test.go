package pii

import (
	"runtime"
	"testing"
	"time"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// reviewTailItem is an element of a tagged slice that also points at data of the
// caller's that a copy shares (nothing to redact there).
type reviewTailItem struct {
	Email string `pii:"email"`
	Blob  *[1 << 20]byte
}

type reviewTail struct {
	Items []reviewTailItem
	Name  string `pii:"name"`
}

// TestLentSpareReviewNoStaleElements logs a record with a long slice, then one with a
// short slice of the same type (or none), whose copy is made in the memory the long
// one's took, and holds that copy: the elements of the long record past the short
// one's length are not the new line's, and must not keep what they pointed at alive (a
// megabyte of the caller's, given up by the caller), as ForLog's copy keeps nothing of
// it.
func TestLentSpareReviewNoStaleElements(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		long, cut int // the long slice's length, and where its blob is
	}{
		{"last element of many", 100, 99},
		{"second of two", 2, 1},
		{"only element, then no slice at all", 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			freed := make(chan struct{})
			func() {
				long := reviewTail{Items: make([]reviewTailItem, tc.long), Name: "Jane Doe"}
				for i := range long.Items {
					long.Items[i].Email = "jane@example.com"
				}
				blob := new([1 << 20]byte)
				runtime.SetFinalizer(blob, func(*[1 << 20]byte) { close(freed) })
				long.Items[tc.cut].Blob = blob
				_, _, lent := loan.ForLog(p, long, false)
				lent.Return()
			}()
			short := reviewTail{Items: []reviewTailItem{{Email: "jo@example.com"}}, Name: "Jo Roe"}
			if tc.long == 1 {
				short.Items = nil // the line takes none of the memory the last one took
			}
			want, _ := p.ForLog(short)
			got, _, held := loan.ForLog(p, short, false) // held: its box is out of the pool
			defer held.Return()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("lent copy differs from ForLog's (-ForLog +lent):\n%s", diff)
			}
			deadline := time.Now().Add(2 * time.Second)
			for {
				runtime.GC()
				select {
				case <-freed:
					return
				case <-time.After(10 * time.Millisecond):
				}
				if time.Now().After(deadline) {
					t.Errorf("what an element of an earlier, longer line pointed at is kept alive by the copy of a shorter one")
					return
				}
			}
		})
	}
	runtime.KeepAlive(p)
}
