package piilogrus_test

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/google/go-cmp/cmp"
	"github.com/sirupsen/logrus"
)

// TestNilPolicyFollowsSetDefault makes a logger whose hook has a nil Policy, then sets
// the default Policy, as a service does when its logger is a package variable: lines
// follow the default set, as a pii.Handler made with a nil Policy does.
func TestNilPolicyFollowsSetDefault(t *testing.T) {
	const owned = "+14155552671" // the service's own number under the Policy set
	var buf bytes.Buffer
	l := newLogger(&buf, formatters["json"])
	p, err := pii.New(pii.WithOwnedNumbers(owned))
	if err != nil {
		t.Fatal(err)
	}
	pii.SetDefault(p)
	t.Cleanup(func() { pii.SetDefault(nil) })
	c := adaptertest.NewCustomer()
	c.Phone = owned
	l.WithField("c", c).Info("m")
	want := `{"c":{"id":"c1","name":"J. D.","email":"***@example.com","phone":"` + owned + `","plan":"premium-plan"},"level":"info","msg":"m"}` + "\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}

// TestConcurrentLogging logs the same tagged values from many goroutines through one
// logger and one shared entry (run with -race): every line is redacted and whole, and
// the shared entry keeps the caller's value.
func TestConcurrentLogging(t *testing.T) {
	for _, withFormatter := range []bool{false, true} {
		concurrentLogging(t, withFormatter)
	}
}

// concurrentLogging is TestConcurrentLogging through the Hook, or through NewFormatter
// with a hook that adds the user, as shipping hooks read entries, to every entry.
func concurrentLogging(t *testing.T, withFormatter bool) {
	var w adaptertest.LockedWriter
	l := newLogger(&w, formatters["json"])
	c := adaptertest.NewCustomer()
	if withFormatter {
		l = logrus.New()
		l.SetOutput(&w)
		l.SetFormatter(piilogrus.NewFormatter(formatters["json"], nil))
		l.AddHook(userHook{})
		l.AddHook(formatting{}) // formats each entry it is given, as a shipping hook does
	}
	ctx := context.WithValue(context.Background(), userKey{}, &c)
	shared := l.WithField("owner", &c).WithContext(ctx)
	var wg sync.WaitGroup
	const goroutines, lines = 8, 50
	for range goroutines {
		wg.Go(func() {
			for range lines {
				shared.WithField("c", c).Info("m")
				l.WithFields(map[string]any{"cs": []*adaptertest.Customer{&c}}).Warn("m")
			}
		})
	}
	wg.Wait()
	adaptertest.WholeLines(t, w.String(), goroutines*lines*2)
	if shared.Data["owner"] != &c {
		t.Errorf("the shared entry's Data changed: %v", shared.Data["owner"])
	}
}

// formatting is a hook that formats each entry it is given (Entry.String), as a hook
// that ships entries does, from the goroutine that logs.
type formatting struct{}

func (formatting) Levels() []logrus.Level { return logrus.AllLevels }

func (formatting) Fire(e *logrus.Entry) error {
	_, err := e.String()
	return err
}
