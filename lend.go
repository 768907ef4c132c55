package pii

import (
	"reflect"
	"unsafe"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/ef8f9424/pii/internal/typecache"
)

// The logger adapters write a value's redacted copy at once and drop it: the copy can
// be made in a pooled value of its type and given back once the line is written, as
// Redacted makes its copies (see plan.copies). They reach this through internal/loan.

func init() {
	loan.ForLog = func(policy any, v any, scan bool) (any, bool, loan.Copy) {
		p, _ := policy.(*Policy)
		var lent loan.Copy
		x, changed := p.orDefault().redactedAnyAudit(v, scan, nil, false, &lent)
		return x, changed, lent
	}
}

// lendCopy redacts x, a value of plan pl, for a log line of policy p (scanning untagged
// text with scan), in a pooled value of its type, and lends that value through lent. It
// reports false, having done nothing, unless x is a struct (plan.lends) that sits in an interface
// behind a pointer (wider than a pointer) and holds no leaf that redacts itself (whose
// RedactPII may keep a pointer into the copy; see holdsRedactor). Nor is a value lent
// that a walk from the interface hands to the action whole (see stepIface): an error
// that wraps others, and a value with nothing tagged in it, which a scan may replace by
// its text.
func lendCopy(p *Policy, pl *plan, x any, scan bool, lent *loan.Copy) (any, bool) {
	if !pl.lends {
		return nil, false
	}
	box, _ := pl.lent.Get().(*lentBox)
	if box == nil {
		box = &lentBox{val: reflect.New(reflect.TypeOf(x)).Interface(), rw: makeRedactWalk()}
	}
	rw := box.rw
	rw.ready(true, scan)
	rw.w.pol, rw.w.copy = p, true
	dst := ifaceData(box.val)
	pl.root.copyTo(dst, ifaceData(x))
	unlock(pl.root, dst)
	// The walk starts one step down, where a walk from the interface meets the value
	// (see stepIface), so that a value as deep as a walk goes (maxDepth) is refused
	// exactly when it would be unlent.
	rw.w.depth = 1
	var own []byte
	if pl.spares {
		rw.w.spare, box.used = box, 0
		own = rw.a.borrowArena(box.arena)
	}
	err := rw.w.run(pl.root, dst)
	if pl.spares {
		box.arena = rw.a.returnArena(own)
		box.clearRest()
	}
	rw.clear()
	if err != nil {
		// The box may hold part of the value unredacted: it is dropped, not pooled.
		return redactionFailed{err}, true
	}
	out := x
	(*[2]unsafe.Pointer)(unsafe.Pointer(&out))[1] = dst // x's type, the copy's memory
	*lent = loan.Lend(&pl.lent, box)
	return out, true
}

// A lentBox is a value of one type that log lines' copies are made in, lent to one line
// at a time (see lendCopy), with the memory the last copy took besides: the backing
// arrays of its slices, its pointees and the arena of its masked strings. The next copy
// takes that memory again where its record has the same shape, so that a line written
// at once allocates nothing for its copy. A block is taken only by the walk that made
// it, in the same order (the n-th copy made of a record takes the n-th block), and only
// when it is of the same type and large enough; where it is not, the copy allocates
// and keeps what it made in its place.
type lentBox struct {
	val any // a pointer to the value the copy is made in
	// rw is the walker that makes the copies: a box lends to one line at a time, so a
	// line takes one value from a pool for its copy, where a walker of redactWalks would
	// be a second.
	rw     *redactWalk
	arena  []byte
	blocks []lentBlock
	used   int // how many copies the walk of this record has made so far
}

// A lentBlock is memory a lent copy took for n values of type typ, of which the last
// copy that took it wrote the first live.
type lentBlock struct {
	typ  reflect.Type
	data unsafe.Pointer
	n    int
	live int
}

// The bounds of what a box keeps: a record of more slices and pointers than
// lentMaxBlocks takes the rest anew each time, and no block larger than lentMaxBytes is
// kept (a huge slice, met once, is not kept alive in the pool).
const (
	lentMaxBlocks = 64
	lentMaxBytes  = 4 << 10
)

// take returns the memory the last copy took at this point of the walk, when it holds
// n values of type t at least; else nil. The values an earlier copy wrote past the n
// this one takes are zeroed: they are no line's, and must not keep what they point at
// alive.
func (b *lentBox) take(t reflect.Type, n int) unsafe.Pointer {
	i := b.used
	b.used++
	if i < len(b.blocks) && typecache.ID(b.blocks[i].typ) == typecache.ID(t) && b.blocks[i].n >= n {
		block := &b.blocks[i]
		block.shrink(n)
		return block.data
	}
	return nil
}

// clearRest zeroes what earlier copies wrote in the blocks this one did not come to
// (a record with fewer slices and pointees than the last): they are no line's, and
// must not keep what they point at alive while the box is lent and pooled.
func (b *lentBox) clearRest() {
	for i := b.used; i < len(b.blocks); i++ {
		b.blocks[i].shrink(0)
	}
}

// shrink readies the block for a copy that writes its first n values: those the last
// copy wrote past them are zeroed, so that they keep nothing alive.
func (k *lentBlock) shrink(n int) {
	for j := n; j < k.live; j++ {
		reflect.NewAt(k.typ, unsafe.Add(k.data, uintptr(j)*k.typ.Size())).Elem().SetZero()
	}
	k.live = n
}

// keep remembers data, n new values of type t that the copy took where take found
// nothing, for the next copy to take.
func (b *lentBox) keep(t reflect.Type, data unsafe.Pointer, n int) {
	block := lentBlock{t, data, n, n}
	if uintptr(n)*t.Size() > lentMaxBytes {
		// Not kept: a huge slice met once is not kept alive in the pool. Its place is,
		// empty, so that the blocks after it keep theirs.
		block = lentBlock{}
	}
	switch i := b.used - 1; {
	case i < len(b.blocks):
		b.blocks[i] = block
	case i == len(b.blocks) && i < lentMaxBlocks:
		b.blocks = append(b.blocks, block)
	}
}
