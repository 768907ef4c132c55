package pii

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sync"
	"testing"
	"unsafe"

	"github.com/ef8f9424/pii/internal/loan"
)

// Review tests of node.valueAt (every node can make a value of its type at an address) and
// of lent copies made by their box's own walker.

type reviewPtr *reviewAddr

type reviewAddr struct {
	Street string `pii:"address"`
	Email  string `pii:"email"`
}

type reviewEmbedded struct{ reviewAddr }

type reviewRecursive struct {
	Email string `pii:"email"`
	Next  *reviewRecursive
	Kids  []reviewRecursive
}

type reviewKey struct{ A, B int }

type reviewAll struct {
	reviewEmbedded
	*reviewRecursive
	P       reviewPtr
	N       sql.NullString `pii:"name"`
	NT      sql.Null[reviewAddr]
	Any     any
	Tagged  any `pii:"email"`
	Err     error
	M       map[reviewKey]reviewAddr
	MI      map[any]string `pii:"email"`
	Arr     [2]reviewAddr
	Sl      []*reviewAddr
	Ch      chan int
	Fn      func()
	private reviewAddr
	mu      sync.Mutex
}

// TestReviewEveryNodeValueAt checks that every node published, whatever made it (the
// plan's build, map keys, nodes built at run time for tagged interfaces, package
// nodes), carries a nil *typ whose type word valueAt reuses, and that valueAt gives
// what reflect.NewAt gives.
func TestReviewEveryNodeValueAt(t *testing.T) {
	v := reviewAll{Any: reviewAddr{Email: "a@b.c"}, Tagged: "jane@example.com", Err: fmt.Errorf("x: %w", errors.New("y")),
		M: map[reviewKey]reviewAddr{{1, 2}: {Email: "a@b.c"}}, MI: map[any]string{1: "a@b.c"}}
	if _, err := Redacted(nil, &v); err != nil {
		t.Fatal(err)
	}
	(*Policy)(nil).orDefault().ForLogScanned(&v)
	_, _ = nodeFor(reflect.TypeFor[reviewAddr](), rule{tag: Tag{Class: PII, Kind: KindEmail}})
	checked := 0
	seen := map[*node]bool{}
	var check func(n *node)
	check = func(n *node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		checked++
		if n.ptrNil == nil || reflect.TypeOf(n.ptrNil) != reflect.PointerTo(n.typ) {
			t.Errorf("node %v: ptrNil is %T", n.typ, n.ptrNil)
			return
		}
		p := reflect.New(n.typ).UnsafePointer()
		got, want := n.valueAt(p), reflect.NewAt(n.typ, p).Elem()
		if got.Type() != want.Type() || got.UnsafeAddr() != want.UnsafeAddr() || !got.CanSet() {
			t.Errorf("node %v: valueAt gives %v at %#x, NewAt %v at %#x", n.typ, got.Type(), got.UnsafeAddr(), want.Type(), want.UnsafeAddr())
		}
		for _, m := range n.members {
			check(m.node)
		}
		check(n.elem)
		check(n.key)
	}
	check(ifaceNode)
	nodes.Range(func(_, n any) bool { check(n.(*node)); return true })
	for _, typ := range []reflect.Type{reflect.TypeFor[reviewAll](), reflect.TypeFor[*reviewAll](), reflect.TypeFor[reviewPtr]()} {
		check(planFor(typ).root)
	}
	if checked < 20 {
		t.Fatalf("only %d nodes checked", checked)
	}
	t.Logf("%d nodes checked", checked)
}

// reviewBoom is a wrapper error whose text panics while boom is set.
type reviewBoom struct {
	boom  bool
	inner error
}

func (e *reviewBoom) Error() string {
	if e.boom {
		panic("Error failed")
	}
	return "wrapped: " + e.inner.Error()
}
func (e *reviewBoom) Unwrap() error { return e.inner }

type reviewLent struct {
	Name  string `pii:"name"`
	Email string `pii:"email"`
	Phone string `pii:"phone,handling=sensitive"`
	Note  string
	Tags  []string `pii:"email"`
	Err   error
	Bad   *panicky `pii:"phone"`
}

type reviewLentSpare struct {
	Name  string `pii:"name"`
	Email string `pii:"email"`
	Phone string `pii:"phone,handling=sensitive"`
	Note  string
	Tags  []string `pii:"email"`
	Addr  *reviewAddr
}

var reviewAddrRE = regexp.MustCompile(`0x[0-9a-f]+`)

