package pii_test

import (
	"testing"

	"github.com/ef8f9424/pii"
)

// TestForLogAllocsAcrossTypes logs a small and a large record in turn: each is copied
// once, and its masked strings go to one buffer with room for its own type, so neither
// pays for the other having gone before: a copy each, and at most one buffer for the
// two (the room a record leaves in a buffer is the next record's).
func TestForLogAllocsAcrossTypes(t *testing.T) {
	if gtRaceBuild {
		t.Skip("the race detector makes sync.Pool drop walkers at random, and with them their arenas")
	}
	type small struct {
		Name string `pii:"name"`
	}
	type large struct {
		A, B, C, D, E, F, G, H string `pii:"email"`
	}
	const email = "someone.with.a.long.address@example.com"
	var s, l any = small{Name: "Jane Doe"}, large{email, email, email, email, email, email, email, email}
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	for range 3 { // let each type's buffer size settle
		p.ForLog(s)
		p.ForLog(l)
	}
	if n := testing.AllocsPerRun(100, func() {
		p.ForLog(s)
		p.ForLog(l)
	}); n < 2 || n > 3 {
		t.Errorf("ForLog of a small and a large record in turn: %v allocations, want 2 or 3 (a copy each, at most one buffer)", n)
	}
}
