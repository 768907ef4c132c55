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

// TestPropertyFormatter logs random nested values through NewFormatter, alone and
// behind the Hook (the values redacted twice), with and without ScanStrings: no personal
// value reaches the output, and the lines are those the Hook alone writes.
func TestPropertyFormatter(t *testing.T) {
	json := &logrus.JSONFormatter{DisableTimestamp: true}
	adaptertest.Property(t, func(p *pii.Policy, g *adaptertest.Gen, m *adaptertest.Message) {
		for _, opts := range [][]piilogrus.Option{nil, {piilogrus.ScanStrings()}} {
			lines := map[string]string{}
			for _, way := range []string{"hook", "formatter", "both"} {
				var buf bytes.Buffer
				l := logrus.New()
				l.SetOutput(&buf)
				l.SetFormatter(json)
				if way != "hook" {
					l.SetFormatter(piilogrus.NewFormatter(json, p, opts...))
				}
				if way != "formatter" {
					l.AddHook(piilogrus.NewHook(p, opts...))
				}
				l.WithField("m", m).Info("call from " + adaptertest.Phone)
				g.Check(t, way, buf.String(), true)
				lines[way] = buf.String()
			}
			if lines["formatter"] != lines["hook"] || lines["both"] != lines["hook"] {
				t.Fatalf("lines differ:\nhook:      %s\nformatter: %s\nboth:      %s", lines["hook"], lines["formatter"], lines["both"])
			}
		}
	})
}
