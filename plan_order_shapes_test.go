package pii

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Shapes whose plans were once open to the order their types were first met in. Each
// is generic in a marker type, so that ordShapes[ordFirst] and ordShapes[ordWith] are
// two copies of the same shapes, planned in two orders.

type (
	ordFirst struct{} // the copy whose members are planned before it
	ordWith  struct{} // the copy planned whole, members with it
)

// ordList lists errors through Errors.
type ordList[P any] struct{ errs []error }

func (l ordList[P]) Error() string   { return fmt.Sprint("list", l.errs) }
func (l ordList[P]) Errors() []error { return l.errs }

// ordMid embeds a list, with an Unwrap of its own.
type ordMid[P any] struct {
	cause error
	ordList[P]
}

func (m ordMid[P]) Unwrap() error { return m.cause }

// ordTop embeds ordMid: a wrapper two embeddings above the list.
type ordTop[P any] struct {
	ordMid[P]
	Code int
}

// ordDetail wraps through pointer receivers.
type ordDetail[P any] struct{ err error }

func (d *ordDetail[P]) Error() string { return "detail: " + fmt.Sprint(d.err) }
func (d *ordDetail[P]) Unwrap() error { return d.err }

// ordByPtr holds a wrapper by pointer in a field, beside its cause.
type ordByPtr[P any] struct {
	Detail *ordDetail[P]
	cause  error
}

func (b ordByPtr[P]) Error() string { return "by pointer: " + fmt.Sprint(b.Detail) }
func (b ordByPtr[P]) Unwrap() error { return b.cause }

// ordByIface holds its cause in an exported interface field.
type ordByIface[P any] struct{ Cause error }

func (b ordByIface[P]) Error() string { return "by interface: " + fmt.Sprint(b.Cause) }
func (b ordByIface[P]) Unwrap() error { return b.Cause }

// ordInColl holds wrappers in a slice and a map.
type ordInColl[P any] struct {
	List  []ordList[P]
	ByKey map[string]*ordDetail[P]
	cause error
}

func (c ordInColl[P]) Error() string { return fmt.Sprint("in collections: ", c.List, c.ByKey) }
func (c ordInColl[P]) Unwrap() error { return c.cause }

// ordChain is a wrapper that holds the next of its kind.
type ordChain[P any] struct {
	Next *ordChain[P]
	msg  string
}

func (c *ordChain[P]) Error() string {
	if c.Next == nil {
		return c.msg
	}
	return c.msg + ": " + c.Next.Error()
}

func (c *ordChain[P]) Unwrap() error {
	if c.Next == nil {
		return nil
	}
	return c.Next
}

// ordTree is a recursive record that holds a wrapper and a tagged field.
type ordTree[P any] struct {
	Kids  []ordTree[P]
	Err   ordMid[P]
	Email string `pii:"email"`
}

// ordUser is a tagged type, held unexported by ordOwned.
type ordUser[P any] struct {
	Email string `pii:"email"`
}

// ordOwned is a wrapper whose unexported field holds a tagged type (see promote).
type ordOwned[P any] struct {
	owner ordUser[P]
	cause error
}

func (o ordOwned[P]) Error() string { return "owned by " + o.owner.Email }
func (o ordOwned[P]) Unwrap() error { return o.cause }

// ordHolder holds an error in an interface: what its first walk plans as it meets it.
type ordHolder struct{ Err any }

// ordOwnedBy holds, unexported, a wrapper that holds a tagged type unexported.
type ordOwnedBy[P any] struct {
	owned ordOwned[P]
	cause error
}

func (o ordOwnedBy[P]) Error() string { return "by: " + o.owned.Error() }
func (o ordOwnedBy[P]) Unwrap() error { return o.cause }

// ordContact is what ordTaggedHolder holds under its tag.
type ordContact[P any] struct {
	Addr string
	Alts []ordContact[P]
	kept ordUser[P]
}

// ordTaggedHolder holds a value in an interface under an email tag: what it holds is
// planned under the tag (see node.held).
type ordTaggedHolder struct {
	V any `pii:"email"`
}

// An ordShape is one shape of a copy: its root type, the types a first order plans
// before it (bottom up), and values of it.
type ordShape struct {
	root   reflect.Type
	before []reflect.Type
	values []any
}

