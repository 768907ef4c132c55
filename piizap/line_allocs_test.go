package piizap_test

import (
	"io"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// TestLentLineAllocatesLess checks that a core over zapcore.NewCore's does borrow: a
// line with a tagged customer, as a struct and as a marshaler, allocates less than the
// same line over the same core under another type (the lines are compared elsewhere).
func TestLentLineAllocatesLess(t *testing.T) {
	if adaptertest.Race {
		t.Skip("the race detector drops pooled values at random")
	}
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	var c any = adaptertest.NewCustomer() // boxed once: the caller's allocation
	cust := Customer(adaptertest.NewCustomer())
	allocs := func(next zapcore.Core) float64 {
		l := zap.New(piizap.NewCore(next, nil))
		return testing.AllocsPerRun(500, func() { l.Info("signup", zap.Any("c", c), zap.Object("o", cust)) })
	}
	lent := allocs(zapcore.NewCore(enc, zapcore.AddSync(io.Discard), zapcore.InfoLevel))
	own := allocs(otherCore{zapcore.NewCore(enc, zapcore.AddSync(io.Discard), zapcore.InfoLevel)})
	if lent >= own {
		t.Errorf("a line over zapcore.NewCore's core allocates %v times, over another type %v: want fewer", lent, own)
	}
}
