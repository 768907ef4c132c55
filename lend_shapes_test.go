package pii

import (
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// Shapes of struct that reflect.StructOf cannot make (so the random records of
// lend_diff_test.go have none): unexported and embedded fields, locks, methods.

type lendInner struct {
	Phone string `pii:"phone"`
	Ref   string `pii:"no"`
}

type lendLocked struct {
	mu    sync.Mutex
	Email string `pii:"email"`
	Ref   string `pii:"no"`
}

type lendShapes struct {
	lendInner               // embedded by value
	*lendLocked             // embedded by pointer
	owner       lendInner   // unexported, of a tagged type
	others      []lendInner // unexported, of a tagged type
	note        string      // unexported, untagged
	Locks       [2]lendLocked
	Inners      [3]lendInner
	Body        string           `pii:"body,redact=scan"`
	Null        sql.Null[string] `pii:"email"`
	Attr        slog.Value
	Born        time.Time `pii:"dob"`
	Err         error
	Any         any
}

// lendShapesOf is a value of every shape, its strings marked by i.
func lendShapesOf(i int) lendShapes {
	in := lendInner{Phone: "+14155552671", Ref: fmt.Sprint("in", i)}
	return lendShapes{
		lendInner:  in,
		lendLocked: &lendLocked{Email: "jane@example.com", Ref: fmt.Sprint("lk", i)},
		owner:      in,
		others:     []lendInner{in},
		note:       fmt.Sprint("note", i),
		Locks:      [2]lendLocked{{Email: "jane@example.com", Ref: fmt.Sprint("a0-", i)}, {Email: "jo@example.com", Ref: fmt.Sprint("a1-", i)}},
		Inners:     [3]lendInner{in, in, in},
		Body:       "Jane Doe wrote from +14155552671",
		Null:       sql.Null[string]{V: "jane@example.com", Valid: true},
		Attr:       slog.GroupValue(slog.Any("in", in), slog.String("ref", fmt.Sprint("attr", i))),
		Born:       time.Date(1980, 5, 17, 0, 0, 0, 0, time.UTC),
		Err:        fmt.Errorf("call %d: %w", i, lendPhoneError{Phone: "+14155552671"}),
		Any:        []any{in, &in, lendLocked{Email: "jane@example.com"}},
	}
}

// lendPhoneError is an error with a tagged phone.
type lendPhoneError struct {
	Phone string `pii:"phone"`
}

func (e lendPhoneError) Error() string { return "call to " + e.Phone + " failed" }

// lendStringer has nothing tagged, and its text holds a phone: a scan reads it.
type lendStringer struct{ A, B string }

func (s lendStringer) String() string { return s.A + " " + s.B }

// TestLentShapes compares lent copies of hand-made shapes with ForLog's and
// ForLogScanned's, under the default Policy and one that reads the record's parties,
// each value lent three times in a row; the caller's value is left as it was, locks
// held included.
func TestLentShapes(t *testing.T) {
	parties, err := New(WithPartyJurisdiction(), WithProfile(CCPA))
	if err != nil {
		t.Fatal(err)
	}
	v := lendShapesOf(1)
	v.lendLocked.mu.Lock() // held by the caller while the value is logged
	v.Locks[1].mu.Lock()
	type wrapped struct {
		S lendShapes
		N int
	}
	w := &wrapped{N: 1}
	lendSet(&w.S, &v)
	for _, x := range []any{
		// Values boxed as a log call boxes them, locks held as they are.
		lendBoxed(&v), lendBoxed(&v.lendInner), lendBoxed(v.lendLocked), lendBoxed(&v.Locks), lendBoxed(&v.Inners), lendBoxed(w),
		lendStringer{"call +14155552671", "now"},
		struct {
			S lendStringer
			E string `pii:"email"`
		}{lendStringer{"call +14155552671", "now"}, "jane@example.com"},
		errors.Join(lendPhoneError{"+14155552671"}),
		lendPhoneError{"+14155552671"},
	} {
		before := fmt.Sprintf("%+v", x)
		for _, p := range []*Policy{nil, parties} {
			for _, scan := range []bool{false, true} {
				forLog := p.ForLog
				if scan {
					forLog = p.ForLogScanned
				}
				want, wantChanged := forLog(x)
				for range 3 {
					got, changed, lent := loan.ForLog(p, x, scan)
					if reflect.TypeOf(x) == reflect.TypeFor[lendShapes]() && lent == (loan.Copy{}) {
						t.Fatal("lendShapes is not lent: the test tests nothing")
					}
					// Pointers print as addresses, which differ between two copies.
					show := func(changed bool, x any) string {
						return lendAddrs.ReplaceAllString(fmt.Sprintf("%v %+v", changed, x), "0x?")
					}
					if diff := cmp.Diff(show(wantChanged, want), show(changed, got)); diff != "" {
						t.Errorf("%T, party %v, scan %v (-ForLog +lent):\n%s", x, p != nil, scan, diff)
					}
					lent.Return()
				}
			}
		}
		if after := fmt.Sprintf("%+v", x); after != before {
			t.Errorf("%T: the caller's value changed (-before +after):\n%s", x, cmp.Diff(before, after))
		}
	}
}

// lendAddrs matches the addresses fmt prints.
var lendAddrs = regexp.MustCompile(`0x[0-9a-f]+`)

// lendBoxed returns what p points to in an interface, as a log call boxes it: a copy,
// made as go vet's copylocks check allows.
func lendBoxed(p any) any { return reflect.ValueOf(p).Elem().Interface() }

// lendSet sets *dst to *src, a value that holds locks.
func lendSet[T any](dst, src *T) { reflect.ValueOf(dst).Elem().Set(reflect.ValueOf(src).Elem()) }
