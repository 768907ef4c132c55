package piizap_test

import (
	"encoding/json"
	"sync/atomic"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// keepingCore keeps the fields given to With and encodes them anew at each Write, as
// zaptest's observer and cores that ship entries elsewhere do: one field may be encoded
// by several goroutines at once.
type keepingCore struct {
	zapcore.LevelEnabler
	kept []zapcore.Field
	out  *adaptertest.LockedWriter
}

func (k keepingCore) With(fs []zapcore.Field) zapcore.Core {
	k.kept = append(k.kept[:len(k.kept):len(k.kept)], fs...)
	return k
}

func (k keepingCore) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	return ce.AddCore(e, k)
}

func (k keepingCore) Write(e zapcore.Entry, fs []zapcore.Field) error {
	enc := zapcore.NewMapObjectEncoder()
	for _, f := range append(k.kept[:len(k.kept):len(k.kept)], fs...) {
		f.AddTo(enc)
	}
	b, err := json.Marshal(enc.Fields)
	if err != nil {
		return err
	}
	_, err = k.out.Write(append(b, '\n'))
	return err
}

func (keepingCore) Sync() error { return nil }

// TestGuardShared encodes one guarded field (kept by With) from many goroutines at once
// (run with -race): each encoding is redacted and whole.
func TestGuardShared(t *testing.T) {
	var out adaptertest.LockedWriter
	l := zap.New(piizap.NewCore(keepingCore{zapcore.DebugLevel, nil, &out}, nil)).
		With(zap.Object("id", customerID(1)), zap.Array("ids", customerIDs{1}))
	inParallel(func() {
		l.Info("m")
	})
	adaptertest.WholeLines(t, out.String(), parallelLines)
	adaptertest.NoPII(t, out.String())
}

// panicOnce panics the first time it marshals, and logs the customer after.
type panicOnce struct{ done *atomic.Bool }

func (p panicOnce) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	if p.done.CompareAndSwap(false, true) {
		panic("first")
	}
	return enc.AddReflected("c", directory[1])
}

// TestGuardAfterPanic encodes a guarded field kept by With whose marshaler panics once:
// the next line is redacted all the same.
func TestGuardAfterPanic(t *testing.T) {
	var out adaptertest.LockedWriter
	l := zap.New(piizap.NewCore(keepingCore{zapcore.DebugLevel, nil, &out}, nil)).
		With(zap.Object("p", panicOnce{new(atomic.Bool)}))
	if r := recovered(func() { l.Info("m") }); r != "first" {
		t.Fatalf("recovered %v, want the marshaler's panic", r)
	}
	l.Info("m")
	if diff := cmp.Diff(`{"p":{"c":`+redactedCustomer+"}}\n", out.String()); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}
