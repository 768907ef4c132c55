package pii_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// heldUnexported prints a detail it keeps in an unexported field of a concrete type,
// and unwraps only its cause.
type heldUnexported struct {
	detail *heldDetail
	cause  error
}

func (o heldUnexported) Error() string { return "outer: " + fmt.Sprint(o.detail) }
func (o heldUnexported) Unwrap() error { return o.cause }

// heldUnexportedPath keeps an *fs.PathError unexported: an error with Unwrap that a
// walk reaches only through its Err interface.
type heldUnexportedPath struct {
	path  *fs.PathError
	cause error
}

func (o heldUnexportedPath) Error() string { return "outer: " + o.path.Error() }
func (o heldUnexportedPath) Unwrap() error { return o.cause }

// HeldHidden is an exported struct, no error, that keeps a detail unexported.
type HeldHidden struct{ detail heldValueDetail }

// heldUnexportedDeep holds its detail in an exported field's unexported one, in a slice.
type heldUnexportedDeep struct {
	Info  []HeldHidden
	cause error
}

func (o heldUnexportedDeep) Error() string { return "outer: " + o.Info[0].detail.Error() }
func (o heldUnexportedDeep) Unwrap() error { return o.cause }

// heldUnexportedCause keeps its cause unexported, by a concrete pointer type: the held
// detail is the link, visited once.
type heldUnexportedCause struct{ cause *heldDetail }

func (o heldUnexportedCause) Error() string { return "outer: " + o.cause.Error() }
func (o heldUnexportedCause) Unwrap() error { return o.cause }

// heldRingNode is a node of a ring that holds details in unexported fields.
type heldRingNode struct {
	next   *heldRingNode
	detail *heldDetail
}

// heldRing prints the details of its ring's nodes, once round.
type heldRing struct{ head *heldRingNode }

func (r heldRing) Error() string {
	var b strings.Builder
	for n := r.head; n != nil; n = n.next {
		b.WriteString(fmt.Sprint(n.detail, ";"))
		if n.next == r.head {
			break
		}
	}
	return b.String()
}
func (r heldRing) Unwrap() error { return nil }

// ring returns a heldRing of three nodes, the second holding a detail around inner.
func ring(inner error) heldRing {
	last := &heldRingNode{}
	head := &heldRingNode{next: &heldRingNode{next: last, detail: &heldDetail{inner}}}
	last.next = head
	return heldRing{head}
}

// TestErrorsHeldUnexported checks wrapper errors held in unexported fields of concrete
// types: the error's Error prints them as it prints exported ones, so what they wrap is
// hidden from every output. Only exported fields were looked at, and the email showed.
// A ring of nodes is looked through once round: it was past the bound of a chain, and
// withheld whole with nothing tagged. A wrapper with pointer receivers held by value
// showed what it wrapped too, exported or not.
func TestErrorsHeldUnexported(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	refused := errors.New("connection refused")
	shapes := func(inner error) map[string]error {
		return map[string]error{
			"an unexported field":                  heldUnexported{&heldDetail{inner}, refused},
			"an exported field's unexported one":   heldUnexportedDeep{[]HeldHidden{{heldValueDetail{inner}}}, refused},
			"wrapped by %w":                        fmt.Errorf("save: %w", heldUnexported{&heldDetail{inner}, refused}),
			"an unexported cause of concrete type": heldUnexportedCause{&heldDetail{inner}},
			"an unexported *fs.PathError":          heldUnexportedPath{&fs.PathError{Op: "open", Path: "/x", Err: inner}, refused},
			"a ring of nodes":                      ring(inner),
			// A wrapper with pointer receivers held by value: its type is no error,
			// only a pointer to it is.
			"by value":                  heldByValue{heldDetail{inner}, refused},
			"by value, unexported":      heldByValueUnexported{heldDetail{inner}, refused},
			"by value, behind a %w":     fmt.Errorf("save: %w", heldByValue{heldDetail{inner}, refused}),
			"by value, behind pointers": &heldShape[*heldByValue]{&heldByValue{heldDetail{inner}, refused}, refused},
		}
	}
	for name, e := range shapes(reviewErr{reviewEmail}) {
		t.Run(name, func(t *testing.T) {
			got, changed := p.ForLog(e)
			if text := fmt.Sprint(got); !changed || !strings.Contains(text, "bad user ***@example.com") {
				t.Errorf("ForLog = %q, %v: want the email alone hidden", text, changed)
			}
			if out := everyOutput(t, e); strings.Contains(out, reviewEmail) {
				t.Errorf("the email reached an output:\n%s", out)
			}
			r, err := pii.Redacted(p, struct{ E error }{e})
			if out := fmt.Sprint(r, err); strings.Contains(out, reviewEmail) {
				t.Errorf("Redacted of a struct holding it: %s", out)
			}
		})
	}
	tagged := heldUnexported{&heldDetail{reviewErr{reviewEmail}}, refused}
	if _, err := pii.Redacted(p, map[error]int{tagged: 1}); !errors.Is(err, pii.ErrMapKey) {
		t.Errorf("Redacted of a map keyed by it: %v, want ErrMapKey", err)
	}
	type byType struct{ E heldUnexported }
	r, err := pii.Redacted(p, byType{tagged})
	if out := fmt.Sprintf("%v %+v", r, err); err != nil || strings.Contains(out, reviewEmail) {
		t.Errorf("Redacted of a struct holding it by its type: %s", out)
	}
	// With nothing tagged, the text is as it was; the chain is cut (changed) only where
	// it holds an error walked as a value, as an *fs.PathError link of a chain is.
	for name, e := range shapes(errors.New("timeout")) {
		walked := name == "an unexported *fs.PathError"
		if got, changed := p.ForLog(e); changed != walked || fmt.Sprint(got) != e.Error() {
			t.Errorf("%s, nothing tagged: ForLog = %q, %v: want %q as it is", name, got, changed, e.Error())
		}
	}
}

