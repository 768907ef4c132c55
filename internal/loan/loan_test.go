package loan

import (
	"sync"
	"testing"
)

// TestList checks a List: a zero Copy is not kept; Return gives back each copy kept,
// once (a pool with no New hands each back at most once), empties the list, and keeps
// the room of a short list only.
func TestList(t *testing.T) {
	for _, n := range []int{0, 3, 4, 5, maxKept + 10} {
		var pool sync.Pool
		var l List
		l.Add(Copy{})
		for range n {
			l.Add(Lend(&pool, new(int)))
		}
		if got := l.n + len(l.more); got != n {
			t.Fatalf("%d copies added, %d kept", n, got)
		}
		l.Return()
		if l.n != 0 || len(l.more) != 0 || cap(l.more) > maxKept {
			t.Errorf("%d: after Return, %d inline, %d more, room for %d", n, l.n, len(l.more), cap(l.more))
		}
		if l.inl != [4]Copy{} {
			t.Errorf("%d: after Return, the inline copies are still held", n)
		}
		back := map[any]bool{}
		for x := pool.Get(); x != nil; x = pool.Get() {
			if back[x] {
				t.Fatalf("%d: a copy was given back twice", n)
			}
			back[x] = true
		}
		// The race detector drops some of what a Pool is given; otherwise all come back.
		if len(back) > n || n > 0 && len(back) == 0 {
			t.Errorf("%d copies given back, %d in the pool", n, len(back))
		}
	}
	var nilList *List
	nilList.Return() // a nil list holds none
}