func ordShapes[P any]() map[string]ordShape {
	tf := func(t reflect.Type) []reflect.Type { return []reflect.Type{t} }
	refused := errors.New("connection refused")
	tagged := fpTagged{fpEmail}
	list := reflect.TypeFor[ordList[P]]()
	mid := reflect.TypeFor[ordMid[P]]()
	detail := reflect.TypeFor[*ordDetail[P]]()
	return map[string]ordShape{
		"embedded at depth 2": {reflect.TypeFor[ordTop[P]](), []reflect.Type{list, mid}, []any{
			ordTop[P]{ordMid[P]{refused, ordList[P]{[]error{refused}}}, 1},
			ordTop[P]{ordMid[P]{refused, ordList[P]{[]error{tagged}}}, 1},
			fmt.Errorf("op: %w", ordTop[P]{ordMid[P]{tagged, ordList[P]{}}, 1}),
		}},
		"a wrapper by pointer": {reflect.TypeFor[ordByPtr[P]](), append(tf(detail), detail.Elem()), []any{
			ordByPtr[P]{&ordDetail[P]{refused}, refused},
			ordByPtr[P]{&ordDetail[P]{tagged}, refused},
			errors.Join(refused, ordByPtr[P]{&ordDetail[P]{tagged}, nil}),
		}},
		"a wrapper by interface": {reflect.TypeFor[ordByIface[P]](), nil, []any{
			ordByIface[P]{refused},
			ordByIface[P]{tagged},
			ordByIface[P]{ordMid[P]{tagged, ordList[P]{}}},
		}},
		"wrappers in a slice and a map": {reflect.TypeFor[ordInColl[P]](), []reflect.Type{list, detail, reflect.TypeFor[[]ordList[P]]()}, []any{
			ordInColl[P]{[]ordList[P]{{[]error{refused}}}, map[string]*ordDetail[P]{"k": {refused}}, refused},
			ordInColl[P]{[]ordList[P]{{[]error{tagged}}}, nil, refused},
			ordInColl[P]{nil, map[string]*ordDetail[P]{"k": {tagged}}, refused},
		}},
		"a recursive wrapper": {reflect.TypeFor[*ordChain[P]](), tf(reflect.TypeFor[ordChain[P]]()), []any{
			&ordChain[P]{&ordChain[P]{nil, "inner"}, "outer"},
		}},
		"a recursive record that holds a wrapper": {reflect.TypeFor[ordTree[P]](), []reflect.Type{list, mid}, []any{
			ordTree[P]{[]ordTree[P]{{Email: fpEmail, Err: ordMid[P]{tagged, ordList[P]{}}}}, ordMid[P]{refused, ordList[P]{}}, fpEmail},
		}},
		"a tagged type in an unexported field": {reflect.TypeFor[ordOwned[P]](), tf(reflect.TypeFor[ordUser[P]]()), []any{
			ordOwned[P]{ordUser[P]{fpEmail}, refused},
			fmt.Errorf("op: %w", ordOwned[P]{ordUser[P]{fpEmail}, nil}),
		}},
		"a tagged type two unexported fields down": {reflect.TypeFor[ordOwnedBy[P]](), []reflect.Type{reflect.TypeFor[ordUser[P]](), reflect.TypeFor[ordOwned[P]]()}, []any{
			ordOwnedBy[P]{ordOwned[P]{ordUser[P]{fpEmail}, refused}, refused},
			errors.Join(refused, ordOwnedBy[P]{ordOwned[P]{ordUser[P]{fpEmail}, nil}, nil}),
		}},
		"met first in a tagged interface": {reflect.TypeFor[ordContact[P]](), nil, []any{
			ordContact[P]{Addr: "x", Alts: []ordContact[P]{{Addr: "y"}}, kept: ordUser[P]{fpEmail}},
		}},
		"met first in an interface": {reflect.TypeFor[ordMid[P]](), nil, []any{
			ordMid[P]{refused, ordList[P]{[]error{refused}}},
			ordMid[P]{refused, ordList[P]{[]error{tagged}}},
		}},
	}
}

// ordOrderFree replaces the names of the two copies' markers by one.
var ordOrderFree = strings.NewReplacer(
	reflect.TypeFor[ordFirst]().String(), "marker", reflect.TypeFor[ordWith]().String(), "marker")

