package pii

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// arenaRecord is a record whose masked strings go to the arena.
type arenaRecord struct {
	Name  string `pii:"name"`
	Phone string `pii:"phone"`
	Email string `pii:"email"`
	Body  string `pii:"body"`
}

func arenaRecordOf(i int) arenaRecord {
	return arenaRecord{
		Name:  fmt.Sprintf("Jane%c Doe%c", 'a'+rune(i%26), 'a'+rune(i/26%26)),
		Phone: fmt.Sprintf("+1415555%04d", i%10000),
		Email: fmt.Sprintf("jane.%d@example%d.com", i, i%7),
		Body:  "call me",
	}
}

// arenaWant is what redaction makes of arenaRecordOf(i), mask by mask.
func arenaWant(i int) arenaRecord {
	r := arenaRecordOf(i)
	return arenaRecord{
		Name:  maskString(KindName, redactDefault, r.Name, ""),
		Phone: maskString(KindPhone, redactDefault, r.Phone, ""),
		Email: maskString(KindEmail, redactDefault, r.Email, ""),
	}
}

// TestArenaSharedAcrossRecords checks that records whose masked strings share an arena
// (the room one record leaves is the next one's) keep their own strings: after many
// more redactions, every result kept is still what it was.
func TestArenaSharedAcrossRecords(t *testing.T) {
	const n = 500
	kept := make([]arenaRecord, n)
	for i := range n {
		r, err := Redacted(nil, arenaRecordOf(i))
		if err != nil {
			t.Fatal(err)
		}
		kept[i] = r
	}
	shared := 0
	for i := range n {
		if diff := cmp.Diff(arenaWant(i), kept[i]); diff != "" {
			t.Errorf("record %d changed after later redactions (-want +got):\n%s", i, diff)
		}
		if i > 0 && sameChunk(kept[i-1].Email, kept[i].Name) {
			shared++
		}
	}
	if shared == 0 {
		t.Fatal("no two records shared an arena: the test checks nothing")
	}
}

// sameChunk reports whether a and b lie within one arena's reach of each other.
func sameChunk(a, b string) bool {
	d := uintptr(unsafe.Pointer(unsafe.StringData(b))) - uintptr(unsafe.Pointer(unsafe.StringData(a)))
	return d > 0 && d < arenaChunk
}

// TestArenaConcurrent redacts on many goroutines at once, each checking its results
// after its later ones: with -race, a write into bytes another record's string holds
// is reported.
func TestArenaConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			var prev arenaRecord
			for i := range 300 {
				j := g*1000 + i
				r, err := Redacted(nil, arenaRecordOf(j))
				if err != nil {
					t.Error(err)
					return
				}
				if i > 0 {
					if diff := cmp.Diff(arenaWant(j-1), prev); diff != "" {
						t.Errorf("record %d changed (-want +got):\n%s", j-1, diff)
						return
					}
				}
				prev = r
			}
		})
	}
	wg.Wait()
}

// TestArenaRoomForType checks that a record takes a new arena when the room left is
// less than the last record of its type needed, so a large record after many small
// ones costs one allocation for its strings, not a chain of growing ones.
func TestArenaRoomForType(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector makes sync.Pool drop walkers at random, and with them their arenas")
	}
	type large struct {
		A, B, C, D, E, F, G, H, I, J, K, L string `pii:"email"`
	}
	const email = "someone.with.a.rather.long.address@example.com"
	v := large{email, email, email, email, email, email, email, email, email, email, email, email}
	small := arenaRecordOf(1)
	p := warmedUp(t, v)
	// The large record's strings take 12 x 42 bytes: more than a new arena's least.
	if n := testing.AllocsPerRun(100, func() {
		Redacted(p, small)
		Redacted(p, small)
		Redacted(p, v)
	}); n > 1 {
		t.Errorf("two small records and a large one: %v allocations, want at most 1 (an arena; the copies are pooled)", n)
	}
}

