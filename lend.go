package pii

import (
	"reflect"
	"unsafe"

	"github.com/ef8f9424/pii/internal/loan"
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

// lendCopy redacts x, a value of plan pl walked by rw, in a pooled value of its type,
// and lends that value through lent; rw is released. It reports false, having done
// nothing, unless x is a struct that sits in an interface behind a pointer (wider than
// a pointer) and holds no leaf that redacts itself (whose RedactPII may keep a pointer
// into the copy; see holdsRedactor). Nor is a value lent that a walk from the interface
// hands to the action whole (see stepIface): an error that wraps others, and a value
// with nothing tagged in it, which a scan may replace by its text.
func lendCopy(rw *redactWalk, pl *plan, x any, lent *loan.Copy) (any, bool) {
	t := reflect.TypeOf(x)
	if !pl.pooled || !pl.root.hasPII || pl.root.unwraps || t.Kind() != reflect.Struct || t.Size() <= unsafe.Sizeof(uintptr(0)) {
		return nil, false
	}
	box := pl.copies.Get()
	if box == nil {
		box = reflect.New(t).Interface()
	}
	dst := ifaceData(box)
	reflect.NewAt(t, dst).Elem().Set(reflect.ValueOf(x))
	unlock(pl.root, dst)
	// The walk starts one step down, where a walk from the interface meets the value
	// (see stepIface), so that a value as deep as a walk goes (maxDepth) is refused
	// exactly when it would be unlent.
	rw.w.depth = 1
	err := rw.w.run(pl.root, dst)
	rw.release()
	if err != nil {
		// The box may hold part of the value unredacted: it is dropped, not pooled.
		return redactionFailed{err}, true
	}
	out := x
	(*[2]unsafe.Pointer)(unsafe.Pointer(&out))[1] = dst // x's type, the copy's memory
	*lent = loan.Lend(&pl.copies, box)
	return out, true
}
