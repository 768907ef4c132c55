package pii_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// TestNoteThroughStackedHandlers logs a value whose tags are wrong through two Handlers,
// one inside the other, with every option of the inner one, over slog's JSON and text
// handlers, directly, in a group and in a []any: the note the outer Handler makes is
// passed on by the inner one as it is, an error that is ErrRedactionFailed (which
// adapters look for), and the line shows the note, never the value.
func TestNoteThroughStackedHandlers(t *testing.T) {
	const want = "!PII-REDACTION-FAILED: pii: pii_test.badTag.Phone"
	inner := map[string][]pii.HandlerOption{
		"plain": nil,
		"scan":  {pii.ScanStrings()},
		"audit": {pii.ReportMisplaced(func(_ context.Context, _ string, m pii.Misplaced) {}), pii.RedactMisplaced()},
	}
	values := map[string]func() slog.Attr{
		"value": func() slog.Attr { return slog.Any("v", badTag{Phone: 14155551234}) },
		"group": func() slog.Attr { return slog.Group("g", slog.Any("v", badTag{Phone: 14155551234})) },
		"slice": func() slog.Attr { return slog.Any("v", []any{badTag{Phone: 14155551234}}) },
	}
	for iname, opts := range inner {
		for vname, attr := range values {
			for _, json := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/json=%v", iname, vname, json), func(t *testing.T) {
					var buf bytes.Buffer
					var next slog.Handler = slog.NewTextHandler(&buf, nil)
					if json {
						next = slog.NewJSONHandler(&buf, nil)
					}
					var seen []slog.Value
					spy := spyHandler{next: next, seen: &seen}
					slog.New(pii.NewHandler(pii.NewHandler(spy, nil, opts...), nil)).Info("m", attr())
					line := buf.String()
					if !strings.Contains(line, want) || strings.Contains(line, "1.4155551234e+10") {
						t.Errorf("line = %s, want the note %q and not the value", line, want)
					}
					if vname == "value" {
						if len(seen) != 1 {
							t.Fatalf("the inner Handler passed on %d attributes, want 1", len(seen))
						}
						err, ok := seen[0].Any().(error)
						if !ok || !errors.Is(err, pii.ErrRedactionFailed) {
							t.Errorf("the inner Handler passed on %T, want the note: an error that is ErrRedactionFailed", seen[0].Any())
						}
					}
				})
			}
		}
	}
}

// spyHandler keeps the values of the attributes it is given, and passes records on.
type spyHandler struct {
	next slog.Handler
	seen *[]slog.Value
}

func (h spyHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }
func (h spyHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return spyHandler{h.next.WithAttrs(as), h.seen}
}
func (h spyHandler) WithGroup(g string) slog.Handler { return spyHandler{h.next.WithGroup(g), h.seen} }
func (h spyHandler) Handle(ctx context.Context, r slog.Record) error {
	r.Attrs(func(a slog.Attr) bool { *h.seen = append(*h.seen, a.Value); return true })
	return h.next.Handle(ctx, r)
}

// TestForLogOfNote gives ForLog, ForLogScanned and Safe the note ForLog made of a value
// whose tags are wrong, alone and wrapped: what they give back is still the note (an
// error that is ErrRedactionFailed), with the same text.
func TestForLogOfNote(t *testing.T) {
	p := pii.Default()
	note, _ := p.ForLog(badTag{Phone: 14155551234})
	first, ok := note.(error)
	if !ok || !errors.Is(first, pii.ErrRedactionFailed) {
		t.Fatalf("ForLog of a badly tagged value = %T, want the note", note)
	}
	for name, f := range map[string]func(any) (any, bool){"ForLog": p.ForLog, "ForLogScanned": p.ForLogScanned} {
		for _, in := range []any{note, fmt.Errorf("call: %w", first)} {
			got, _ := f(in)
			err, ok := got.(error)
			if !ok || !errors.Is(err, pii.ErrRedactionFailed) {
				t.Errorf("%s(%T) = %T, want an error that is ErrRedactionFailed", name, in, got)
				continue
			}
			if !strings.Contains(err.Error(), first.Error()) {
				t.Errorf("%s(%T) says %q, want the note's %q", name, in, err.Error(), first.Error())
			}
		}
	}
	if got := fmt.Sprint(pii.Safe(note)); got != first.Error() {
		t.Errorf("Safe(note) prints %q, want %q", got, first.Error())
	}
}
