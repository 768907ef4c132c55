package pii

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

type rvFail struct {
	Name  string `pii:"name"`
	Homes []rvAddr
	Home  *rvAddr
	Tags  []string `pii:"email"`
	Any   any
}

type rvBadTag struct {
	Email string `pii:"emial"`
}

type rvPanicky struct{ A, B string }

func (s rvPanicky) String() string { panic("jane@example.com") }

// rvFailOf is a record whose walk goes through slices, a pointer and masked strings,
// then meets what is in Any.
func rvFailOf(i int, held any) rvFail {
	homes := make([]rvAddr, 1+i%4)
	for j := range homes {
		homes[j] = rvAddr{Street: fmt.Sprintf("%d Elm St", i+j), Postal: "94043", Ref: fmt.Sprint("h", i, j)}
	}
	return rvFail{
		Name: fmt.Sprintf("Jane%d Doe", i), Homes: homes, Home: &rvAddr{Street: fmt.Sprintf("%d Oak St", i), Ref: fmt.Sprint("o", i)},
		Tags: []string{fmt.Sprintf("jane%d@example.com", i), "jo@example.com"}, Any: held,
	}
}

// TestLentSpareReviewFailedWalks lends records of one type in turn whose walk succeeds,
// or fails after it made copies (a malformed tag, a map keyed by tagged values, a
// method that panics, inside an interface): each line shows what ForLog shows (the
// failure note, or the copy), the caller's value is unchanged, and a copy held from
// before a failure stays as it was.
func TestLentSpareReviewFailedWalks(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	fails := []struct {
		name string
		held any
	}{
		{"malformed tag", rvBadTag{"jane@example.com"}},
		{"tagged map key", map[rvAddr]int{{Street: "1 Elm St"}: 1}},
		{"panicking String", rvPanicky{"a", "b"}},
		{"ok", &rvAddr{Street: "9 Pine St", Ref: "p"}},
	}
	var heldX any
	var heldShow string
	var heldLent loan.Copy
	for i := range 40 {
		f := fails[i%len(fails)]
		for _, scan := range []bool{false, true} {
			v := rvFailOf(i, f.held)
			forLog := p.ForLog
			if scan {
				forLog = p.ForLogScanned
			}
			want, _ := forLog(v)
			got, _, lent := loan.ForLog(p, v, scan)
			if diff := cmp.Diff(rvShow(want), rvShow(got)); diff != "" {
				t.Fatalf("record %d (%s, scan %v): the lent copy differs from ForLog's (-ForLog +lent):\n%s", i, f.name, scan, diff)
			}
			if !reflect.DeepEqual(v, rvFailOf(i, f.held)) {
				t.Fatalf("record %d (%s): the caller's value changed", i, f.name)
			}
			if i == 3 && !scan {
				heldX, heldShow, heldLent = got, rvShow(got), lent
				continue
			}
			lent.Return()
		}
	}
	if diff := cmp.Diff(heldShow, rvShow(heldX)); diff != "" {
		t.Errorf("a copy held through failed walks changed (-lent +now):\n%s", diff)
	}
	heldLent.Return()
}
