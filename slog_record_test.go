package pii

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestRecordFrontLearned fails when slog.Record is no longer laid out as this package
// knows it (a new Go release): lines then still redact, but through a new record each.
func TestRecordFrontLearned(t *testing.T) {
	if !recordFrontKnown {
		t.Fatal("the inline attributes of slog.Record were not found: update learnRecordLayout")
	}
	type unlike struct {
		front  [5]string
		nFront int
		back   []slog.Attr
	}
	if _, ok := learnRecordLayout(reflect.TypeFor[unlike]()); ok {
		t.Error("learnRecordLayout took a record type whose inline array holds no slog.Attr")
	}
}

// keptRecord is a handler that keeps a clone of each record it is given.
type keptRecord struct{ records []slog.Record }

func (k *keptRecord) Enabled(context.Context, slog.Level) bool { return true }
func (k *keptRecord) Handle(_ context.Context, r slog.Record) error {
	k.records = append(k.records, r.Clone())
	return nil
}
func (k *keptRecord) WithAttrs([]slog.Attr) slog.Handler { return k }
func (k *keptRecord) WithGroup(string) slog.Handler      { return k }

// recordEmail is a tagged value for the tests of this file.
type recordEmail struct {
	Email string `pii:"email"`
}

// emptyGroupValuer resolves to a group with no attributes.
type emptyGroupValuer struct{}

func (emptyGroupValuer) LogValue() slog.Value { return slog.GroupValue() }

// attrsOf returns r's attributes as "key=value" strings, values printed by %v.
func attrsOf(r slog.Record) []string {
	var out []string
	r.Attrs(func(a slog.Attr) bool {
		out = append(out, fmt.Sprintf("%s=%v", a.Key, a.Value.Resolve().Any()))
		return true
	})
	return out
}

// TestHandleRecordAttrs checks what the next handler is given, and what is left of the
// caller's record, for records whose attributes all sit inside the record (up to five)
// and for records with more, whose rest the caller's record shares.
func TestHandleRecordAttrs(t *testing.T) {
	raw := recordEmail{Email: "ann@example.com"}
	masked := fmt.Sprintf("%v", mustRedacted(t, raw))
	tests := []struct {
		name       string
		attrs      []slog.Attr
		want       []string // what the next handler is given
		wantCaller []string // the caller's record afterwards: as it was
	}{{
		name:       "one tagged",
		attrs:      []slog.Attr{slog.Any("u", raw)},
		want:       []string{"u=" + masked},
		wantCaller: []string{"u={ann@example.com}"},
	}, {
		name:       "nothing to hide",
		attrs:      []slog.Attr{slog.Int("n", 1), slog.String("s", "x")},
		want:       []string{"n=1", "s=x"},
		wantCaller: []string{"n=1", "s=x"},
	}, {
		name: "five, the last tagged",
		attrs: []slog.Attr{slog.Int("a", 1), slog.Int("b", 2), slog.Int("c", 3), slog.Int("d", 4),
			slog.Any("u", raw)},
		want:       []string{"a=1", "b=2", "c=3", "d=4", "u=" + masked},
		wantCaller: []string{"a=1", "b=2", "c=3", "d=4", "u={ann@example.com}"},
	}, {
		name: "seven, tagged inside and past the record",
		attrs: []slog.Attr{slog.Any("u1", raw), slog.Int("b", 2), slog.Int("c", 3), slog.Int("d", 4),
			slog.Int("e", 5), slog.Int("f", 6), slog.Any("u2", &raw)},
		want: []string{"u1=" + masked, "b=2", "c=3", "d=4", "e=5", "f=6", "u2=&" + masked},
		wantCaller: []string{"u1={ann@example.com}", "b=2", "c=3", "d=4", "e=5", "f=6",
			"u2=&{ann@example.com}"},
	}, {
		name:       "an empty group is left out, as slog leaves it out",
		attrs:      []slog.Attr{slog.Any("empty", emptyGroupValuer{}), slog.Any("u", raw)},
		want:       []string{"u=" + masked},
		wantCaller: []string{"empty=[]", "u={ann@example.com}"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := &keptRecord{}
			h := NewHandler(next, nil)
			r := slog.NewRecord(time.Unix(0, 0), slog.LevelInfo, "m", 0)
			r.AddAttrs(tt.attrs...)
			if err := h.Handle(context.Background(), r); err != nil {
				t.Fatal(err)
			}
			if len(next.records) != 1 {
				t.Fatalf("the next handler was given %d records, want 1", len(next.records))
			}
			if diff := cmp.Diff(tt.want, attrsOf(next.records[0])); diff != "" {
				t.Errorf("attributes handed on (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantCaller, attrsOf(r)); diff != "" {
				t.Errorf("the caller's record changed (-was +now):\n%s", diff)
			}
		})
	}
}

func mustRedacted[T any](t *testing.T, v T) T {
	t.Helper()
	out, err := Redacted(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
