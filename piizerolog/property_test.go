package piizerolog_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// TestProperty logs random nested values (pointers, slices, maps, interfaces, recursion)
// through Object and through Interface with pii.Safe, and checks that no personal value
// reaches the output and every Not PII one does.
func TestProperty(t *testing.T) {
	adaptertest.Property(t, func(p *pii.Policy, g *adaptertest.Gen, m *adaptertest.Message) {
		for _, r := range []struct {
			name string
			log  func(*zerolog.Event)
		}{
			{"Object", func(e *zerolog.Event) { e.Object("m", piizerolog.ObjectOf(p, m)).Send() }},
			{"Object slice", func(e *zerolog.Event) { e.Object("m", piizerolog.ObjectOf(p, []*adaptertest.Message{m})).Send() }},
			{"Interface Safe", func(e *zerolog.Event) { e.Interface("m", p.Safe(m)).Send() }},
		} {
			var buf bytes.Buffer
			l := zerolog.New(&buf)
			r.log(l.Info())
			g.Check(t, r.name, buf.String(), true)
		}
	})
}

// TestPropertyMarshalInterface logs random nested values as they are, with
// zerolog.InterfaceMarshalFunc set to MarshalInterface, through Interface, Fields and an
// array: no personal value reaches the output, every Not PII one does, and Interface
// writes what Interface with pii.Safe writes.
func TestPropertyMarshalInterface(t *testing.T) {
	setMarshalers(t)
	adaptertest.Property(t, func(p *pii.Policy, g *adaptertest.Gen, m *adaptertest.Message) {
		lines := map[string]string{}
		for _, r := range []struct {
			name string
			log  func(*zerolog.Event)
		}{
			{"Interface", func(e *zerolog.Event) { e.Interface("m", m).Send() }},
			{"Interface Safe", func(e *zerolog.Event) { e.Interface("m", p.Safe(m)).Send() }},
			{"Fields", func(e *zerolog.Event) { e.Fields(map[string]any{"m": *m}).Send() }},
			{"Arr", func(e *zerolog.Event) { e.Array("m", zerolog.Arr().Interface(m)).Send() }},
		} {
			var buf bytes.Buffer
			l := zerolog.New(&buf)
			r.log(l.Info())
			g.Check(t, r.name, buf.String(), true)
			lines[r.name] = buf.String()
		}
		if lines["Interface"] != lines["Interface Safe"] {
			t.Fatalf("Interface wrote %s, Interface of Safe %s", lines["Interface"], lines["Interface Safe"])
		}
	})
}
