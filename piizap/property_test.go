package piizap_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// messages holds messages in an unexported field, which the walk does not enter: its
// MarshalLogArray hands them to the encoder.
type messages struct{ list []*adaptertest.Message }

func (ms messages) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, m := range ms.list {
		if err := enc.AppendReflected(m); err != nil {
			return err
		}
	}
	return nil
}

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
			{"Dict", func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Any("m", m))) }},
			{"Array of hidden", func(l *zap.Logger) { l.Info("m", zap.Array("b", messages{[]*adaptertest.Message{m}})) }},
			{"Stringer Safe", func(l *zap.Logger) { l.Info("m", zap.Stringer("m", p.Safe(m))) }},
		} {
			var buf bytes.Buffer
			r.log(newLogger(&buf, p))
			g.Check(t, r.name, buf.String(), true)
		}
	})
}
