package pii

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// Records of one type whose shapes change from line to line in every way the memory a
// box keeps could be taken wrong: maps of pointers and slices (met in random order),
// interfaces holding pointers and slices, pointers shared between fields and into a
// slice's elements, slices aliasing each other, arrays of structs, slices of slices,
// []byte tagged and not, zero-size types, cycles, long strings that grow the arena.

type rvAddr struct {
	Street string `pii:"address"`
	Postal string `pii:"postal"`
	Ref    string `pii:"no"`
}

type rvNode struct {
	Name string `pii:"name"`
	Next *rvNode
	Kids []*rvNode
}

type rvZero struct{}

// rvRec is rvPlain with interfaces besides: its lent copies reuse no memory.
type rvRec struct {
	rvPlain
	Any  any
	AnyT any `pii:"phone"`
}

// rvPlain is the record without interfaces: a type no method of the caller's can see, so
// its lent copies reuse the memory of the last (plan.spares).
type rvPlain struct {
	ID     string `pii:"no"`
	M      map[string]*rvAddr
	MS     map[string][]string `pii:"email"`
	MA     map[int]rvAddr
	Home   *rvAddr
	Work   *rvAddr // Home, or an element of Homes, at times
	Homes  []rvAddr
	Tail   []rvAddr // Homes[1:] or Homes, at times
	Arr    [3]rvAddr
	ArrP   [2]*rvAddr
	Nested [][]string `pii:"phone"`
	B      []byte     `pii:"email"`
	BU     []byte
	Zero   []rvZero
	ZP     *rvZero
	ZA     [4]rvZero
	Cycle  *rvNode
	Long   string  `pii:"email"`
	Phone  string  `pii:"phone"`
	Free   string  // untagged: a scan reads it
	PS     *string `pii:"phone"`
}

// rvPlainOf is rvRecOf(i) without its interfaces.
func rvPlainOf(i int) rvPlain { return rvRecOf(i).rvPlain }

// rec is p as an rvRec, its interfaces nil.
func (p rvPlain) rec() rvRec { return rvRec{rvPlain: p} }

var rvPhones = []string{"+14155552671", "+4930901820", "+447911123456", "+8613800138000", "+33142685300"}

// rvRecOf makes record i; the same i makes the same record.
func rvRecOf(i int) rvRec {
	r := rand.New(rand.NewPCG(uint64(i), 11))
	phone := func() string { return rvPhones[r.IntN(len(rvPhones))] }
	addr := func(j int) rvAddr {
		return rvAddr{Street: fmt.Sprintf("%d Main St %d", j, i), Postal: fmt.Sprintf("%05d", 10000+i%900+j), Ref: fmt.Sprintf("a%d-%d", i, j)}
	}
	length := func() int {
		switch r.IntN(9) {
		case 0:
			return -1
		case 1:
			return 300 // larger than a kept block
		default:
			return r.IntN(7)
		}
	}
	rec := rvRec{rvPlain: rvPlain{ID: fmt.Sprintf("r%d", i), Phone: phone(), Free: "call " + phone() + " or mail jane@example.com"}}
	if n := length(); n >= 0 {
		rec.M = make(map[string]*rvAddr, n)
		var shared *rvAddr
		for j := range n {
			a := addr(j)
			switch {
			case j%4 == 3:
				rec.M[fmt.Sprint("k", j)] = nil
			case j%3 == 2 && shared != nil:
				rec.M[fmt.Sprint("k", j)] = shared // one pointee under two keys
			default:
				rec.M[fmt.Sprint("k", j)] = &a
				shared = &a
			}
		}
	}
	if n := length(); n >= 0 {
		rec.MS = make(map[string][]string, n)
		for j := range n {
			var s []string
			for k := range j % 4 {
				s = append(s, fmt.Sprintf("u%d.%d@example.com", j, k))
			}
			rec.MS[fmt.Sprint("k", j)] = s
		}
	}
	if n := length(); n >= 0 {
		rec.MA = make(map[int]rvAddr, n)
		for j := range n {
			rec.MA[j] = addr(j)
		}
	}
	if n := length(); n >= 0 {
		rec.Homes = make([]rvAddr, n)
		for j := range rec.Homes {
			rec.Homes[j] = addr(10 + j)
		}
		switch {
		case n > 1 && r.IntN(2) == 0:
			rec.Tail = rec.Homes[1:]
		case r.IntN(2) == 0:
			rec.Tail = rec.Homes
		}
	}
	if r.IntN(4) > 0 {
		a := addr(0)
		rec.Home = &a
	}
	switch r.IntN(4) {
	case 0:
		rec.Work = rec.Home
	case 1:
		if len(rec.Homes) > 1 {
			rec.Work = &rec.Homes[1]
		}
	case 2:
		a := addr(1)
		rec.Work = &a
	}
	for j := range rec.Arr {
		rec.Arr[j] = addr(20 + j)
	}
	if r.IntN(2) == 0 {
		a := addr(30)
		rec.ArrP[0], rec.ArrP[1] = &a, &a
	} else if r.IntN(2) == 0 {
		a := addr(31)
		rec.ArrP[1] = &a
	}
	switch r.IntN(7) {
	case 0:
		a := addr(40)
		rec.Any = &a
	case 1:
		rec.Any = rec.Homes
	case 2:
		rec.Any = addr(41)
	case 3:
		rec.Any = []any{rec.Home, rec.Homes, addr(42)}
	case 4:
		rec.Any = rec.Home // the pointee Home holds
	case 5:
		rec.Any = map[string]*rvAddr{"x": rec.Work}
	}
	switch r.IntN(4) {
	case 0:
		rec.AnyT = []string{phone(), phone()}
	case 1:
		s := phone()
		rec.AnyT = &s
	case 2:
		rec.AnyT = phone()
	}
	if n := length(); n >= 0 {
		rec.Nested = make([][]string, n%8)
		for j := range rec.Nested {
			for range j % 3 {
				rec.Nested[j] = append(rec.Nested[j], phone())
			}
		}
		if len(rec.Nested) > 2 {
			rec.Nested[2] = rec.Nested[1] // one inner slice twice
		}
	}
	switch r.IntN(3) {
	case 0:
		rec.B = []byte(fmt.Sprintf("jane%d@example.com", i))
	case 1:
		rec.B = make([]byte, 0, 8) // spare room, nothing in it
	}
	if r.IntN(2) == 0 {
		rec.BU = []byte(fmt.Sprintf("bytes %d", i))
	}
	if n := length(); n >= 0 {
		rec.Zero = make([]rvZero, n)
	}
	if r.IntN(2) == 0 {
		rec.ZP = &rvZero{}
	}
	if r.IntN(2) == 0 {
		a := &rvNode{Name: "Ann Lee"}
		b := &rvNode{Name: "Bob Ray", Next: a}
		a.Next = b // a cycle
		a.Kids = []*rvNode{b, a}
		rec.Cycle = a
	}
	switch r.IntN(4) {
	case 0:
		rec.Long = "jane@" + strings.Repeat("d", 3000+r.IntN(3000)) + ".example.com"
	case 1:
		rec.Long = fmt.Sprintf("jane%d@example.com", i)
	}
	if r.IntN(2) == 0 {
		s := phone()
		rec.PS = &s
	}
	return rec
}

