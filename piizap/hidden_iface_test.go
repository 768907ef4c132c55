package piizap_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"go.uber.org/zap"
)

// lookupError holds the key it did not find in an unexported interface field, and
// prints it.
type lookupError struct{ key any }

func (e *lookupError) Error() string { return fmt.Sprintf("no %v", e.key) }

// lazyJSON prints what it holds as JSON, when zap asks.
type lazyJSON struct{ v any }

func (l lazyJSON) String() string {
	b, _ := json.Marshal(l.v)
	return string(b)
}

// TestHiddenInterfaceFieldLines logs values that hold a tagged record in an unexported
// interface field, which their Error or String prints: an error that prints it and a
// Stringer are withheld, and a plain key is left as it is.
func TestHiddenInterfaceFieldLines(t *testing.T) {
	c := adaptertest.NewCustomer()
	checkLines(t, []lineTest{
		{"Error", false, func(l *zap.Logger) { l.Info("m", zap.Error(&lookupError{c})) },
			`{"level":"info","msg":"m","error":"!PII-REDACTED: the text of a *piizap_test.lookupError that holds personal data"}`},
		{"Stringer", false, func(l *zap.Logger) { l.Info("m", zap.Stringer("v", lazyJSON{c})) },
			`{"level":"info","msg":"m","v":"!PII-REDACTED: a piizap_test.lazyJSON that holds personal data in unexported fields"}`},
		{"Any of a Stringer", false, func(l *zap.Logger) { l.Info("m", zap.Any("v", lazyJSON{&c})) },
			`{"level":"info","msg":"m","v":"!PII-REDACTED: a piizap_test.lazyJSON that holds personal data in unexported fields"}`},
		{"a plain key", false, func(l *zap.Logger) { l.Info("m", zap.Error(&lookupError{"order 7"})) },
			`{"level":"info","msg":"m","error":"no order 7"}`},
	})
}
