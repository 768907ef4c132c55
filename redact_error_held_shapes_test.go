package pii_test

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// heldShapeInfo is no error: it holds a detail, for the embedding shapes.
type heldShapeInfo struct{ Detail *heldDetail }

// HeldShapeInfo is heldShapeInfo, exported, embedded by pointer.
type HeldShapeInfo struct{ Detail *heldDetail }

// heldShape holds its detail, or details, in a value of type T and prints it.
type heldShape[T any] struct {
	V     T
	cause error
}

func (o heldShape[T]) Error() string { return "outer: " + fmt.Sprint(o.V) }
func (o heldShape[T]) Unwrap() error { return o.cause }

// heldEmbedded embeds a struct that holds its detail, unexported.
type heldEmbedded struct {
	heldShapeInfo
	cause error
}

func (o heldEmbedded) Error() string { return "outer: " + fmt.Sprint(o.Detail) }
func (o heldEmbedded) Unwrap() error { return o.cause }

// heldEmbeddedPtr embeds one by pointer, exported.
type heldEmbeddedPtr struct {
	*HeldShapeInfo
	cause error
}

func (o heldEmbeddedPtr) Error() string { return "outer: " + fmt.Sprint(o.Detail) }
func (o heldEmbeddedPtr) Unwrap() error { return o.cause }

// heldPtrPtr holds its detail behind a pointer to a pointer, and prints the detail.
type heldPtrPtr struct {
	Detail **heldDetail
	cause  error
}

func (o heldPtrPtr) Error() string { return "outer: " + fmt.Sprint(*o.Detail) }
func (o heldPtrPtr) Unwrap() error { return o.cause }

// heldLinkedValue holds a detail in a field and unwraps to it: a link of its chain
// that is also held.
type heldLinkedValue struct{ Held heldValueDetail }

func (l heldLinkedValue) Error() string { return "linked: " + l.Held.Error() }
func (l heldLinkedValue) Unwrap() error { return l.Held }

// heldShapeItem is an element of a slice of structs.
type heldShapeItem struct{ D *heldDetail }

// TestErrorsHeldShapes checks held wrapper errors in the shapes values take: behind a
// pointer to a pointer, in arrays, slices of structs, database/sql's Null, a generic
// type, embedded structs, maps keyed by NaN and maps keyed by the errors, values ==
// cannot compare (a map of links would panic on them), with nil
// pointers beside them: what they wrap is hidden on every output, a slog line through
// a Handler over a handler of another type included.
func TestErrorsHeldShapes(t *testing.T) {
	refused := errors.New("connection refused")
	d := &heldDetail{reviewErr{reviewEmail}}
	v := heldValueDetail{reviewErr{reviewEmail}}
	shapes := map[string]error{
		"a pointer to a pointer": heldPtrPtr{&d, refused},
		"an array":               heldShape[[2]*heldDetail]{[2]*heldDetail{nil, d}, refused},
		"a slice of structs":     heldShape[[]heldShapeItem]{[]heldShapeItem{{nil}, {d}}, refused},
		"a sql.Null":             heldShape[sql.Null[*heldDetail]]{sql.Null[*heldDetail]{V: d, Valid: true}, refused},
		"a value":                heldShape[heldValueDetail]{v, refused},
		"an embedded struct":     heldEmbedded{heldShapeInfo{d}, refused},
		"an embedded pointer":    heldEmbeddedPtr{&HeldShapeInfo{d}, refused},
		"a map keyed by NaN":     heldShape[map[float64]*heldDetail]{map[float64]*heldDetail{math.NaN(): d, math.NaN(): nil}, refused},
		"a map keyed by errors":  heldShape[map[heldValueDetail]int]{map[heldValueDetail]int{v: 1}, refused},
		// A value of a comparable type holding one == cannot compare: hashing it panics.
		"a value holding one == cannot compare": heldShape[heldValueDetail]{heldValueDetail{heldData{[]int{1}, reviewErr{reviewEmail}}}, refused},
		"a link holding one == cannot compare":  heldLinkedValue{heldValueDetail{heldData{[]int{1}, reviewErr{reviewEmail}}}},
		"wrapped by %w":                         fmt.Errorf("save: %w", heldShape[*heldDetail]{d, refused}),
	}
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	for name, e := range shapes {
		t.Run(name, func(t *testing.T) {
			got, changed := p.ForLog(e)
			if text := fmt.Sprint(got); !changed || !strings.Contains(text, "bad user ***@example.com") {
				t.Errorf("ForLog = %q, %v: want the email alone hidden", text, changed)
			}
			var other bytes.Buffer
			slog.New(pii.NewHandler(lendOther{slog.NewJSONHandler(&other, nil)}, nil)).Info("m", "v", e)
			if out := everyOutput(t, e) + other.String(); strings.Contains(out, reviewEmail) {
				t.Errorf("the email reached an output:\n%s", out)
			}
		})
	}
}

// TestErrorsHeldThatPanic checks held errors whose methods panic, and typed nils: no
// panic reaches the caller, and a held error whose Error panics makes the note.
func TestErrorsHeldThatPanic(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	refused := errors.New("connection refused")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a held error whose Error panics", heldShape[*heldDetail]{&heldDetail{nil}, refused}, "!PII-REDACTED: an error whose methods panicked"},
		{"a nil pointer to a value-receiver wrapper", heldShape[*heldValueDetail]{nil, refused}, "outer: <nil>"},
		{"nil pointers in a slice", heldShape[[]*heldDetail]{[]*heldDetail{nil, nil}, refused}, "outer: [<nil> <nil>]"},
	}
	for _, tt := range tests {
		got, _ := p.ForLog(tt.err)
		if text := fmt.Sprint(got); text != tt.want {
			t.Errorf("%s: ForLog = %q, want %q", tt.name, text, tt.want)
		}
		everyOutput(t, tt.err)
	}
}
