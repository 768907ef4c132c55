package piizap_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
)

// TestProperty logs random nested values (pointers, slices, maps, interfaces, recursion)
// every way zap takes them, and checks that no personal value reaches the output and every
// Not PII one does.
func TestProperty(t *testing.T) {
	adaptertest.Property(t, func(p *pii.Policy, g *adaptertest.Gen, m *adaptertest.Message) {
		for _, r := range []struct {
			name string
			log  func(*zap.Logger)
		}{
			{"Any", func(l *zap.Logger) { l.Info("m", zap.Any("m", m)) }},
			{"Reflect", func(l *zap.Logger) { l.Info("m", zap.Reflect("m", *m)) }},
			{"Object", func(l *zap.Logger) { l.Info("m", piizap.Object("m", m)) }},
			{"With", func(l *zap.Logger) { l.With(zap.Any("m", []*adaptertest.Message{m})).Info("m") }},
			{"Sugar", func(l *zap.Logger) { l.Sugar().Infow("m", "m", m) }},
		} {
			var buf bytes.Buffer
			r.log(newLogger(&buf, p))
			g.Check(t, r.name, buf.String(), true)
		}
	})
}
