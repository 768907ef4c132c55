package piilogrus_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// TestProperty logs random nested values (pointers, slices, maps, interfaces, recursion)
// through both formatters, and checks that no personal value reaches the output and, in
// JSON, every Not PII one does.
func TestProperty(t *testing.T) {
	adaptertest.Property(t, func(p *pii.Policy, g *adaptertest.Gen, m *adaptertest.Message) {
		for fname, f := range formatters {
			for i, v := range []any{m, *m, []*adaptertest.Message{m}} {
				var buf bytes.Buffer
				l := logrus.New()
				l.SetOutput(&buf)
				l.SetFormatter(f)
				l.AddHook(piilogrus.NewHook(p))
				l.WithFields(logrus.Fields{"m": v, "n": i}).Info("m")
				g.Check(t, fmt.Sprintf("%s/%T", fname, v), buf.String(), fname == "json")
			}
		}
	})
}