// TestReviewLentBoxWalker writes lines through the box-owned walkers of two types (one
// whose copies reuse the box's memory, one whose do not) with walks that panic midway
// (a wrapper error's Error) or fail (too deep is not reachable here: a map keyed by
// tagged values), from many goroutines, alternating ScanStrings and plain lines and two
// Policies: every lent line must show what ForLog/ForLogScanned show.
func TestReviewLentBoxWalker(t *testing.T) {
	if !planFor(reflect.TypeFor[reviewLent]()).pooled || planFor(reflect.TypeFor[reviewLent]()).spares {
		t.Fatal("reviewLent: expected pooled, without spares")
	}
	if !planFor(reflect.TypeFor[reviewLentSpare]()).spares {
		t.Fatal("reviewLentSpare: expected spares")
	}
	p2, err := New(WithProfile(CCPA), WithRedactionLimitedToProfile())
	if err != nil {
		t.Fatal(err)
	}
	pols := []*Policy{(*Policy)(nil).orDefault(), p2}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 400 {
				pol := pols[(i+g)%2]
				scan := (i/2+g)%2 == 1
				name := fmt.Sprintf("Jane%d Doe%d", g, i)
				note := fmt.Sprintf("call jane%d@example.com or +1415555%04d", i, i)
				var vals []any
				var e error = errors.New("plain")
				if i%5 == 0 {
					e = &reviewBoom{boom: true, inner: errors.New("x")}
				}
				vals = append(vals, reviewLent{Name: name, Email: "jane@example.com", Phone: "+14155552671", Note: note, Tags: []string{"a@b.c", "d@e.f"}[:i%3%2+1], Err: e})
				sp := reviewLentSpare{Name: name, Email: "jane@example.com", Phone: "+14155552671", Note: note, Tags: []string{"a@b.c", "d@e.f"}[:i%2+1]}
				if i%3 == 0 {
					sp.Addr = &reviewAddr{Street: "1 Main St", Email: "x@y.z"}
				}
				vals = append(vals, sp)
				for _, v := range vals {
					forLog := pol.ForLog
					if scan {
						forLog = pol.ForLogScanned
					}
					want, wantChanged := forLog(v)
					got, changed, l := loan.ForLog(pol, v, scan)
					ws, gs := reviewAddrRE.ReplaceAllString(fmt.Sprintf("%v %+v %s", wantChanged, want, reviewJSON(want)), "0x?"), reviewAddrRE.ReplaceAllString(fmt.Sprintf("%v %+v %s", changed, got, reviewJSON(got)), "0x?")
					l.Return()
					if ws != gs {
						t.Errorf("g%d i%d %T scan %v: lent %s, want %s", g, i, v, scan, gs, ws)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// TestReviewLentAfterPanicIsClean panics in the middle of a lent walk, then logs the same
// type: the panic gives a note, and the next lines are redacted whole.
func TestReviewLentAfterPanicIsClean(t *testing.T) {
	p := (*Policy)(nil).orDefault()
	lentAny := false
	for i := range 50 {
		v := reviewLent{Name: "Jane Doe", Email: "jane@example.com", Phone: "+14155552671", Err: errors.New("plain")}
		if i%2 == 0 {
			v.Bad = &panicky{"+14155552671"}
		}
		var lent loan.Copy
		x, _ := p.redactedAnyAudit(v, i%4 < 2, nil, false, &lent)
		if i%2 == 0 {
			if !isNote(x) {
				t.Fatalf("line %d: %#v, want a note", i, x)
			}
			if lent != (loan.Copy{}) {
				t.Fatalf("line %d: a walk that panicked lent its box", i)
			}
			continue
		}
		lentAny = lentAny || lent != (loan.Copy{})
		got := x.(reviewLent)
		if got.Name != "J. D." || got.Email != "***@example.com" || got.Phone != "" {
			t.Fatalf("line %d after a panic: %+v", i, got)
		}
		lent.Return()
	}
	if !lentAny {
		t.Fatal("nothing lent")
	}
	_ = unsafe.Pointer(nil)
}

func reviewJSON(x any) string {
	b, err := json.Marshal(x)
	if err != nil {
		return "json error: " + err.Error()
	}
	return string(b)
}

// reviewTodayReenter is a Redactor (behind a pointer, so its record is still lent) whose
// RedactPII logs a record of the enclosing type, through the same route, while the
// enclosing record's lent walk is under way.
type reviewTodayReenter struct {
	Number string
	depth  int
	got    *[]string
}

type reviewTodayReenterRec struct {
	Name  string              `pii:"name"`
	Email string              `pii:"email"`
	R     *reviewTodayReenter `pii:"phone"`
}

func (r *reviewTodayReenter) RedactPII(Kind) {
	r.Number = ""
	if r.depth > 0 {
		inner := reviewTodayReenterRec{Name: fmt.Sprint("Inner", r.depth, " Doe"), Email: "in@example.com",
			R: &reviewTodayReenter{Number: "+14155552671", depth: r.depth - 1, got: r.got}}
		x, _, l := loan.ForLog(nil, inner, r.depth%2 == 0)
		*r.got = append(*r.got, fmt.Sprintf("%+v", x.(reviewTodayReenterRec).Name))
		l.Return()
	}
}

// TestReviewLentReentered: lines lent from inside a lent walk of the same type each show
// their own record.
func TestReviewLentReentered(t *testing.T) {
	for i := range 10 {
		var got []string
		v := reviewTodayReenterRec{Name: "Outer Doe", Email: "out@example.com", R: &reviewTodayReenter{Number: "+14155552671", depth: 3, got: &got}}
		x, _, l := loan.ForLog(nil, v, i%2 == 1)
		if l == (loan.Copy{}) {
			t.Fatal("the record was not lent: the test tests nothing")
		}
		got = append(got, x.(reviewTodayReenterRec).Name, x.(reviewTodayReenterRec).Email)
		l.Return()
		want := []string{"I. D.", "I. D.", "I. D.", "O. D.", "***@example.com"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("round %d: %q, want %q", i, got, want)
		}
	}
}
