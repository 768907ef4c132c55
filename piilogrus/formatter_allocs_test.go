package piilogrus_test

import (
	"io"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// TestFormatterAllocatesLess checks that NewFormatter over logrus's JSON formatter does
// borrow its copies: a line allocates less than over a formatter of another type that
// formats the same way.
func TestFormatterAllocatesLess(t *testing.T) {
	if adaptertest.Race {
		t.Skip("the race detector drops pooled values at random")
	}
	var c any = adaptertest.NewCustomer() // boxed once: the caller's allocation
	allocs := func(next logrus.Formatter) float64 {
		l := logrus.New()
		l.SetOutput(io.Discard)
		l.SetFormatter(piilogrus.NewFormatter(next, nil))
		return testing.AllocsPerRun(500, func() { l.WithField("customer", c).Info("signup") })
	}
	lent := allocs(&logrus.JSONFormatter{})
	own := allocs(passingFormatter{&logrus.JSONFormatter{}})
	if lent >= own {
		t.Errorf("a line over logrus's JSON formatter allocates %v times, over another type %v: want fewer", lent, own)
	}
}

// passingFormatter has logrus's JSON formatter format, as a formatter of another type
// that formats at once does: NewFormatter over it cannot know that it does.
type passingFormatter struct{ next logrus.Formatter }

func (f passingFormatter) Format(e *logrus.Entry) ([]byte, error) { return f.next.Format(e) }
