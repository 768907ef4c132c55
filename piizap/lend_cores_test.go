package piizap_test

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// TestKeptFieldsBesideLentLines checks cores that keep the fields they are given,
// alone and beside, under or behind cores that encode at once (a tee, a sampler): the
// fields they keep stay as they were logged while later lines are written, since a
// line's copies are borrowed only when every core it reaches encodes at once.
func TestKeptFieldsBesideLentLines(t *testing.T) {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	io := func() zapcore.Core { return zapcore.NewCore(enc, zapcore.AddSync(io.Discard), zapcore.DebugLevel) }
	for name, wrap := range map[string]func(zapcore.Core) zapcore.Core{
		"observer":            func(obs zapcore.Core) zapcore.Core { return obs },
		"tee with an io core": func(obs zapcore.Core) zapcore.Core { return zapcore.NewTee(io(), obs) },
		"sampler": func(obs zapcore.Core) zapcore.Core {
			return zapcore.NewSamplerWithOptions(obs, time.Hour, 1000, 1000)
		},
		"sampler of a tee": func(obs zapcore.Core) zapcore.Core {
			return zapcore.NewSamplerWithOptions(zapcore.NewTee(io(), obs), time.Hour, 1000, 1000)
		},
	} {
		obs, logs := observer.New(zapcore.DebugLevel)
		l := zap.New(piizap.NewCore(wrap(obs), nil))
		c := adaptertest.NewCustomer()
		l.Info("m", zap.Any("v", c), zap.Object("o", Customer(c)))
		kept := func() string {
			var b strings.Builder
			for _, e := range logs.All() {
				line, err := json.Marshal(e.ContextMap())
				if err != nil {
					t.Fatal(err)
				}
				b.Write(line)
			}
			return b.String()
		}
		before := kept()
		for i := range 50 {
			d := adaptertest.Customer{ID: fmt.Sprint(i), Name: "Bob Smith", Email: fmt.Sprintf("bob%d@corp.example", i), Plan: "other"}
			l.Info("other", zap.Any("v", d), zap.Object("o", Customer(d)))
		}
		if diff := cmp.Diff(before, kept()[:len(before)]); diff != "" {
			t.Errorf("%s: kept fields changed (-before +after):\n%s", name, diff)
		}
	}
}

// TestSampledLinesKeepTheirOwnValues logs from many goroutines through zap's own
// production core (a sampler around a core zapcore.NewCore made, whose lines borrow
// their copies): each line shows its own customer.
func TestSampledLinesKeepTheirOwnValues(t *testing.T) {
	var out adaptertest.LockedWriter
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	sampled := zapcore.NewSamplerWithOptions(zapcore.NewCore(enc, zapcore.AddSync(&out), zapcore.InfoLevel), time.Hour, 100000, 1)
	l := zap.New(piizap.NewCore(zapcore.NewTee(sampled, zapcore.NewCore(enc, zapcore.AddSync(io.Discard), zapcore.InfoLevel)), nil))
	inParallel(func() {
		for i := range 20 {
			c := adaptertest.NewCustomer()
			c.ID = fmt.Sprintf("c%d-%p", i, &c)
			l.Info("signup", zap.Any("customer", c), zap.String("line", c.ID))
		}
	})
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var got struct {
			Line     string
			Customer struct{ ID string }
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if got.Customer.ID != got.Line {
			t.Errorf("line %q shows another line's customer", line)
		}
	}
}
