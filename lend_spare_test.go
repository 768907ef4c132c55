package pii

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// A lent copy takes again the memory the last copy of its type took (see lentBox). These
// tests log records of one type whose shape changes from one line to the next.

type spareAddress struct {
	Street string `pii:"address"`
	Postal string `pii:"postal"`
	Ref    string `pii:"no"`
}

type spareRecord struct {
	ID     string   `pii:"no"`
	Phones []string `pii:"phone"`
	Home   *spareAddress
	Work   *spareAddress // at times the very pointer Home is
	Homes  []spareAddress
	Ptrs   []*spareAddress
	Names  [2]string `pii:"name"`
	Note   string    `pii:"body"`
	Counts []int     `pii:"no"`
}

// spareRecordOf makes record i of a sequence whose shapes vary at random: slices of
// every length (nil, empty, and larger than a box keeps), nil and shared pointers.
func spareRecordOf(i int) spareRecord {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	postals := []string{"94043", "10001", "60601", "73301", "02139"}
	addr := func(j int) *spareAddress {
		return &spareAddress{Street: fmt.Sprintf("%d Main St", j), Postal: postals[(i+j)%len(postals)], Ref: fmt.Sprintf("a%d-%d", i, j)}
	}
	length := func() int {
		switch r.IntN(8) {
		case 0:
			return -1 // nil
		case 1:
			return 200 // larger than a block a box keeps
		default:
			return r.IntN(6)
		}
	}
	rec := spareRecord{ID: fmt.Sprintf("r%d", i), Names: [2]string{"Jane Doe", "John Roe"}, Note: "call me"}
	if n := length(); n >= 0 {
		rec.Phones = make([]string, n)
		for j := range rec.Phones {
			rec.Phones[j] = fmt.Sprintf("+1415555%04d", 1000+i+j)
		}
	}
	if r.IntN(3) > 0 {
		rec.Home = addr(0)
	}
	switch r.IntN(3) {
	case 0:
		rec.Work = rec.Home
	case 1:
		rec.Work = addr(1)
	}
	if n := length(); n >= 0 {
		rec.Homes = make([]spareAddress, n)
		for j := range rec.Homes {
			rec.Homes[j] = *addr(10 + j)
		}
	}
	if n := length(); n >= 0 {
		rec.Ptrs = make([]*spareAddress, n)
		for j := range rec.Ptrs {
			if j%3 != 2 {
				rec.Ptrs[j] = addr(100 + j)
			}
		}
		if n > 1 && r.IntN(2) == 0 {
			rec.Ptrs[n-1] = rec.Ptrs[0] // shared within the slice
		}
	}
	if n := length(); n >= 0 {
		rec.Counts = make([]int, n)
	}
	return rec
}

// TestLentSpareShapes lends records of one type whose shapes change from line to line,
// each copy made in the memory the last one took where it fits: every copy is what
// ForLog makes, shares a pointee where the value does and nowhere else, and copies
// not given back yet (every fifth) never change, nor do the caller's values.
func TestLentSpareShapes(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	type held struct {
		i    int
		copy any
		json string
		lent loan.Copy
	}
	var kept []held
	for i := range 400 {
		v := spareRecordOf(i)
		want, _ := p.ForLog(v)
		got, changed, lent := loan.ForLog(p, v, false)
		if !changed || lent == (loan.Copy{}) {
			t.Fatalf("record %d: not lent (changed %v)", i, changed)
		}
		if diff := cmp.Diff(jsonOf(t, want), jsonOf(t, got)); diff != "" {
			t.Fatalf("record %d: lent copy differs from ForLog's (-ForLog +lent):\n%s", i, diff)
		}
		c := got.(spareRecord)
		if shared := v.Home != nil && v.Home == v.Work; (c.Home != nil && c.Home == c.Work) != shared {
			t.Fatalf("record %d: Home and Work shared in the value %v, in the copy %v", i, shared, !shared)
		}
		if n := len(v.Ptrs); n > 1 && v.Ptrs[0] != nil && (v.Ptrs[0] == v.Ptrs[n-1]) != (c.Ptrs[0] == c.Ptrs[n-1]) {
			t.Fatalf("record %d: the slice's shared pointee is shared in the value %v, in the copy %v", i, v.Ptrs[0] == v.Ptrs[n-1], c.Ptrs[0] == c.Ptrs[n-1])
		}
		if !reflect.DeepEqual(v, spareRecordOf(i)) {
			t.Fatalf("record %d: the caller's value changed", i)
		}
		if i%5 == 0 {
			kept = append(kept, held{i, got, jsonOf(t, got), lent})
			continue
		}
		lent.Return()
	}
	for _, h := range kept {
		if diff := cmp.Diff(h.json, jsonOf(t, h.copy)); diff != "" {
			t.Errorf("record %d: a copy not given back changed (-lent +now):\n%s", h.i, diff)
		}
		h.lent.Return()
	}
}

