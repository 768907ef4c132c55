package piilogrus

import (
	"fmt"
	"reflect"

	"github.com/ef8f9424/pii/internal/guard"
)

// guarded returns x, what a line may show of v, as logrus's formatters can be handed it
// when it is v's redacted copy: a method that holds on every real value may panic on
// the copy, whose sensitive fields are zeroed, and JSONFormatter calls Error and
// encoding/json with no recover (see internal/guard). An error is wrapped so that its
// text is read under recover (both formatters write it as they write the error's); a
// value that encoding/json would run a MarshalJSON or MarshalText of is wrapped so that
// its encoding recovers. A failure note stands for a copy whose method panicked.
func guarded(v, x any, changed bool) any {
	if !changed || x == nil || reflect.TypeOf(x) != reflect.TypeOf(v) {
		return x // v itself, or what stands for it (a note, an error's redacted text)
	}
	if err, ok := x.(error); ok {
		if _, formats := x.(fmt.Formatter); formats {
			return x // fmt's %v may print more than Error: left to the formatter
		}
		return guard.ErrorOf(err) // still the copy to errors.As, for hooks that look
	}
	return guard.JSON(x)
}