// rvAddrs matches the addresses fmt prints, which differ between two copies.
var rvAddrs = regexp.MustCompile(`0x[0-9a-f]+`)

// rvShow is what a logger writes of x: its JSON and fmt's %+v.
func rvShow(x any) string {
	b, err := json.Marshal(x)
	if err != nil {
		b = []byte("json error: " + err.Error())
	}
	return rvAddrs.ReplaceAllString(string(b)+"\n"+fmt.Sprintf("%+v", x), "0x?")
}

// rvAliases says which pointers and slices of a copy share memory, as the value's do.
func rvAliases(v rvRec) string {
	same := func(a, b *rvAddr) bool { return a != nil && a == b }
	s := fmt.Sprint(same(v.Home, v.Work), same(v.ArrP[0], v.ArrP[1]))
	if len(v.Homes) > 1 {
		s += fmt.Sprint(" work=homes[1]:", same(v.Work, &v.Homes[1]))
	}
	if len(v.Tail) > 0 && len(v.Homes) > 0 {
		s += fmt.Sprint(" tail=homes:", &v.Tail[0] == &v.Homes[0], " tail=homes[1:]:", len(v.Homes) > 1 && &v.Tail[0] == &v.Homes[1])
	}
	if v.Cycle != nil {
		s += fmt.Sprint(" cycle:", v.Cycle.Next.Next == v.Cycle, v.Cycle.Kids[1] == v.Cycle, v.Cycle.Kids[0] == v.Cycle.Next)
	}
	return s
}