// ordSignature describes every node reachable from n: its shape and every property a
// plan gives it, in a form that names neither copy.
func ordSignature(n *node) string {
	var b strings.Builder
	ids := map[*node]int{}
	var visit func(n *node) int
	visit = func(n *node) int {
		if n == nil {
			return -1
		}
		if id, ok := ids[n]; ok {
			return id
		}
		id := len(ids)
		ids[n] = id
		var walkBy [numReach]int
		for r := range walkBy {
			walkBy[r] = len(n.walkBy[r])
		}
		fmt.Fprintf(&b, "#%d %s op=%d lk=%d hasPII=%v holds=%v tagged=%v scans=%v wraps=%v unwraps=%v nests=%v "+
			"dynamic=%v text=%v mutable=%v plain=%v inherits=%v reenters=%v short=%d locks=%d walkBy=%v\n",
			id, n.typ, n.op, n.lk, n.hasPII, n.holds, n.tagged, n.scans, n.wraps, n.unwraps, n.nests,
			n.dynamic, n.text, n.mutable, n.plain, n.inherits, n.reenters, n.short, len(n.locks), walkBy)
		for _, m := range n.members {
			fmt.Fprintf(&b, "  #%d.%s -> #%d\n", id, m.name, visit(m.node))
		}
		for r := range n.walkBy {
			for _, m := range n.walkBy[r] {
				fmt.Fprintf(&b, "  #%d walkBy[%d] %s leaf=%v\n", id, r, m.of.name, m.leaf)
			}
		}
		fmt.Fprintf(&b, "  #%d elem -> #%d key -> #%d\n", id, visit(n.elem), visit(n.key))
		return id
	}
	visit(n)
	return ordOrderFree.Replace(b.String())
}

// ordSeen is what a user sees of a value: ForLog, Redacted, a log line through a
// Handler, Classify and CheckTagged.
func ordSeen(t *testing.T, p *Policy, v any) string {
	t.Helper()
	var b strings.Builder
	x, changed := p.ForLog(v)
	fmt.Fprintf(&b, "ForLog: %v %v\n", x, changed)
	r, err := Redacted(p, v)
	fmt.Fprintf(&b, "Redacted: %+v %v\n", r, err)
	h, err := Redacted(p, ordHolder{v})
	fmt.Fprintf(&b, "Redacted in an interface: %+v %v\n", h, err)
	var line bytes.Buffer
	slog.New(NewHandler(slog.NewJSONHandler(&line, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}), p)).Info("m", "v", v)
	fmt.Fprintf(&b, "log: %s", line.String())
	fields, err := p.Classify(v)
	fmt.Fprintf(&b, "Classify: %+v %v\n", fields, err)
	fmt.Fprintf(&b, "CheckTagged: %v\n", CheckTagged(v))
	if strings.Contains(b.String(), fpEmail) {
		t.Errorf("the email shows: %s", b.String())
	}
	return ordOrderFree.Replace(b.String())
}

// TestPlanOrderShapes plans each shape twice: one copy after the types it holds, bottom
// up, and the other whole. Every node reachable from the root must come out the same,
// and so must what every output makes of the same values.
func TestPlanOrderShapes(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	first, with := ordShapes[ordFirst](), ordShapes[ordWith]()
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range first {
			if !yield(name) {
				return
			}
		}
	})
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			a, b := first[name], with[name]
			switch name {
			case "met first in an interface":
				// The first copy is met as what an interface holds, in a walk, before
				// it is planned as a type of its own.
				for _, v := range a.values {
					if _, err := Redacted(p, ordHolder{v}); err != nil {
						t.Fatal(err)
					}
				}
			case "met first in a tagged interface":
				// Met under a tag first, its unexported fields are planned untagged
				// on the way.
				for _, v := range a.values {
					if _, err := Redacted(p, ordTaggedHolder{v}); err != nil {
						t.Fatal(err)
					}
				}
			}
			for _, typ := range a.before {
				planFor(typ)
			}
			if diff := cmp.Diff(ordSignature(planFor(a.root).root), ordSignature(planFor(b.root).root)); diff != "" {
				t.Errorf("the plans differ (-planned after its members +planned with them):\n%s", diff)
			}
			for i := range a.values {
				if diff := cmp.Diff(ordSeen(t, p, a.values[i]), ordSeen(t, p, b.values[i])); diff != "" {
					t.Errorf("value %d: the outputs differ (-planned after +planned with):\n%s", i, diff)
				}
			}
		})
	}
}
