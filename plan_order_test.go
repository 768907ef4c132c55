package pii

import (
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Two copies of one shape: a wrapper error that embeds an error list with nothing
// tagged. Each pair is planned in its own order.
type (
	orderListA struct{ errs []error }
	orderWrapA struct {
		cause error
		orderListA
	}
	orderListB struct{ errs []error }
	orderWrapB struct {
		cause error
		orderListB
	}
)

func (orderListA) Error() string     { return "list" }
func (l orderListA) Errors() []error { return l.errs }
func (w orderWrapA) Unwrap() error   { return w.cause }
func (orderListB) Error() string     { return "list" }
func (l orderListB) Errors() []error { return l.errs }
func (w orderWrapB) Unwrap() error   { return w.cause }

// planFlags are what a plan says of a wrapper error.
type planFlags struct{ HasPII, Holds, Wraps, Unwraps bool }

func flagsOf(t reflect.Type) planFlags {
	n := planFor(t).root
	return planFlags{n.hasPII, n.holds, n.wraps, n.unwraps}
}

// TestPlanOrderOfWrapperErrors checks that a wrapper error is judged the same whether
// the error it embeds was planned before it or with it: planned after, it once lost
// its wraps mark, and the text of a chain with nothing to hide was replaced.
func TestPlanOrderOfWrapperErrors(t *testing.T) {
	flagsOf(reflect.TypeFor[orderListA]()) // the embedded error first
	after := flagsOf(reflect.TypeFor[orderWrapA]())
	with := flagsOf(reflect.TypeFor[orderWrapB]()) // the embedded error with it
	want := planFlags{HasPII: true, Holds: false, Wraps: true, Unwraps: true}
	if diff := cmp.Diff(want, after); diff != "" {
		t.Errorf("planned after what it embeds (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, with); diff != "" {
		t.Errorf("planned with what it embeds (-want +got):\n%s", diff)
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	refused := errors.New("refused")
	for _, e := range []error{orderWrapA{refused, orderListA{}}, orderWrapB{refused, orderListB{}}} {
		if got, changed := p.ForLog(e); changed {
			t.Errorf("ForLog(%T) = %v, changed: want it as it is", e, got)
		}
	}
}
