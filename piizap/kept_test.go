package piizap_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// TestObserverKeepsRedacted logs through an observer, which keeps the fields rather
// than encoding them, then logs other customers and changes the caller's customer: the
// kept fields stay redacted and as they were logged.
func TestObserverKeepsRedacted(t *testing.T) {
	for _, scan := range []bool{false, true} {
		var opts []piizap.Option
		if scan {
			opts = append(opts, piizap.ScanStrings())
		}
		obs, logs := observer.New(zapcore.DebugLevel)
		l := zap.New(piizap.NewCore(obs, nil, opts...))
		c := adaptertest.NewCustomer()
		l.Info("m", zap.Any("v", c), zap.Any("p", &c), zap.Object("o", Customer(c)),
			zap.Any("s", []*adaptertest.Customer{&c}), zap.Dict("d", zap.Any("c", &c)),
			zap.Array("b", batch{[]adaptertest.Customer{c}}))
		l.With(zap.Any("w", &c)).Info("m")
		entries := logs.All()
		kept := func() string {
			var b strings.Builder
			for _, e := range entries {
				line, err := json.Marshal(e.ContextMap())
				if err != nil {
					t.Fatal(err)
				}
				b.Write(line)
				b.WriteByte('\n')
			}
			return b.String()
		}
		before := kept()
		adaptertest.NoPII(t, before)
		for i := range 50 {
			d := adaptertest.Customer{ID: fmt.Sprint(i), Name: "Bob Smith", Email: fmt.Sprintf("bob%d@corp.example", i), Phone: fmt.Sprintf("+1415555%04d", i), Plan: "other"}
			l.Info("other", zap.Any("v", d), zap.Any("p", &d), zap.Object("o", Customer(d)))
		}
		c.Name, c.Phone, c.Plan = "Zed Raw", "+14155550999", "changed"
		if diff := cmp.Diff(before, kept()); diff != "" {
			t.Errorf("scan %v: kept fields changed (-before +after):\n%s", scan, diff)
		}
	}
}

// TestConcurrentLogging logs the same tagged values from many goroutines through one
// logger and its With children (run with -race): every line is redacted and whole.
func TestConcurrentLogging(t *testing.T) {
	var buf adaptertest.LockedWriter
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	l := zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(&buf), zapcore.DebugLevel), nil, piizap.ScanStrings()))
	c := adaptertest.NewCustomer()
	w := l.With(zap.Any("owner", &c))
	inParallel(func() {
		w.Info("m", zap.Any("c", c), zap.Array("b", batch{[]adaptertest.Customer{c}}), zap.Dict("d", zap.Any("p", &c)))
		l.Sugar().Infow("m", "c", &c)
	})
	adaptertest.WholeLines(t, buf.String(), parallelLines*2)
}