// benchShaped is the benchmarks' record: a slice and a pointer to walk into.
type benchShaped struct {
	SID    string   `pii:"no"`
	Name   string   `pii:"name"`
	Phone  string   `pii:"phone"`
	Email  string   `pii:"email"`
	Body   string   `pii:"body"`
	IP     string   `pii:"ip"`
	Phones []string `pii:"phone"`
	Home   *spareAddress
}

// TestLentLineAllocatesNothingOfItsOwn checks what the memory a box keeps is for: once
// warm, a lent copy of a record with a slice, a pointer and masked strings allocates
// nothing, and a line through a Handler over slog's JSON handler allocates no more than
// the same line through slog's handler alone.
func TestLentLineAllocatesNothingOfItsOwn(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector drops pooled values at random")
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var rec any = benchShaped{ // boxed once: the caller's allocation, not ours
		SID: "SM5a1f", Name: "Maria Okafor", Phone: "+14155552671", Email: "maria@example.com",
		Body: "call me", IP: "203.0.113.42", Phones: []string{"+14155552671", "+442079460958"},
		Home: &spareAddress{Street: "1600 Amphitheatre Pkwy", Postal: "94043"},
	}
	if got := testing.AllocsPerRun(1000, func() {
		_, _, l := loan.ForLog(p, rec, false)
		l.Return()
	}); got != 0 {
		t.Errorf("a lent copy allocates %v times: want none", got)
	}
	line := func(h slog.Handler) float64 {
		l := slog.New(h)
		return testing.AllocsPerRun(1000, func() { l.Info("signup", "rec", rec) })
	}
	plain := line(slog.NewJSONHandler(io.Discard, nil))
	ours := line(NewHandler(slog.NewJSONHandler(io.Discard, nil), p))
	if ours > plain {
		t.Errorf("a line through the Handler allocates %v times, through slog's handler alone %v: want no more", ours, plain)
	}
}

// keepingEmail is a tagged field type whose MarshalJSON keeps every text it writes, as a
// method that caches its results does.
type keepingEmail string

var keptEmails []string

func (e keepingEmail) MarshalJSON() ([]byte, error) {
	keptEmails = append(keptEmails, string(e)) // the string itself, not a copy of its bytes
	return json.Marshal(string(e))
}

type keepingRecord struct {
	ID    string       `pii:"no"`
	Email keepingEmail `pii:"email"`
	Tags  []string     `pii:"name"`
}

// TestLentSpareOnlyWithoutMethods checks which types' lent copies reuse the memory of
// the last one: only those no method of the caller's can see (a method may keep a string
// or a pointer of the copy, which the next line would change). A MarshalJSON that keeps
// the masked strings it writes still reads them as written after many more lines.
func TestLentSpareOnlyWithoutMethods(t *testing.T) {
	type withTime struct {
		Email string    `pii:"email"`
		At    time.Time `pii:"no"`
	}
	type withIface struct {
		Email string `pii:"email"`
		Any   any
	}
	for _, tc := range []struct {
		typ  reflect.Type
		want bool
	}{
		{reflect.TypeFor[spareRecord](), true},
		{reflect.TypeFor[withTime](), true},
		{reflect.TypeFor[withIface](), false},
		{reflect.TypeFor[keepingRecord](), false},
		{reflect.TypeFor[lendStringer](), false},
	} {
		if got := planFor(tc.typ).spares; got != tc.want {
			t.Errorf("%v: lent copies reuse memory %v, want %v", tc.typ, got, tc.want)
		}
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	keptEmails = nil
	var want []string
	for i := range 50 {
		v := keepingRecord{ID: fmt.Sprint(i), Email: keepingEmail(fmt.Sprintf("jane%d@example%d.com", i, i)), Tags: []string{"Jane Doe"}}
		got, _, lent := loan.ForLog(p, v, false)
		if _, err := json.Marshal(got); err != nil {
			t.Fatal(err)
		}
		want = append(want, strings.Clone(keptEmails[len(keptEmails)-1]))
		lent.Return()
	}
	if diff := cmp.Diff(want, keptEmails); diff != "" {
		t.Errorf("strings a MarshalJSON kept changed after their lines (-as written +now):\n%s", diff)
	}
}

// TestLentSpareAfterHugeSlice checks that a slice too large for a box to keep leaves its
// place empty: the pointee copied after it still takes the memory of the last line's, so
// that only the huge slice is cloned anew.
func TestLentSpareAfterHugeSlice(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector drops pooled values at random")
	}
	type rec struct {
		Big  []spareAddress
		Home *spareAddress
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	big := make([]spareAddress, 300) // 14 KiB: more than a box keeps
	for i := range big {
		big[i] = spareAddress{Street: "1 Main St", Postal: "94043"}
	}
	var v any = rec{Big: big, Home: &spareAddress{Street: "2 Main St", Postal: "10001"}}
	if got := testing.AllocsPerRun(200, func() {
		_, _, l := loan.ForLog(p, v, false)
		l.Return()
	}); got != 1 {
		t.Errorf("a lent copy allocates %v times: want 1, the huge slice's clone", got)
	}
}
