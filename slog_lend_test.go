package pii

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// keepingHandler keeps every record it is given, as a handler that formats later does.
type keepingHandler struct{ slog.Handler }

func (keepingHandler) Handle(context.Context, slog.Record) error { return nil }
func (h keepingHandler) WithGroup(string) slog.Handler           { return h }
func (h keepingHandler) WithAttrs([]slog.Attr) slog.Handler      { return h }

// TestFormatsAtOnce checks which handlers a Handler lends its copies to: slog's own
// JSON and text handlers, before and after WithAttrs and WithGroup, unless they have a
// ReplaceAttr (which may keep the values it is given); no other.
func TestFormatsAtOnce(t *testing.T) {
	keep := func([]string, slog.Attr) slog.Attr { return slog.Attr{} }
	for _, tc := range []struct {
		name string
		next slog.Handler
		want bool
	}{
		{"JSON", slog.NewJSONHandler(io.Discard, nil), true},
		{"text", slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelDebug}), true},
		{"JSON with ReplaceAttr", slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{ReplaceAttr: keep}), false},
		{"text with ReplaceAttr", slog.NewTextHandler(io.Discard, &slog.HandlerOptions{ReplaceAttr: keep}), false},
		{"another handler", keepingHandler{slog.NewJSONHandler(io.Discard, nil)}, false},
		{"JSON, grouped", slog.NewJSONHandler(io.Discard, nil).WithGroup("g").WithAttrs([]slog.Attr{slog.Int("n", 1)}), true},
	} {
		h := NewHandler(tc.next, nil)
		got := []bool{h.lends, h.WithGroup("g").(*Handler).lends, h.WithAttrs([]slog.Attr{slog.Int("n", 1)}).(*Handler).lends}
		if diff := cmp.Diff([]bool{tc.want, tc.want, tc.want}, got); diff != "" {
			t.Errorf("%s: lends (new, WithGroup, WithAttrs) (-want +got):\n%s", tc.name, diff)
		}
	}
}

// lendRecord is a record whose Not PII fields say whose it is.
type lendRecord struct {
	ID    string `pii:"no"`
	Name  string `pii:"name"`
	Email string `pii:"email"`
	Plan  string `pii:"no"`
}

func lendRecordOf(g, i int) lendRecord {
	return lendRecord{ID: fmt.Sprintf("c%d-%d", g, i), Name: "Jane Doe", Email: "jane@example.com", Plan: fmt.Sprintf("p%d-%d", g, i)}
}

// lockedWriter is a writer that lines from several goroutines are written to.
type lockedWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// TestLentLinesKeepTheirOwnValues checks lines written at once from many goroutines
// through a Handler over slog's JSON handler, which borrows its copies: each line shows
// its own record, and no personal data.
func TestLentLinesKeepTheirOwnValues(t *testing.T) {
	var w lockedWriter
	l := slog.New(NewHandler(slog.NewJSONHandler(&w, nil), nil))
	const goroutines, lines = 8, 200
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range lines {
				r := lendRecordOf(g, i)
				l.Info("signup", "rec", r, "line", r.ID, slog.Group("g", "rec", r))
			}
		}()
	}
	wg.Wait()
	if s := w.buf.String(); strings.Contains(s, "Jane") || strings.Contains(s, "jane@") {
		t.Fatalf("the lines hold personal data")
	}
	type rec struct{ ID, Plan string }
	n := 0
	for sc := bufio.NewScanner(&w.buf); sc.Scan(); n++ {
		var got struct {
			Line string
			Rec  rec
			G    struct{ Rec rec }
		}
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		want := rec{got.Line, "p" + strings.TrimPrefix(got.Line, "c")}
		if diff := cmp.Diff([]rec{want, want}, []rec{got.Rec, got.G.Rec}); diff != "" {
			t.Errorf("line %q shows another line's record (-want +got):\n%s", sc.Text(), diff)
		}
	}
	if n != goroutines*lines {
		t.Errorf("%d lines, want %d", n, goroutines*lines)
	}
}

// TestReplaceAttrKeepsItsValues checks that the values a ReplaceAttr keeps are never
// written over by later lines: a Handler lends no copy to a handler with one.
func TestReplaceAttrKeepsItsValues(t *testing.T) {
	var kept []any
	keep := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == "rec" {
			kept = append(kept, a.Value.Any())
		}
		return a
	}
	l := slog.New(NewHandler(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{ReplaceAttr: keep}), nil))
	for i := range 50 {
		l.Info("signup", "rec", lendRecordOf(0, i))
	}
	for i, v := range kept {
		r, ok := v.(lendRecord)
		if want := lendRecordOf(0, i); !ok || r.ID != want.ID || r.Plan != want.Plan {
			t.Errorf("value %d kept by ReplaceAttr is now %+v, want the record %s", i, v, want.ID)
		}
	}
	if len(kept) != 50 {
		t.Errorf("ReplaceAttr kept %d values, want 50", len(kept))
	}
}

// TestLentLineAllocatesLess checks that a Handler over slog's JSON handler does borrow:
// its line allocates less than the same line over a handler of another type that
// formats the same way (the lines' own outputs are compared elsewhere).
func TestLentLineAllocatesLess(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector drops pooled values at random")
	}
	var rec any = lendRecordOf(1, 1) // boxed once: the caller's allocation, not ours
	allocs := func(next slog.Handler) float64 {
		l := slog.New(NewHandler(next, nil))
		return testing.AllocsPerRun(500, func() { l.Info("signup", "rec", rec) })
	}
	lent := allocs(slog.NewJSONHandler(io.Discard, nil))
	own := allocs(passingHandler{slog.NewJSONHandler(io.Discard, nil)})
	if lent >= own {
		t.Errorf("a line over slog's JSON handler allocates %v times, over another type %v: want fewer", lent, own)
	}
}

// passingHandler passes records on to a handler of slog's, as a handler of another
// type that formats at once does: a Handler over it cannot know that it does.
type passingHandler struct{ slog.Handler }
