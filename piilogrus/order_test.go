package piilogrus_test

import (
	"io"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// recorder is a hook that keeps what it is given, as a hook that ships entries does.
type recorder struct{ lines []string }

func (r *recorder) Levels() []logrus.Level { return logrus.AllLevels }

func (r *recorder) Fire(e *logrus.Entry) error {
	line, err := e.String()
	r.lines = append(r.lines, line)
	return err
}

// TestHookOrder checks what the Hook's doc says of order: a hook added after it sees
// the redacted values, one added before it sees them as they are.
func TestHookOrder(t *testing.T) {
	before, after := &recorder{}, &recorder{}
	l := logrus.New()
	l.SetOutput(io.Discard)
	l.SetFormatter(formatters["json"])
	l.AddHook(before)
	l.AddHook(piilogrus.NewHook(nil))
	l.AddHook(after)
	l.WithField("c", adaptertest.NewCustomer()).Info("m")
	if len(after.lines) != 1 || len(before.lines) != 1 {
		t.Fatalf("hooks fired %d and %d times, want once each", len(before.lines), len(after.lines))
	}
	adaptertest.NoPII(t, after.lines[0])
	if !strings.Contains(before.lines[0], adaptertest.Phone) {
		t.Errorf("the hook added before saw %s, want the values as they are", before.lines[0])
	}
}
