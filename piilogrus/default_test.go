package piilogrus_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/google/go-cmp/cmp"
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
	var w adaptertest.LockedWriter
	l := newLogger(&w, formatters["json"])
	c := adaptertest.NewCustomer()
	shared := l.WithField("owner", &c)
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
