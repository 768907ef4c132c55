package pii

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// lendCustomer is a flat record of the kind adapters log: lent.
type lendCustomer struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Email string `pii:"email" json:"email"`
	Phone string `pii:"phone" json:"phone"`
}

func lendCustomerOf(i int) lendCustomer {
	return lendCustomer{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Jane%d Doe", i), Email: fmt.Sprintf("jane%d@example.com", i), Phone: "+14155552671"}
}

// jsonOf is what an adapter writes of x.
func jsonOf(t *testing.T, x any) string {
	t.Helper()
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestLentCopyIsForLogs checks that a lent copy is what ForLog gives, value by value,
// for the shapes that are lent and those that are not, and that only lent ones come
// with something to give back.
func TestLentCopyIsForLogs(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	c := lendCustomerOf(1)
	type small struct {
		Name string `pii:"name"`
	}
	type withMapKey struct {
		M map[lendCustomer]int
	}
	for _, tc := range []struct {
		name string
		v    any
		lent bool
	}{
		{"a struct", c, true},
		{"a pointer to one", &c, false},
		{"a struct as small as a pointer", struct{ P *lendCustomer }{&c}, false},
		{"a struct holding a Redactor", struct{ K keptPhone }{keptPhone{"+14155552671"}}, false},
		{"an error that wraps", fmt.Errorf("x: %w", errors.New("y")), false},
		{"a struct with nothing to hide", struct{ A, B int }{1, 2}, false},
		{"a string", "jane@example.com", false},
		{"a walk that fails", withMapKey{map[lendCustomer]int{c: 1}}, false},
		{"one that is a pointer wide", small{"Jane Doe"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantChanged := p.ForLog(tc.v)
			got, changed, lent := loan.ForLog(p, tc.v, false)
			if diff := cmp.Diff(fmt.Sprint(jsonOf(t, want), wantChanged), fmt.Sprint(jsonOf(t, got), changed)); diff != "" {
				t.Errorf("lent copy differs from ForLog's (-ForLog +lent):\n%s", diff)
			}
			if isLent := lent != (loan.Copy{}); isLent != tc.lent {
				t.Errorf("lent: %v, want %v", isLent, tc.lent)
			}
			lent.Return()
		})
	}
}

// stringerNote has nothing tagged, and prints itself: a scan sees its text.
type stringerNote struct{ Text, More string }

func (n stringerNote) String() string { return n.Text }

// TestLentCopyScanned checks lent copies under a scan against ForLogScanned's, for a
// tagged value and for one that a scan reads through its String method.
func TestLentCopyScanned(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{lendCustomerOf(1), stringerNote{"call +14155552671", "jane@example.com"}} {
		want, wantChanged := p.ForLogScanned(v)
		got, changed, lent := loan.ForLog(p, v, true)
		if diff := cmp.Diff(fmt.Sprint(jsonOf(t, want), wantChanged), fmt.Sprint(jsonOf(t, got), changed)); diff != "" {
			t.Errorf("%T: lent copy differs from ForLogScanned's (-ForLogScanned +lent):\n%s", v, diff)
		}
		lent.Return()
	}
}

// TestLentCopyReused checks that a copy given back is made again for the next value,
// with nothing of the value before, and that a copy not given back is never written.
func TestLentCopyReused(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	held, _, heldLent := loan.ForLog(p, lendCustomerOf(1), false) // not given back yet
	heldJSON := jsonOf(t, held)
	for i := 2; i < 50; i++ {
		v := lendCustomerOf(i)
		if i%3 == 0 {
			v.Email, v.Name = "", "" // nothing of the previous value may stay
		}
		want, _ := p.ForLog(v)
		got, _, lent := loan.ForLog(p, v, false)
		if diff := cmp.Diff(jsonOf(t, want), jsonOf(t, got)); diff != "" {
			t.Fatalf("value %d (-ForLog +lent):\n%s", i, diff)
		}
		lent.Return()
	}
	if diff := cmp.Diff(heldJSON, jsonOf(t, held)); diff != "" {
		t.Errorf("a copy not given back changed (-before +after):\n%s", diff)
	}
	heldLent.Return()
}

// TestLentCopyAllocatesLess checks what lending is for: a lent copy given back costs
// less garbage than a copy of its own (the masks' arena is shared by several records,
// so neither count is a whole number).
func TestLentCopyAllocatesLess(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector drops pooled values at random")
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var c any = lendCustomerOf(1) // boxed once: the caller's allocation, not ours
	own := testing.AllocsPerRun(1000, func() { p.ForLog(c) })
	lent := testing.AllocsPerRun(1000, func() {
		_, _, l := loan.ForLog(p, c, false)
		l.Return()
	})
	if lent >= own || lent >= 1 {
		t.Errorf("lent copies allocate %v times a line, own copies %v: want fewer, and under one", lent, own)
	}
}

// TestSafeBorrowed checks a SafeValue printed and encoded at once from many goroutines,
// with copies borrowed and given back: each text shows its own record, and no personal
// data.
func TestSafeBorrowed(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				r := lendRecordOf(g, i)
				b, err := json.Marshal(Safe(r))
				if err != nil {
					t.Error(err)
					return
				}
				for _, text := range []string{fmt.Sprintf("%+v", Safe(r)), Safe(r).String(), string(b)} {
					if !strings.Contains(text, r.ID) || !strings.Contains(text, r.Plan) || strings.Contains(text, "Jane") {
						t.Errorf("%s: printed as %s", r.ID, text)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
