package pii

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestLentSpareReviewHandler writes lines of rvRec records through a Handler over
// slog's JSON and text handlers, which lends its copies, and through one over the same
// handlers with a ReplaceAttr that changes nothing, which does not: a line holds the
// same record twice, another of the type, and one in a group, and every line reads
// the same both ways.
func TestLentSpareReviewHandler(t *testing.T) {
	same := func(_ []string, a slog.Attr) slog.Attr { return a }
	for _, text := range []bool{false, true} {
		var lentOut, ownOut bytes.Buffer
		next := func(w *bytes.Buffer, opts *slog.HandlerOptions) slog.Handler {
			if text {
				return slog.NewTextHandler(w, opts)
			}
			return slog.NewJSONHandler(w, opts)
		}
		lending := NewHandler(next(&lentOut, nil), nil)
		owning := NewHandler(next(&ownOut, &slog.HandlerOptions{ReplaceAttr: same}), nil)
		if !lending.lends || owning.lends {
			t.Fatalf("lends: %v and %v, want true and false: the test tests nothing", lending.lends, owning.lends)
		}
		for i := range 150 {
			a, b := rvRecOf(i), rvRecOf(i+1000)
			r := slog.NewRecord(time.Time{}, slog.LevelInfo, "line", 0)
			r.AddAttrs(slog.Any("a", a), slog.Any("again", a), slog.Any("b", b), slog.Group("g", slog.Any("c", rvRecOf(i+2000)), slog.Int("n", i)))
			for _, h := range []slog.Handler{lending, owning} {
				if err := h.Handle(context.Background(), r); err != nil {
					t.Fatal(err)
				}
			}
		}
		lines := func(b *bytes.Buffer) []string {
			return strings.Split(rvAddrs.ReplaceAllString(b.String(), "0x?"), "\n")
		}
		if diff := cmp.Diff(lines(&ownOut), lines(&lentOut)); diff != "" {
			t.Errorf("text %v: lines written from lent copies differ (-own copies +lent):\n%s", text, diff)
		}
	}
}
