package pii

import (
	"errors"
	"reflect"
	"unsafe"

	"github.com/ef8f9424/pii/internal/guard"
)

// heldDone tries the copy a log line's walk made of what the interface of node n at p
// holds, of node dn, before a logger runs its methods: a method that holds on every
// real value may panic on a copy whose sensitive fields are zeroed, and encoding/json
// and the loggers' encoders recover no such panic (see internal/guard). A copy whose
// Error, MarshalJSON or MarshalText panics is replaced by the failure note, or by nil
// where the interface's type cannot hold the note. What the line's value holds at the
// top is tried by whoever hands it on (see triedForLater, and the adapters); a value
// the walk did not copy is the caller's, whose own panics are the caller's.
func (a *redactAction) heldDone(w *walker, n, dn *node, p unsafe.Pointer) {
	if !a.log || !w.copy || w.depth <= 1 || !dn.hasPII {
		return
	}
	slot := n.valueAt(p)
	if slot.IsNil() {
		return
	}
	x := slot.Elem().Interface()
	if _, ok := guard.Try(x); ok {
		return
	}
	note := reflect.ValueOf(copyPanicked(x))
	if note.Type().AssignableTo(n.typ) {
		slot.Set(note)
		return
	}
	slot.SetZero()
}

// The adapters' copies stand as this package's failure note when a try fails, as the
// walk's and the Handler's do (see guard.Tried).
func init() { guard.Failed = func(x any) any { return copyPanicked(x) } }

// errCopyPanicked is the cause of the note for a copy a method of which panicked when
// tried, in the words of the adapters' notes (guard.Cause).
var errCopyPanicked = errors.New(guard.Cause)

// copyPanicked is the note that stands for x, a copy a method of which panicked when
// tried (here, and in triedForLater).
func copyPanicked(x any) redactionFailed {
	return redactionFailed{errorf("pii: %s: %w", reflect.TypeOf(x), errCopyPanicked)}
}
