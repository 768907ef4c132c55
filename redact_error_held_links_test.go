package pii_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii"
)

// heldData is a wrapper error of a type == cannot compare (it holds a slice).
type heldData struct {
	Data []int
	err  error
}

func (d heldData) Error() string { return fmt.Sprint("data: ", d.err) }
func (d heldData) Unwrap() error { return d.err }

// heldDataList holds its errors in an exported field and lists them by Errors, as
// copies of the values it holds.
type heldDataList struct{ Held []heldData }

func (l heldDataList) Error() string { return fmt.Sprint(len(l.Held), " errors") }
func (l heldDataList) Errors() []error {
	errs := make([]error, len(l.Held))
	for i, e := range l.Held {
		errs[i] = e
	}
	return errs
}

// dataList returns a heldDataList of n errors, each with its own data of size ints,
// alike but for the last.
func dataList(n, size int) heldDataList {
	l := heldDataList{make([]heldData, n)}
	for i := range l.Held {
		l.Held[i] = heldData{make([]int, size), errors.New("timeout")}
		l.Held[i].Data[size-1] = i
	}
	return l
}

// TestHeldValuesThatAreLinks checks errors of a type == cannot compare, held in a field
// and listed by Errors: each is found as a link, counted once, so that 400 of them (800 errors with theirs) are
// within the bound of a chain and passed on as they are.
func TestHeldValuesThatAreLinks(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	l := dataList(400, 4)
	if got, changed := p.ForLog(l); changed || fmt.Sprint(got) != l.Error() {
		t.Errorf("ForLog of 400 listed and held errors = %.80q, %v: want it as it is", fmt.Sprint(got), changed)
	}
}

// BenchmarkHeldValuesThatAreLinks measures the check of 300 held errors of a type ==
// cannot compare, each of large data, against the 300 links of the chain: compared
// deeply pair by pair, it took seconds.
func BenchmarkHeldValuesThatAreLinks(b *testing.B) {
	p, err := pii.New()
	if err != nil {
		b.Fatal(err)
	}
	l := dataList(300, 20_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, changed := p.ForLog(l); changed {
			b.Fatal("changed")
		}
	}
}
