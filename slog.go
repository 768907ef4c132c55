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
// (see Redacted). The caller's values are never changed.
//
// What a Handler passes on can never change afterwards, so that a handler that formats
// later (a buffer, an async writer) prints what was logged: LogValuers are resolved
// first, on redacted copies when their types carry tags, so that no method of a tagged
// type ever runs on the raw value; and every map, slice and pointer on the way to a value
// that may hold personal data is copied. An error whose chain (Unwrap, errors.Join)
// holds a tagged value is passed on as an error whose text has that value's personal
// data hidden. Attributes with nothing to hide pass through as they are, so a record
// without tagged values costs one look at each attribute.
//
// Like encoding/json, the walk does not enter unexported fields: a JSON handler never
// prints them, but a text handler or a fmt verb does, as they are. Keep personal data in
// exported, tagged fields. A map whose keys hold tagged personal data is refused
// (ErrMapKey) and logged as a redaction failure.
type Handler struct {
	next slog.Handler
	pol  *Policy
	scan bool // hide PII found in untagged strings and messages too
}

// A HandlerOption configures a Handler in NewHandler.
type HandlerOption func(*Handler)

// ScanStrings makes the Handler also hide the personal data it finds (Policy.Scan) in
// free text that carries no tag: the log message, string attributes, and the untagged
// strings of every attribute value (named string types, []byte, *string, strings in
// []any, []string, maps, structs, groups and WithAttrs), the text of errors, and what
// fmt.Stringer values print (such a value is passed on as its scanned text). Fields
// tagged pii:"no" are left as they are: the tag says they hold no personal data.
func ScanStrings() HandlerOption { return func(h *Handler) { h.scan = true } }

// NewHandler returns a Handler that redacts under p (the default Policy when p is nil)
// and passes records on to next.
func NewHandler(next slog.Handler, p *Policy, opts ...HandlerOption) *Handler {
	h := &Handler{next: next, pol: p}
	for _, opt := range opts {
		if opt != nil {
			opt(h)
		}
	}
	return h
}

// policy is the Handler's Policy; a Handler made with a nil Policy follows SetDefault.
func (h *Handler) policy() *Policy { return h.pol.orDefault() }

// Enabled reports whether the wrapped handler handles records at level.
func (h *Handler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

// Handle redacts the record's attributes and passes it on. The record is rebuilt only
// when something in it needs hiding; otherwise it is passed on as it came.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	p := h.policy()
	msg := r.Message
	if h.scan {
		msg = p.RedactText(msg)
	}
	changed := msg != r.Message
	// One pass: redact every attribute, and rebuild the record only if one changed.
	var inline [8]slog.Attr
	attrs := inline[:0]
	r.Attrs(func(a slog.Attr) bool {
		ra, c := h.redactAttr(p, a)
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
	p := h.policy()
	out := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		out[i], _ = h.redactAttr(p, a)
	}
	return &Handler{next: h.next.WithAttrs(out), pol: h.pol, scan: h.scan}
}

// WithGroup opens a group in the wrapped handler.
func (h *Handler) WithGroup(name string) slog.Handler {
	return &Handler{next: h.next.WithGroup(name), pol: h.pol, scan: h.scan}
}

// redactAttr returns a's redacted form and whether it differs from a.
func (h *Handler) redactAttr(p *Policy, a slog.Attr) (slog.Attr, bool) {
	v, resolved := p.resolve(a.Value)
	switch v.Kind() {
	case slog.KindGroup:
		group := v.Group()
		var out []slog.Attr
		for i, ga := range group {
			ra, changed := h.redactAttr(p, ga)
			if changed && out == nil {
				out = make([]slog.Attr, len(group))
				copy(out, group[:i])
			}
			if out != nil {
				out[i] = ra
			}
		}
		if out != nil {
			return slog.Attr{Key: a.Key, Value: slog.GroupValue(out...)}, true
		}
	case slog.KindString:
		if h.scan {
			if s := p.RedactText(v.String()); s != v.String() {
				return slog.String(a.Key, s), true
			}
		}
	case slog.KindAny:
		if x, changed := p.redactedAny(v.Any(), h.scan); changed {
			return slog.Any(a.Key, x), true
		}
	}
	if resolved {
		return slog.Attr{Key: a.Key, Value: v}, true
	}
	return a, false
}

// maxResolve bounds a chain of LogValuers, as slog's own Resolve does.
const maxResolve = 100

// resolve resolves v's LogValuers as slog.Value.Resolve does, except that the LogValue
// method of a type that carries pii tags runs on the type's redacted copy, never on the
// caller's value. It reports whether anything was resolved.
func (p *Policy) resolve(v slog.Value) (slog.Value, bool) {
	resolved := false
	for range maxResolve {
		if v.Kind() != slog.KindLogValuer {
			return v, resolved
		}
		resolved = true
		lv := v.LogValuer()
		if pl := planFor(reflect.TypeOf(lv)); pl.err != nil || pl.root.hasPII {
			x, _ := p.redactedAny(lv, false)
			if lv, ok := x.(slog.LogValuer); ok {
				v = lv.LogValue()
				continue
			}
			return slog.AnyValue(x), true // the failure note, or the copy without its method
		}
		v = lv.LogValue()
	}
	return slog.StringValue("!PII-REDACTION-FAILED: LogValue called too many times"), true
}

// ifaceNode is the node of an untagged interface: walking it walks whatever dynamic
// value it holds under that value's own plan.
var ifaceNode = &node{op: opIface, typ: reflect.TypeFor[any](), hasPII: true, text: true, dynamic: true, step: stepIface}

// redactedAny returns a redacted copy of x and true when x's type carries personal
// data, or x and false. With scan, untagged strings in x are scanned as free text too.
// It fails closed: a value that cannot be redacted (a malformed tag) is replaced by a
// note of the error, never logged as it is.
func (p *Policy) redactedAny(x any, scan bool) (any, bool) {
	if x == nil {
		return x, false
	}
	pl := planFor(reflect.TypeOf(x))
	switch {
	case pl.err != nil:
		return redactionFailed{pl.err}, true
	case !pl.root.hasPII && !(scan && pl.root.text):
		return p.redactedOpaque(x, scan)
	}
	rw := newRedactWalk(true, scan)
	rw.w.pol, rw.w.copy = p, true
	slot := x
	err := rw.w.run(ifaceNode, unsafe.Pointer(&slot))
	rw.release()
	if err != nil {
		return redactionFailed{err}, true
	}
	return slot, true
}

// redactedOpaque handles a value whose type holds no tagged field: an error whose chain
// holds a tagged value is replaced by its redacted text, and with scan, an error's text
// or a fmt.Stringer's is scanned as free text.
func (p *Policy) redactedOpaque(x any, scan bool) (any, bool) {
	if err, ok := x.(error); ok {
		if r, changed := p.redactedError(err, scan); changed {
			return r, true
		}
		return x, false
	}
	if s, ok := x.(interface{ String() string }); ok && scan {
		text := s.String()
		if out := p.RedactText(text); out != text {
			return out, true
		}
	}
	return x, false
}

// redactionFailed stands in a log line for a value that could not be redacted. Its text
// is the error's, which names types and tags, never values.
type redactionFailed struct{ err error }

func (r redactionFailed) String() string               { return "!PII-REDACTION-FAILED: " + r.err.Error() }
func (r redactionFailed) MarshalText() ([]byte, error) { return []byte(r.String()), nil }
