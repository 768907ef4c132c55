package piizap_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// lockedBuffer is a buffer that lines from several goroutines are written to.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// TestLinesKeepTheirOwnValues checks what a core over zapcore.NewCore may keep from one
// line for the next (the list of fields, the redacted copies, the marshalers' guards):
// lines written at once from many goroutines, with a customer as zap.Any and as
// zap.Object, each show their own customer's Not PII fields, and no personal data.
func TestLinesKeepTheirOwnValues(t *testing.T) {
	var out lockedBuffer
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	l := zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(&out), zapcore.InfoLevel), nil))
	const goroutines, lines = 8, 200
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range lines {
				c := adaptertest.NewCustomer()
				c.ID, c.Plan = fmt.Sprintf("c%d-%d", g, i), fmt.Sprintf("p%d-%d", g, i)
				if i%2 == 0 {
					l.Info("signup", zap.Any("customer", c), zap.String("line", c.ID))
				} else {
					l.Info("signup", zap.Object("customer", Customer(c)), zap.String("line", c.ID))
				}
			}
		}()
	}
	wg.Wait()
	for _, m := range adaptertest.Markers {
		if bytes.Contains(out.buf.Bytes(), []byte(m)) {
			t.Fatalf("the lines hold %q", m)
		}
	}
	type logged struct {
		Line     string
		Customer struct{ ID, Plan string }
	}
	n := 0
	for sc := bufio.NewScanner(&out.buf); sc.Scan(); n++ {
		var got logged
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		// zap.Object's MarshalLogObject writes no ID: its Plan says whose it is.
		want := got.Customer.Plan
		if diff := cmp.Diff("p"+got.Line[1:], want); diff != "" {
			t.Errorf("line %q shows another line's customer (-want +got):\n%s", sc.Text(), diff)
		}
		if got.Customer.ID != "" && got.Customer.ID != got.Line {
			t.Errorf("line %q shows another line's customer ID", sc.Text())
		}
	}
	if n != goroutines*lines {
		t.Errorf("%d lines, want %d", n, goroutines*lines)
	}
}
