package pii

import (
	"context"
	"log/slog"
	"reflect"
	"unsafe"
)

// Handler is a slog.Handler that hides personal data before a record reaches the
// handler it wraps: every attribute value whose type carries pii tags, at any depth, in
// groups, in WithAttrs, and in what LogValuers produce, is replaced by its redacted copy
// (see Redacted). The caller's values are never changed. Attributes with nothing to hide
// pass through as they are, so a record without tagged values costs one look at each
// attribute.
//
// Like encoding/json, the walk does not enter unexported fields: a JSON handler never
// prints them, but a text handler or a fmt verb does, as they are. Keep personal data in
// exported, tagged fields. A map whose keys hold tagged personal data is refused
// (ErrMapKey) and logged as a redaction failure.
type Handler struct {
	next slog.Handler
	pol  *Policy
	scan bool // hide PII found in string attributes and messages too
}

// A HandlerOption configures a Handler in NewHandler.
type HandlerOption func(*Handler)

// ScanStrings makes the Handler also hide the personal data it finds (Policy.Scan) in
// the log message and in every string attribute, for services that log free text.
func ScanStrings() HandlerOption { return func(h *Handler) { h.scan = true } }

// NewHandler returns a Handler that redacts under p (the default Policy when p is nil)
// and passes records on to next.
func NewHandler(next slog.Handler, p *Policy, opts ...HandlerOption) *Handler {
	h := &Handler{next: next, pol: p.orDefault()}
	for _, opt := range opts {
		if opt != nil {
			opt(h)
		}
	}
	return h
}

// Enabled reports whether the wrapped handler handles records at level.
func (h *Handler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

// Handle redacts the record's attributes and passes it on. The record is rebuilt only
// when something in it needs hiding; otherwise it is passed on as it came.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	msg := r.Message
	if h.scan {
		msg = h.pol.RedactText(msg)
	}
	changed := msg != r.Message
	// One pass: redact every attribute, and rebuild the record only if one changed.
	var inline [8]slog.Attr
	attrs := inline[:0]
	r.Attrs(func(a slog.Attr) bool {
		ra, c := h.redactAttr(a)
		attrs = append(attrs, ra)
		changed = changed || c
		return true
	})
	if !changed {
		return h.next.Handle(ctx, r)
	}
	out := slog.NewRecord(r.Time, r.Level, msg, r.PC)
	out.AddAttrs(attrs...)
	return h.next.Handle(ctx, out)
}

// WithAttrs redacts attrs once and hands them to the wrapped handler.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	out := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		out[i], _ = h.redactAttr(a)
	}
	return &Handler{next: h.next.WithAttrs(out), pol: h.pol, scan: h.scan}
}

// WithGroup opens a group in the wrapped handler.
func (h *Handler) WithGroup(name string) slog.Handler {
	return &Handler{next: h.next.WithGroup(name), pol: h.pol, scan: h.scan}
}

// redactAttr returns a's redacted form and whether it differs from a.
func (h *Handler) redactAttr(a slog.Attr) (slog.Attr, bool) {
	v := a.Value
	if v.Kind() == slog.KindLogValuer {
		v = v.Resolve()
	}
	switch v.Kind() {
	case slog.KindGroup:
		group := v.Group()
		var out []slog.Attr
		for i, ga := range group {
			ra, changed := h.redactAttr(ga)
			if changed && out == nil {
				out = make([]slog.Attr, len(group))
				copy(out, group[:i])
			}
			if out != nil {
				out[i] = ra
			}
		}
		if out == nil {
			return a, false
		}
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(out...)}, true
	case slog.KindString:
		if h.scan {
			if s := h.pol.RedactText(v.String()); s != v.String() {
				return slog.String(a.Key, s), true
			}
		}
	case slog.KindAny:
		x, changed := h.pol.redactedAny(v.Any())
		if changed {
			return slog.Any(a.Key, x), true
		}
	}
	return a, false
}

// ifaceNode is the node of an untagged interface: walking it walks whatever dynamic
// value it holds under that value's own plan.
var ifaceNode = &node{op: opIface, typ: reflect.TypeFor[any](), hasPII: true}

// redactedAny returns a redacted copy of x and true when x's type carries personal
// data, or x and false. It fails closed: a value that cannot be redacted (a malformed
// tag) is replaced by a note of the error, never logged as it is.
func (p *Policy) redactedAny(x any) (any, bool) {
	if x == nil {
		return x, false
	}
	if pl := planFor(reflect.TypeOf(x)); pl.err != nil {
		return redactionFailed{pl.err}, true
	} else if !pl.root.hasPII {
		return x, false
	}
	w := walker{pol: p, mode: modeRedact, copy: true, log: true}
	slot := x
	if err := w.run(ifaceNode, unsafe.Pointer(&slot)); err != nil {
		return redactionFailed{err}, true
	}
	return slot, true
}

// redactionFailed stands in a log line for a value that could not be redacted. Its text
// is the error's, which names types and tags, never values.
type redactionFailed struct{ err error }

func (r redactionFailed) String() string               { return "!PII-REDACTION-FAILED: " + r.err.Error() }
func (r redactionFailed) MarshalText() ([]byte, error) { return []byte(r.String()), nil }
