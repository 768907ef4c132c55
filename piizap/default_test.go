package piizap_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
)

// owned is a phone number of the service itself: under ownedPolicy, not personal data.
const owned = "+14155552671"

// ownedPolicy returns a Policy under which owned is the service's own number.
func ownedPolicy(t *testing.T) *pii.Policy {
	t.Helper()
	p, err := pii.New(pii.WithOwnedNumbers(owned))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestNilPolicyFollowsSetDefault makes a logger with a nil Policy, then sets the default
// Policy, as a service does when its logger is a package variable: lines follow the
// default set, as a pii.Handler made with a nil Policy does.
func TestNilPolicyFollowsSetDefault(t *testing.T) {
	var buf bytes.Buffer
	l := newLogger(&buf, nil)
	pii.SetDefault(ownedPolicy(t))
	t.Cleanup(func() { pii.SetDefault(nil) })
	c := adaptertest.NewCustomer()
	c.Phone = owned
	l.Info("m", zap.Any("c", c))
	want := `{"level":"info","msg":"m","c":{"id":"c1","name":"J. D.","email":"***@example.com","phone":"` + owned + `","plan":"premium-plan"}}` + "\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
	buf.Reset()
	l.Info("m", piizap.Object("c", c))
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("Object (-want +got):\n%s", diff)
	}
}