// heldExtra is an error with Unwrap that holds a value besides its cause.
type heldExtra struct {
	Err   error
	Extra any
}

func (x *heldExtra) Error() string { return fmt.Sprint("extra ", x.Extra, ": ", x.Err) }
func (x *heldExtra) Unwrap() error { return x.Err }

// heldExtraOuter keeps a *heldExtra unexported, and unwraps to the heldExtra's cause.
type heldExtraOuter struct{ extra *heldExtra }

func (o heldExtraOuter) Error() string { return "outer: " + o.extra.Error() }
func (o heldExtraOuter) Unwrap() error { return o.extra.Err }

// TestErrorHeldWhoseLinksAreLinks checks an error held unexported whose only link is a
// link of the error holding it: it holds more than its link (a tagged value in an
// interface), so it is looked at, not left out as a list whose links are known.
func TestErrorHeldWhoseLinksAreLinks(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	e := heldExtraOuter{&heldExtra{errors.New("connection refused"), reviewUser{"Quentin Zabrowski", reviewEmail}}}
	got, changed := p.ForLog(e)
	if text := fmt.Sprint(got); !changed || strings.Contains(text, reviewEmail) || strings.Contains(text, "Quentin") {
		t.Errorf("ForLog = %q, %v: want the user hidden", text, changed)
	}
	if out := everyOutput(t, e); strings.Contains(out, reviewEmail) {
		t.Errorf("the email reached an output:\n%s", out)
	}
}

// heldByValue holds a detail whose methods have pointer receivers by value, exported,
// and prints it through its address.
type heldByValue struct {
	Detail heldDetail
	cause  error
}

func (o heldByValue) Error() string { return "outer: " + o.Detail.Error() }
func (o heldByValue) Unwrap() error { return o.cause }

// heldByValueUnexported is heldByValue with the detail unexported.
type heldByValueUnexported struct {
	detail heldDetail
	cause  error
}

func (o heldByValueUnexported) Error() string { return "outer: " + o.detail.Error() }
func (o heldByValueUnexported) Unwrap() error { return o.cause }

// heldByValueMap holds details with pointer receivers as a map's values, and prints
// them in the order of their keys.
type heldByValueMap struct {
	Details map[string]heldDetail
	cause   error
}

func (o heldByValueMap) Error() string {
	var b strings.Builder
	for _, k := range []string{"a", "b", "c"} {
		if d, ok := o.Details[k]; ok {
			b.WriteString(d.Error() + ";")
		}
	}
	return b.String()
}
func (o heldByValueMap) Unwrap() error { return o.cause }

// TestErrorsHeldByValueInMaps checks details with pointer receivers held as a map's
// values: each is gathered by the address of a copy of its own, not of one copy every
// entry is read into in turn, which left all but the last entry unseen.
func TestErrorsHeldByValueInMaps(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	refused := errors.New("connection refused")
	for _, tagged := range []string{"a", "b", "c"} {
		m := map[string]heldDetail{"a": {refused}, "b": {refused}, "c": {refused}}
		m[tagged] = heldDetail{reviewErr{reviewEmail}}
		e := heldByValueMap{m, refused}
		got, changed := p.ForLog(e)
		if text := fmt.Sprint(got); !changed || !strings.Contains(text, "bad user ***@example.com") {
			t.Errorf("tagged at %s: ForLog = %q, %v: want the email alone hidden", tagged, text, changed)
		}
	}
}
