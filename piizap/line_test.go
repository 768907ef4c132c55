package piizap_test

import (
	"bufio"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// TestLinesKeepTheirOwnValues checks what a core over zapcore.NewCore may keep from one
// line for the next (the list of fields, the redacted copies, the marshalers' guards):
// lines written at once from many goroutines (run with -race), each with a customer
// every way a copy is lent (zap.Any of the struct, twice, zap.Object and zap.Inline of a
// marshaler, zap.Error and zap.Stringer of structs), each show their own customer in
// every field, and no personal data.
func TestLinesKeepTheirOwnValues(t *testing.T) {
	var out adaptertest.LockedWriter
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	l := zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(&out), zapcore.InfoLevel), nil))
	const goroutines, lines = 8, 200
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range lines {
				c := customerOf(g*lines + i)
				l.Info("m", zap.Any("any", adaptertest.Customer(c)), zap.Object("obj", c), zap.Inline(c),
					zap.Error(adaptertest.PhoneError{Phone: c.Phone, Plan: c.Plan}), zap.Stringer("str", stringCustomer(c)),
					zap.Any("again", adaptertest.Customer(c)), zap.String("line", c.Plan))
			}
		})
	}
	wg.Wait()
	for _, m := range adaptertest.Markers {
		if strings.Contains(out.String(), m) {
			t.Fatalf("the lines hold %q", m)
		}
	}
	plans := regexp.MustCompile(`\bp[0-9]+\b`)
	n := 0
	for sc := bufio.NewScanner(strings.NewReader(out.String())); sc.Scan(); n++ {
		got := plans.FindAllString(sc.Text(), -1)
		want := slices.Repeat(got[len(got)-1:], 7) // "line" is last: it says whose the line is
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("line %s shows another line's customer (-want +got):\n%s", sc.Text(), diff)
		}
	}
	if n != goroutines*lines {
		t.Errorf("%d lines, want %d", n, goroutines*lines)
	}
}
