package pii

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"
	"weak"

	"github.com/google/go-cmp/cmp"
)

// reviewReenter is a Redactor whose RedactPII redacts other records itself, and
// sometimes panics, in the middle of the walk that called it.
type reviewReenter struct {
	I   int
	Got []arenaRecord
}

func (r *reviewReenter) RedactPII(Kind) {
	for j := range 3 {
		out, err := Redacted(nil, arenaRecordOf(r.I*3+j))
		if err != nil {
			panic(err)
		}
		r.Got = append(r.Got, out)
	}
	if r.I%5 == 4 {
		panic("RedactPII failed")
	}
}

type reviewOuter struct {
	Rec   arenaRecord
	Inner reviewReenter `pii:"generic"`
	After arenaRecord
}

// TestReviewArenaReentrantAndPanics checks that the strings handed out by redactions
// that run inside another redaction's walk (a Redactor that redacts), and by walks that a
// panic cut short, keep their bytes after many more redactions.
func TestReviewArenaReentrantAndPanics(t *testing.T) {
	type kept struct {
		i   int
		out reviewOuter
	}
	var all []kept
	var inner [][]arenaRecord
	for i := range 300 {
		func() {
			defer func() { _ = recover() }()
			v := reviewOuter{Rec: arenaRecordOf(i), Inner: reviewReenter{I: i}, After: arenaRecordOf(i + 1)}
			out, err := Redacted(nil, v)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, kept{i, out})
			inner = append(inner, out.Inner.Got)
		}()
		if _, err := Redacted(nil, arenaRecordOf(i+7)); err != nil {
			t.Fatal(err)
		}
	}
	if len(all) == 0 || len(all[0].out.Inner.Got) != 3 {
		t.Fatalf("RedactPII did not run as the test expects: %d records kept", len(all))
	}
	for _, k := range all {
		if diff := cmp.Diff(arenaWant(k.i), k.out.Rec); diff != "" {
			t.Errorf("record %d changed (-want +got):\n%s", k.i, diff)
		}
		if diff := cmp.Diff(arenaWant(k.i+1), k.out.After); diff != "" {
			t.Errorf("record %d after changed (-want +got):\n%s", k.i, diff)
		}
		for j, g := range k.out.Inner.Got {
			if diff := cmp.Diff(arenaWant(k.i*3+j), g); diff != "" {
				t.Errorf("inner record %d/%d changed (-want +got):\n%s", k.i, j, diff)
			}
		}
	}
}

// TestReviewArenaHintBounded checks that a small record does not get an arena sized for
// a very large record of its type that came before it: its strings would keep that
// whole array alive as long as they live. The last record of the type sizes the next
// one's arena only up to arenaHintMax.
func TestReviewArenaHintBounded(t *testing.T) {
	type big struct {
		Email string `pii:"email"`
	}
	long := "jane@" + strings.Repeat("example.", 4*arenaHintMax/len("example.")) + "com" // its mask keeps the domain
	rw := redactWalks.New().(*redactWalk)
	for _, v := range []big{{long}, {"jane@example.com"}} {
		rw.ready(false, false)
		rw.w.pol, rw.w.copy = Default(), true
		slot := any(v)
		if err := rw.w.run(ifaceNode, unsafe.Pointer(&slot)); err != nil {
			t.Fatal(err)
		}
		if v.Email != long && cap(rw.a.arena) > arenaHintMax {
			t.Errorf("a record whose masks take %d bytes got an arena of %d bytes, which its strings keep alive",
				len(rw.a.arena), cap(rw.a.arena))
		}
		rw.clear()
	}
}

// reviewBody is a record with a field whose mask leaves nothing.
type reviewBody struct {
	Body  string `pii:"body"`
	Token string `pii:"secret"`
	Name  string `pii:"name"`
}

// TestReviewEmptyMaskKeepsNothing checks that a field redacted to "" does not hold on to
// the value it replaced: an empty string cut from the original (s[:0]) keeps its
// pointer, so the redacted copy kept the whole raw body (personal data, however large)
// reachable for as long as the copy lived, in a log handler's buffer for instance.
func TestReviewEmptyMaskKeepsNothing(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector may keep objects alive longer")
	}
	for _, field := range []string{"Body", "Token"} {
		var out reviewBody
		var raw weak.Pointer[byte]
		func() {
			big := strings.Repeat("a raw body of personal data ", 1<<14)
			raw = weak.Make(unsafe.StringData(big))
			v := reviewBody{Name: "Jane Doe"}
			reflect.ValueOf(&v).Elem().FieldByName(field).SetString(big)
			var err error
			if out, err = Redacted(nil, v); err != nil {
				t.Fatal(err)
			}
		}()
		runtime.GC()
		runtime.GC()
		if raw.Value() != nil {
			t.Errorf("%s: the redacted copy (%q) keeps the raw value alive", field, reflect.ValueOf(out).FieldByName(field).String())
		}
		runtime.KeepAlive(out)
	}
}