// TestLentSpareReviewShapes lends rvRec records one after another, under the default
// Policy and one that reads the parties' jurisdictions, plain and scanning: each copy
// is what ForLog (ForLogScanned) makes, prints as it does with fmt and JSON, shares
// memory where the value does, the caller's value is unchanged, and copies held (not
// given back) while later lines are lent stay as they were.
func TestLentSpareReviewShapes(t *testing.T) {
	parties, err := New(WithPartyJurisdiction())
	if err != nil {
		t.Fatal(err)
	}
	n := 600
	if raceBuild {
		n = 150
	}
	if !planFor(reflect.TypeFor[rvPlain]()).spares || planFor(reflect.TypeFor[rvRec]()).spares {
		t.Fatal("rvPlain's lent copies must reuse the last one's memory, and rvRec's not: the test tests neither")
	}
	shapes := []struct {
		name string
		of   func(i int) any
		rec  func(x any) rvRec
	}{
		{"with interfaces", func(i int) any { return rvRecOf(i) }, func(x any) rvRec { return x.(rvRec) }},
		{"reusing memory", func(i int) any { return rvPlainOf(i) }, func(x any) rvRec { return x.(rvPlain).rec() }},
	}
	for _, tc := range []struct {
		name string
		p    *Policy
		scan bool
	}{
		{"default", nil, false},
		{"default scanned", nil, true},
		{"parties", parties, false},
		{"parties scanned", parties, true},
	} {
		for _, shape := range shapes {
			t.Run(tc.name+"/"+shape.name, func(t *testing.T) {
				type held struct {
					i    int
					x    any
					show string
					lent loan.Copy
				}
				var kept []held
				for i := range n {
					v := shape.of(i)
					forLog := tc.p.ForLog
					if tc.scan {
						forLog = tc.p.ForLogScanned
					}
					want, _ := forLog(v)
					got, _, lent := loan.ForLog(tc.p, v, tc.scan)
					if lent == (loan.Copy{}) {
						t.Fatalf("record %d: not lent: the test tests nothing", i)
					}
					if diff := cmp.Diff(rvShow(want), rvShow(got)); diff != "" {
						t.Fatalf("record %d: the lent copy differs from ForLog's (-ForLog +lent):\n%s", i, diff)
					}
					if w, g := rvAliases(shape.rec(want)), rvAliases(shape.rec(got)); w != g {
						t.Fatalf("record %d: memory shared in ForLog's copy %q, in the lent one %q", i, w, g)
					}
					if !reflect.DeepEqual(v, shape.of(i)) {
						t.Fatalf("record %d: the caller's value changed", i)
					}
					if i%7 == 3 {
						kept = append(kept, held{i, got, rvShow(got), lent})
						continue
					}
					lent.Return()
				}
				for _, h := range kept {
					if diff := cmp.Diff(h.show, rvShow(h.x)); diff != "" {
						t.Errorf("record %d: a copy not given back changed (-lent +now):\n%s", h.i, diff)
					}
					h.lent.Return()
				}
			})
		}
	}
}

// TestLentSpareReviewSafe prints rvRec records with Safe (its Format, String and
// MarshalJSON lend their copies), one after another: each prints as ForLog's copy does.
func TestLentSpareReviewSafe(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		v := rvRecOf(i)
		want, _ := p.ForLog(v)
		// A cycle fails JSON both ways: then only that it fails is compared.
		b, err := json.Marshal(p.Safe(v))
		if err != nil {
			b = []byte("fails")
		}
		wb, err := json.Marshal(want)
		if err != nil {
			wb = []byte("fails")
		}
		got := []string{fmt.Sprintf("%+v", p.Safe(v)), p.Safe(v).String(), string(b)}
		wantText := []string{fmt.Sprintf("%+v", want), fmt.Sprint(want), string(wb)}
		for j := range got {
			got[j], wantText[j] = rvAddrs.ReplaceAllString(got[j], "0x?"), rvAddrs.ReplaceAllString(wantText[j], "0x?")
		}
		if diff := cmp.Diff(wantText, got); diff != "" {
			t.Fatalf("record %d: Safe prints other than ForLog's copy (-ForLog +Safe):\n%s", i, diff)
		}
	}
}

// TestLentSpareReviewConcurrent lends rvRec records from many goroutines at once, half
// of them holding their copy while they lend the next: every copy is ForLog's, and a
// copy held stays as it was.
func TestLentSpareReviewConcurrent(t *testing.T) {
	p, err := New(WithPartyJurisdiction())
	if err != nil {
		t.Fatal(err)
	}
	const goroutines = 16
	per := 60
	if raceBuild {
		per = 15
	}
	wants := make([]string, goroutines*per)
	for i := range wants {
		w, _ := p.ForLog(rvRecOf(i))
		wants[i] = rvShow(w)
	}
	var wg sync.WaitGroup
	errs := make(chan string, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var prev any
			var prevShow string
			var prevLent loan.Copy
			for k := range per {
				i := g*per + k
				got, _, lent := loan.ForLog(p, rvRecOf(i), false)
				if s := rvShow(got); s != wants[i] {
					errs <- fmt.Sprintf("record %d: the lent copy differs from ForLog's (-ForLog +lent):\n%s", i, cmp.Diff(wants[i], s))
					return
				}
				if prev != nil {
					if s := rvShow(prev); s != prevShow {
						errs <- fmt.Sprintf("goroutine %d: a copy held changed while another was lent (-lent +now):\n%s", g, cmp.Diff(prevShow, s))
						return
					}
					prevLent.Return()
					prev = nil
				}
				if g%2 == 0 {
					prev, prevShow, prevLent = got, wants[i], lent
					continue
				}
				lent.Return()
			}
			prevLent.Return()
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
