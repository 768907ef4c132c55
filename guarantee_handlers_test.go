package pii_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
)

// The slog handlers of the guarantee test: a tee, a lazy handler that formats after the
// caller has changed its values, and the ways a value reaches a Handler.

// gtLogOpts drops the time, so that outputs can be compared and hold no stray digits.
var gtLogOpts = &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}}

// gtTee hands every call to each of its handlers.
type gtTee []slog.Handler

func (t gtTee) Enabled(context.Context, slog.Level) bool { return true }

func (t gtTee) Handle(ctx context.Context, r slog.Record) error {
	for _, h := range t {
		if err := h.Handle(ctx, r.Clone()); err != nil {
			return err
		}
	}
	return nil
}

func (t gtTee) WithAttrs(as []slog.Attr) slog.Handler {
	out := make(gtTee, len(t))
	for i, h := range t {
		out[i] = h.WithAttrs(as)
	}
	return out
}

func (t gtTee) WithGroup(name string) slog.Handler {
	out := make(gtTee, len(t))
	for i, h := range t {
		out[i] = h.WithGroup(name)
	}
	return out
}

// gtLazy is a handler that formats late: it keeps what Handle and WithAttrs are given, as
// given, and writes it only when replay is called, as an asynchronous or buffering
// handler does. What a Handler passed on must not change in between.
type gtLazy struct {
	store *[]gtLazyRecord
	ops   []gtLazyOp
}

type gtLazyOp struct {
	group string
	attrs []slog.Attr
}

type gtLazyRecord struct {
	ops []gtLazyOp
	r   slog.Record
}

func (h *gtLazy) Enabled(context.Context, slog.Level) bool { return true }

func (h *gtLazy) Handle(_ context.Context, r slog.Record) error {
	*h.store = append(*h.store, gtLazyRecord{ops: h.ops, r: r.Clone()})
	return nil
}

func (h *gtLazy) WithAttrs(as []slog.Attr) slog.Handler {
	return &gtLazy{store: h.store, ops: append(h.ops[:len(h.ops):len(h.ops)], gtLazyOp{attrs: as})}
}

func (h *gtLazy) WithGroup(name string) slog.Handler {
	return &gtLazy{store: h.store, ops: append(h.ops[:len(h.ops):len(h.ops)], gtLazyOp{group: name})}
}

// replay writes what the handler kept, now, as slog's JSON handler would have.
func (h *gtLazy) replay() string {
	var b bytes.Buffer
	for _, lr := range *h.store {
		var jh slog.Handler = slog.NewJSONHandler(&b, gtLogOpts)
		for _, op := range lr.ops {
			if op.attrs != nil {
				jh = jh.WithAttrs(op.attrs)
			} else {
				jh = jh.WithGroup(op.group)
			}
		}
		if err := jh.Handle(context.Background(), lr.r); err != nil {
			fmt.Fprintf(&b, "!ERROR %v\n", err)
		}
	}
	return b.String()
}

// gtModes are the ways a value reaches a Handler.
var gtModes = []struct {
	name string
	log  func(l *slog.Logger, x any, box *gtBox)
}{
	{"Any", func(l *slog.Logger, x any, _ *gtBox) { l.Info("m", slog.Any("v", x)) }},
	{"Group", func(l *slog.Logger, x any, _ *gtBox) {
		l.Info("m", slog.Group("g", slog.String("s", "t"), slog.Any("v", x)))
	}},
	{"With", func(l *slog.Logger, x any, _ *gtBox) { l.With(slog.Any("v", x)).Info("m") }},
	{"WithGroup", func(l *slog.Logger, x any, _ *gtBox) {
		l.WithGroup("wg").With(slog.Group("g", slog.Any("v", x))).Info("m", "n", 1)
	}},
	{"Valuer", func(l *slog.Logger, _ any, box *gtBox) { l.Info("m", slog.Any("v", gtValuer{box})) }},
	{"GroupValuer", func(l *slog.Logger, _ any, box *gtBox) {
		l.Info("m", slog.Group("g", slog.Any("v", gtValuer{box})))
	}},
	{"WithValuer", func(l *slog.Logger, _ any, box *gtBox) { l.With(slog.Any("v", gtValuer{box})).Info("m") }},
}
