package piilogrus

import (
	"reflect"

	"github.com/ef8f9424/pii/internal/guard"
)

// guarded returns x, what a line may show of v, as logrus's formatters can be handed it:
// when x is v's redacted copy, it is tried first (guard.Try), since JSONFormatter calls
// Error and encoding/json with no recover, and a method that holds on every real value
// may panic on a copy whose sensitive fields are zeroed; the failure note stands for a
// copy whose method panicked. x keeps its type for the hooks and formatter after this.
func guarded(v, x any, changed bool) any {
	if !changed || x == nil || reflect.TypeOf(x) != reflect.TypeOf(v) {
		return x // v itself, or what stands for it (a note, an error's redacted text)
	}
	if note, ok := guard.Try(x); !ok {
		return note
	}
	return x
}