// TestRedactedCopyInPool checks the pooled values Redacted redacts its copies in: each
// result is its own after later calls (TestArenaSharedAcrossRecords keeps many), the
// value put back holds nothing but the copy returned, and a record of strings alone
// costs no allocation but its share of an arena.
func TestRedactedCopyInPool(t *testing.T) {
	r := arenaRecordOf(3)
	got, err := Redacted(nil, r)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(arenaWant(3), got); diff != "" {
		t.Errorf("Redacted (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(arenaRecordOf(3), r); diff != "" {
		t.Errorf("Redacted changed its argument (-was +now):\n%s", diff)
	}
	pl := planFor(reflect.TypeFor[arenaRecord]())
	box, ok := pl.copies.Get().(*copyBox[arenaRecord])
	if !ok && !raceBuild {
		t.Fatalf("the plan's pool holds a %T, want a *copyBox[arenaRecord]", box)
	}
	if ok {
		if box.v != (arenaRecord{}) && box.v != got {
			t.Errorf("the pooled copy holds %+v, which Redacted did not return", box.v)
		}
		pl.copies.Put(box)
	}
	if raceBuild {
		return // the race detector makes sync.Pool drop values at random
	}
	if n := testing.AllocsPerRun(100, func() { Redacted(nil, r) }); n >= 1 {
		t.Errorf("Redacted of a record of strings: %v allocations, want less than one", n)
	}
}

// TestArenaLargeNotShared checks that an arena a large record used is not shared with
// the records after it: a small string kept must not keep a large array alive.
func TestArenaLargeNotShared(t *testing.T) {
	type big struct {
		Email string `pii:"email"`
	}
	long := "jane@" + strings.Repeat("example.", 200) + "com" // its mask keeps the domain
	rw := redactWalks.New().(*redactWalk)
	for _, v := range []any{big{long}, arenaRecordOf(1)} {
		rw.ready(false, false)
		rw.w.pol, rw.w.copy = Default(), true
		slot := v
		if err := rw.w.run(ifaceNode, unsafe.Pointer(&slot)); err != nil {
			t.Fatal(err)
		}
		if _, ok := v.(big); ok && len(rw.a.arena) <= arenaChunk {
			t.Fatalf("the large record used %d bytes of its arena: the test checks nothing", len(rw.a.arena))
		}
		rw.clear()
		if _, ok := v.(big); ok && rw.a.arena != nil {
			t.Errorf("the room of an arena of %d bytes was kept for the next record", cap(rw.a.arena))
		}
	}
	if rw.a.arena == nil {
		t.Error("the room of a small record's arena was not kept")
	}
}

// keptPhone is a Redactor that keeps the receiver RedactPII was called on, as a type
// that registers itself somewhere might.
type keptPhone struct{ Number string }

var keptPhones []*keptPhone

func (k *keptPhone) RedactPII(Kind) {
	k.Number = "hidden"
	keptPhones = append(keptPhones, k)
}

// TestRedactedRedactorKeepsOwnCopy checks that a RedactPII that keeps its receiver
// keeps the caller's copy: a type holding a Redactor in its own memory is not redacted
// in a pooled value, which the next call would fill with another record.
func TestRedactedRedactorKeepsOwnCopy(t *testing.T) {
	type contact struct {
		Name  string    `pii:"name"`
		Phone keptPhone `pii:"phone"`
	}
	keptPhones = nil
	first, err := Redacted(nil, contact{Name: "Jane Doe", Phone: keptPhone{"+14155552671"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Redacted(nil, contact{Name: "John Roe", Phone: keptPhone{"+442079460958"}}); err != nil {
		t.Fatal(err)
	}
	if len(keptPhones) != 2 {
		t.Fatalf("RedactPII was called %d times, want 2", len(keptPhones))
	}
	if got := keptPhones[0].Number; got != "hidden" {
		t.Errorf("the first receiver kept holds %q, want %q: another call wrote into it", got, "hidden")
	}
	if first.Phone.Number != "hidden" || first.Name != "J. D." {
		t.Errorf("first result = %+v", first)
	}
	if planFor(reflect.TypeFor[contact]()).pooled {
		t.Error("a type holding a Redactor by value is redacted in a pooled value")
	}
	if !planFor(reflect.TypeFor[arenaRecord]()).pooled {
		t.Error("a type of strings alone is not redacted in a pooled value")
	}
}

// TestArenaLargeRecordOneAllocation checks that a record whose masked strings take
// several kilobytes, as the last of its type did, gets them in one allocation: the
// arena is sized from the last record of the type, up to arenaHintMax.
func TestArenaLargeRecordOneAllocation(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector makes sync.Pool drop walkers at random, and with them their arenas")
	}
	type many struct {
		Emails [40]string `pii:"email"`
	}
	var v many
	for i := range v.Emails {
		v.Emails[i] = fmt.Sprintf("someone.%d@a-rather-long-domain-name-%d.example.com", i, i)
	}
	p := warmedUp(t, v)
	if n := testing.AllocsPerRun(100, func() { Redacted(p, v) }); n != 1 {
		t.Errorf("a record of %d bytes of masked strings: %v allocations, want 1 (its arena)", 40*45, n)
	}
}

// warmedUp returns a new Policy that has redacted a copy of v a few times, so that v's
// type has its plan and the size of its masked strings is known.
func warmedUp[T any](t *testing.T, v T) *Policy {
	t.Helper()
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := Redacted(p, v); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// TestRedactedFailedCopyNotPooled checks that a copy whose walk stopped on an error
// (a value of a badly tagged type met in an interface, before a phone number was
// reached) goes back to the pool zeroed: it may hold personal data unredacted.
func TestRedactedFailedCopyNotPooled(t *testing.T) {
	type badTag struct {
		X string `pii:"no-such-kind"`
	}
	type failing struct {
		Any   any
		Phone string `pii:"phone"`
	}
	pl := planFor(reflect.TypeFor[failing]())
	for range 20 { // the pool may drop a value; one that comes back must be clean
		if _, err := Redacted(nil, failing{Any: badTag{"x"}, Phone: "+14155552671"}); err == nil {
			t.Fatal("Redacted of a badly tagged value in an interface gave no error")
		}
		if x := pl.copies.Get(); x != nil {
			box, ok := x.(*copyBox[failing])
			if !ok {
				t.Fatalf("the plan's pool holds a %T, want a *copyBox[failing]", x)
			}
			if box.v.Phone != "" || box.v.Any != nil {
				t.Fatalf("a failed copy went back to the pool holding %+v", box.v)
			}
			pl.copies.Put(box)
		}
	}
}
