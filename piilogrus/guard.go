package piilogrus

import "github.com/ef8f9424/pii/internal/guard"

// guarded returns x, what a line may show in place of a value, as logrus's formatters
// can be handed it: when it is not the value itself (changed), it is tried first
// (guard.Try), since JSONFormatter calls Error and encoding/json with no recover, and a
// method that holds on every real value may panic on a copy whose sensitive fields are
// zeroed; the failure note stands for a copy whose method panicked. That is so whatever
// x is: the value's copy, the copy a pii.SafeValue holds, an error's redacted text. x
// keeps its type for the hooks and formatter after this.
func guarded(x any, changed bool) any {
	if !changed || x == nil {
		return x // the value itself: its own panics are the caller's, as without pii
	}
	if note, ok := guard.Try(x); !ok {
		return note
	}
	return x
}
