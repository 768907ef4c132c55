package pii

import (
	"context"
	"errors"
	"log/slog"
	"reflect"
	"strings"
	"unsafe"

	"github.com/ef8f9424/pii/internal/guard"
	"github.com/ef8f9424/pii/internal/loan"
	"github.com/ef8f9424/pii/internal/withheld"
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
// without tagged values costs one look at each attribute. Over slog's own JSON and text
// handlers with no ReplaceAttr, which write a record before their Handle returns and
// keep nothing of it, no snapshot is needed: a struct's copy is made in a pooled value
// of its type, which later lines reuse.
//
// Like encoding/json, the walk does not enter unexported fields, except those whose types
// carry pii tags (owner User, users []*User), which a text handler or a fmt verb would
// print: an unexported interface or untagged string is passed on as it is. Keep personal
// data in exported, tagged fields. A map whose keys hold tagged personal data is refused
// (ErrMapKey) and logged as a redaction failure.
type Handler struct {
	next slog.Handler
	pol  *Policy
	scan bool // hide PII found in untagged strings and messages too
	// report and redactMisplaced: ReportMisplaced and RedactMisplaced.
	report          func(ctx context.Context, msg string, m Misplaced)
	redactMisplaced bool
	// lends: next formats a record before its Handle returns and keeps nothing of it
	// (see formatsAtOnce), so a line's copies are borrowed and need no snapshot.
	lends bool
}

// audits reports whether the Handler runs the free-text finder over the Not PII
// fields of logged values.
func (h *Handler) audits() bool { return h.report != nil || h.redactMisplaced }

// A HandlerOption configures a Handler in NewHandler.
type HandlerOption func(*Handler)

// ScanStrings makes the Handler also hide the personal data it finds (Policy.Scan) in
// free text that carries no tag: the log message, attribute keys and group names,
// string attributes, and the untagged strings of every attribute value (named string
// types, []byte, *string, strings in []any, []string, maps (keys too), structs, groups
// and WithAttrs), the text of errors, and what fmt.Stringer values print (such a value
// is passed on as its scanned text). Fields tagged pii:"no" are left as they are: the
// tag says they hold no personal data.
func ScanStrings() HandlerOption { return func(h *Handler) { h.scan = true } }

// ReportMisplaced makes the Handler call report for each field of a logged value that is
// tagged pii:"no" or untagged but holds personal data by the free-text finder (see
// Policy.Audit), with the record's message ("" for values given to WithAttrs, which
// are checked once, when given). Its Path starts with the attribute's key and groups
// ("req.Caller.FriendlyName"); no value is passed, only where and what kind.
//
// It costs a scan of every string of every logged value that has any, with the record's
// names: about three times the line without it for a record of ten strings (see
// BenchmarkLogLineAudit), bounded by the finder's budgets (64 KiB of one string, 1 MiB of
// one value). Use it in staging, or sample it, where log volume is high.
func ReportMisplaced(report func(ctx context.Context, msg string, m Misplaced)) HandlerOption {
	return func(h *Handler) { h.report = report }
}

// RedactMisplaced makes the Handler also hide what the finder found in the Not PII and
// untagged fields of logged values, and the whole of a value it could not fully scan
// (longer than 64 KiB, or binary): fail closed. With or without ReportMisplaced.
func RedactMisplaced() HandlerOption { return func(h *Handler) { h.redactMisplaced = true } }

// NewHandler returns a Handler that redacts under p (the default Policy when p is nil)
// and passes records on to next.
func NewHandler(next slog.Handler, p *Policy, opts ...HandlerOption) *Handler {
	h := &Handler{next: next, pol: p, lends: formatsAtOnce(next)}
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

// Handle redacts the record's attributes and passes it on. Attributes with nothing to
// hide are passed on as they came; the others are replaced in the record, which is the
// Handler's own copy (see ownAttrs), or in a new record when the caller's shares them.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	p := h.policy()
	raw := r.Message
	if h.scan {
		r.Message = p.RedactText(raw)
	}
	var audit *auditAction
	if h.audits() {
		audit = &auditAction{redact: h.redactMisplaced}
	}
	var lent *loan.List
	if h.lends && audit == nil {
		lent = &loan.List{}
	}
	if attrs, own := ownAttrs(&r); own {
		rebuild := false
		for i, a := range attrs {
			if ra, changed := h.redactAttr(p, a, audit, "", lent); changed {
				attrs[i] = ra
				rebuild = rebuild || emptyGroup(ra.Value)
			}
		}
		if rebuild {
			r = withAttrs(r, attrs) // AddAttrs leaves an empty group out, as slog does
		}
	} else {
		var inline [8]slog.Attr
		attrs, changed := inline[:0], false
		r.Attrs(func(a slog.Attr) bool {
			ra, c := h.redactAttr(p, a, audit, "", lent)
			attrs = append(attrs, ra)
			changed = changed || c
			return true
		})
		if changed {
			r = withAttrs(r, attrs)
		}
	}
	h.reportFound(ctx, raw, audit)
	err := h.next.Handle(ctx, r)
	lent.Return()
	return err
}

// withAttrs returns a record like r with attrs for its attributes.
func withAttrs(r slog.Record, attrs []slog.Attr) slog.Record {
	out := slog.NewRecord(r.Time, r.Level, r.Message, r.PC)
	out.AddAttrs(attrs...)
	return out
}

// formatsAtOnce reports whether next is one of slog's own JSON and text handlers with
// no ReplaceAttr: they format a record before Handle returns and keep nothing of it, so
// the copies of a line can be borrowed, and given back once it is written. A
// ReplaceAttr may keep the values it is given (a test collecting them does). The
// handlers' options are not exported: they are read by reflection, and a layout other
// than the one known says false.
func formatsAtOnce(next slog.Handler) bool {
	switch next.(type) {
	case *slog.JSONHandler, *slog.TextHandler:
	default:
		return false
	}
	v := reflect.ValueOf(next).Elem()
	if v.Kind() != reflect.Struct || v.NumField() == 0 {
		return false
	}
	common := v.Field(0)
	if common.Kind() != reflect.Pointer || common.IsNil() || common.Elem().Kind() != reflect.Struct {
		return false
	}
	opts := common.Elem().FieldByName("opts")
	if !opts.IsValid() || opts.Type() != reflect.TypeFor[slog.HandlerOptions]() {
		return false
	}
	return opts.FieldByName("ReplaceAttr").IsNil()
}

// WithAttrs redacts attrs once and hands them to the wrapped handler.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	p := h.policy()
	out := make([]slog.Attr, len(attrs))
	var audit *auditAction
	if h.audits() {
		audit = &auditAction{redact: h.redactMisplaced}
	}
	for i, a := range attrs {
		out[i], _ = h.redactAttr(p, a, audit, "", nil)
	}
	h.reportFound(context.Background(), "", audit)
	h2 := *h
	h2.next = h.next.WithAttrs(out)
	h2.lends = formatsAtOnce(h2.next)
	return &h2
}

// WithGroup opens a group in the wrapped handler.
func (h *Handler) WithGroup(name string) slog.Handler {
	h2 := *h
	h2.next = h.next.WithGroup(h.policy().scanKey(name, h.scan))
	h2.lends = formatsAtOnce(h2.next)
	return &h2
}

// scanKey returns an attribute's key or a group's name with what the free-text finder
// sees in it hidden, when scan is set: a key made from data ("user:"+email) is free text
// too.
func (p *Policy) scanKey(key string, scan bool) string {
	if !scan {
		return key
	}
	return p.RedactText(key)
}

// reportFound hands what an audit found to ReportMisplaced's function.
func (h *Handler) reportFound(ctx context.Context, msg string, audit *auditAction) {
	if audit == nil || h.report == nil {
		return
	}
	for _, m := range audit.found {
		h.report(ctx, msg, m)
	}
}

// redactAttr returns a's redacted form and whether it differs from a. An audit, when
// there is one, gathers what it finds under the attribute's path, which prefix starts
// (the enclosing groups' keys). With lent, the copies are borrowed, and kept in lent.
func (h *Handler) redactAttr(p *Policy, a slog.Attr, audit *auditAction, prefix string, lent *loan.List) (slog.Attr, bool) {
	key := p.scanKey(a.Key, h.scan)
	v, changed := p.redactValue(a.Value, h.scan, audit, join(prefix, key), lent)
	if !changed && key == a.Key {
		return a, false
	}
	return slog.Attr{Key: key, Value: v}, true
}

// redactValue returns v redacted as a log line needs it (see Handler), and whether it
// differs from v: LogValuers resolved, tagged values replaced by their redacted copies,
// groups copied. With scan, strings are scanned as free text. path names v for an
// audit's findings. With lent, the line is written at once: copies are borrowed and
// kept in lent, and need no snapshot.
func (p *Policy) redactValue(v slog.Value, scan bool, audit *auditAction, path string, lent *loan.List) (slog.Value, bool) {
	kind, resolved := v.Kind(), false
	if kind == slog.KindLogValuer {
		// Most values are none: no LogValue to run, nor a panic to catch.
		v, resolved = p.resolve(v)
		kind = v.Kind()
	}
	switch kind {
	case slog.KindGroup:
		// A group shares its caller's array, which the caller may change after the
		// call: what is passed on is a copy, always.
		group := v.Group()
		out := make([]slog.Attr, len(group))
		for i, ga := range group {
			key := p.scanKey(ga.Key, scan)
			gv, _ := p.redactValue(ga.Value, scan, audit, join(path, key), lent)
			out[i] = slog.Attr{Key: key, Value: gv}
		}
		return slog.GroupValue(out...), true
	case slog.KindString:
		if scan {
			if s := p.RedactText(v.String()); s != v.String() {
				return slog.StringValue(s), true
			}
		}
	case slog.KindAny:
		var found int
		if audit != nil {
			found = len(audit.found)
		}
		var c loan.Copy
		var cp *loan.Copy
		if lent != nil {
			cp = &c
		}
		x, changed := p.redactedAnyAudit(v.Any(), scan, audit, lent == nil, cp)
		if lent != nil {
			lent.Add(c)
		}
		if audit != nil {
			for i := found; i < len(audit.found); i++ {
				audit.found[i].Path = join(path, audit.found[i].Path)
			}
		}
		if changed {
			if lent == nil {
				x = triedForLater(v.Any(), x)
			}
			return slog.AnyValue(x), true
		}
	}
	return v, resolved
}

// triedForLater returns x, the redacted copy of v, for a handler that may not be one of
// slog's own (see formatsAtOnce): slog's recover from a panic of a value's method, a
// third-party handler's encoder (zap's, through zapslog) may not, and a method that
// holds on every real value may panic on a copy whose sensitive fields are zeroed. So
// the copy is tried (guard.Try), and the note stands in its place when one panics.
func triedForLater(v, x any) any {
	if reflect.TypeOf(x) != reflect.TypeOf(v) {
		return x // what stands for v: a note, an error's text
	}
	if _, ok := guard.Try(x); !ok {
		return copyPanicked(x)
	}
	return x
}

// maxResolve bounds a chain of LogValuers, as slog's own Resolve does.
const maxResolve = 100

// resolve resolves v's LogValuers as slog.Value.Resolve does, except that the LogValue
// method of a type that carries pii tags runs on the type's redacted copy, never on the
// caller's value, and what that of a type that keeps personal data behind unexported
// fields returns is withheld when its strings show that data (see hiddenShown; the
// values it returns are redacted as any value is). It reports whether anything was
// resolved.
func (p *Policy) resolve(v slog.Value) (out slog.Value, resolved bool) {
	var lv slog.LogValuer
	defer func() {
		if recover() != nil {
			// As slog does, a LogValue that panics is logged as a note, never as a
			// crash. The panic's value is left out, as redactedAnyAudit leaves it out:
			// it may quote the data (an error it was given, a value it printed).
			out, resolved = slog.AnyValue(redactionFailed{errorf("pii: %T: %w", lv, errLogValuePanicked)}), true
		}
	}()
	for range maxResolve {
		if v.Kind() != slog.KindLogValuer {
			return v, resolved
		}
		resolved = true
		lv = v.LogValuer()
		if pl := planFor(reflect.TypeOf(lv)); pl.err != nil || pl.root.hasPII {
			x, _ := p.redactedAny(lv, false)
			if red, ok := x.(slog.LogValuer); ok {
				v = red.LogValue()
				continue
			}
			return slog.AnyValue(x), true // the failure note, or the copy without its method
		}
		next := lv.LogValue()
		if p.hiddenShown(lv, next) {
			// An untagged LogValuer that keeps personal data behind unexported fields
			// and wrote it into the strings it returned (a lazy formatter of what it
			// holds): withheld.
			return slog.AnyValue(withheld.Value{Note: "!PII-REDACTED: a " + reflect.TypeOf(lv).String() +
				" that logs personal data it holds in unexported fields"}), true
		}
		v = next
	}
	return slog.StringValue("!PII-REDACTION-FAILED: LogValue called too many times"), true
}

// ifaceNode is the node of an untagged interface: walking it walks whatever dynamic
// value it holds under that value's own plan.
var ifaceNode = func() *node {
	n := newNode(reflect.TypeFor[any](), rule{})
	n.op, n.step = opIface, stepIface
	n.hasPII, n.holds, n.text, n.plain, n.mutable, n.dynamic = true, true, true, true, true, true
	return n
}()

// redactedAny returns a redacted copy of x and true when x's type carries personal
// data, or x and false. With scan, untagged strings in x are scanned as free text too.
// It fails closed: a value that cannot be redacted (a malformed tag) is replaced by a
// note of the error, never logged as it is.
func (p *Policy) redactedAny(x any, scan bool) (any, bool) {
	return p.redactedAnyAudit(x, scan, nil, false, nil)
}

// redactedAnyAudit is redactedAny that also runs audit over the Not PII strings of x
// (see RedactMisplaced), when audit is not nil, and that makes a snapshot (every map,
// slice, pointer and []byte copied) for a handler that may format later.
//
// A method of x that panics on the way (a Redactor's RedactPII, an error's Error, a
// Stringer's String) makes x a failure note, as a panicking LogValue does: a log call
// never crashes the service, and never shows what could not be redacted. The panic's
// value is left out of the note, since it may quote the data. The walker the panic
// left half-way is dropped, not put back in the pool.
//
// With lent not nil, a copy made in a pooled value of x's type (see lendCopy) is lent
// through it, to be given back once the line is written.
func (p *Policy) redactedAnyAudit(x any, scan bool, audit *auditAction, snapshot bool, lent *loan.Copy) (out any, changed bool) {
	if x == nil {
		return x, false
	}
	t := reflect.TypeOf(x)
	if t == reflectValueArgType || t == reflectValuePtrArgType {
		// fmt would print what it holds, unredacted (see argError; a reflect.Type is
		// no data a log line could show).
		return redactionFailed{argError("log", x, false)}, true
	}
	defer func() {
		if recover() != nil {
			out, changed = redactionFailed{errorf("pii: %T: %w", x, errMethodPanicked)}, true
		}
	}()
	pl := planFor(t)
	switch {
	case pl.err != nil:
		return redactionFailed{pl.err}, true
	case !pl.root.hasPII && !(snapshot && pl.root.mutable) && !(scan && pl.root.text) && !(audit != nil && pl.root.plain):
		return p.redactedOpaqueAt(x, scan, snapshot)
	case pl.root.wraps && !snapshot && !scan && audit == nil:
		// An error that wraps others (fmt.Errorf's %w, errors.Join): the walk would
		// look at its text first (see stepIface), and with the text unchanged find
		// nothing more to hide, only copy it. So its text is all that is looked at,
		// without a copy or, for a chain with nothing tagged, an allocation.
		return p.redactedOpaque(x, false)
	case len(pl.hidden) > 0 || pl.hiddenDeep:
		// A tagged value that also holds values behind unexported fields, which its
		// copy would hold as they are and its methods or fmt print: an error's text
		// is redacted as a chain's is (what it prints of them withholds it), and any
		// other value that holds personal data there is withheld. So it is under an
		// audit too, which then sees only what is passed on.
		if _, isErr := x.(error); isErr {
			return p.redactedOpaqueAt(x, scan || audit != nil && audit.redact, snapshot)
		}
		if w, withheld := withheldIfHidden(x); withheld {
			return w, true
		}
	}
	if lent != nil && !snapshot && audit == nil {
		if out, ok := lendCopy(p, pl, x, scan, lent); ok {
			return out, true
		}
	}
	rw := newRedactWalk(true, scan)
	rw.w.pol, rw.w.copy = p, true
	if snapshot {
		// What the handler passes on is a snapshot: nothing the caller changes
		// afterwards reaches a handler that formats later.
		rw.w.reach |= reachMutable
	}
	if audit != nil {
		rw.a.audit = audit
		rw.w.reach, rw.w.paths, rw.w.fields = rw.w.reach|reachPlain, true, true
	}
	// The walk replaces what the interface holds by its copy; the slot lives in the
	// pooled walker, so that taking its address costs no allocation.
	rw.slot = x
	err := rw.w.run(ifaceNode, unsafe.Pointer(&rw.slot))
	out = rw.slot
	rw.release()
	if err != nil {
		return redactionFailed{err}, true
	}
	return out, true
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
	if w, withheld := withheldIfHidden(x); withheld {
		return w, true
	}
	if s, ok := x.(interface{ String() string }); ok && scan {
		text := s.String()
		if out := p.RedactText(text); out != text {
			return out, true
		}
	}
	return x, false
}

// ErrRedactionFailed marks the note that ForLog, ForLogScanned, a Handler and Safe put in
// place of a value that could not be redacted (a malformed tag, a map keyed by tagged
// values, a method of the value that panicked on the way): the note is an error, and errors.Is(note, ErrRedactionFailed) tells it from
// a value, so that an adapter can write it as a failure. Its chain holds the cause too.
var ErrRedactionFailed = errors.New("redaction failed")

// errLogValuePanicked is the cause of the note for a LogValuer whose LogValue panicked.
var errLogValuePanicked = errors.New("LogValue panicked")

// errMethodPanicked is the cause of the note for a value one of whose methods panicked
// while it was being redacted for a log line.
var errMethodPanicked = errors.New("a method of the value panicked while it was redacted")

// redactionFailed stands in a log line for a value that could not be redacted. Its text
// is the error's, which names types and tags, never values. Every way a logger prints
// it (an error's text, MarshalText, String) gives the same text.
type redactionFailed struct{ err error }

func (r redactionFailed) String() string               { return "!PII-REDACTION-FAILED: " + r.err.Error() }
func (r redactionFailed) Error() string                { return r.String() }
func (r redactionFailed) Unwrap() []error              { return []error{ErrRedactionFailed, r.err} }
func (r redactionFailed) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// ForLog returns what a log line may show of v: v itself when nothing in it can hold
// personal data (no copy is made), or else its redacted copy as a Handler makes it, with
// sensitive data zeroed, the text of errors that wrap tagged values redacted, and a value
// whose tags are wrong replaced by a note of the error; and whether the result differs
// from v. It is what adapters of loggers that encode as they are called (zap, logrus,
// zerolog) use. Unlike a Handler's, the copy shares what cannot lead to personal data:
// encode it before the caller changes v.
func (p *Policy) ForLog(v any) (any, bool) { return p.orDefault().redactedAny(v, false) }

// ForLogScanned is ForLog that also hides what the free-text finder sees in v's untagged
// strings, as ScanStrings does for a Handler.
func (p *Policy) ForLogScanned(v any) (any, bool) { return p.orDefault().redactedAny(v, true) }

// hiddenShown reports whether out, what the untagged LogValuer lv returned, shows in
// its strings (those of a group, and its keys) data of the tagged values lv keeps
// behind unexported fields, in any form rawLeafIn finds, or lv keeps there what cannot
// be looked for: an error whose chain holds a tagged value, a value that cannot be
// planned, more values than can be looked through. The other values out holds are
// redacted as any value is, so a LogValue that returns what it keeps
// (slog.AnyValue(l.v)) is logged redacted, not withheld.
func (p *Policy) hiddenShown(lv any, out slog.Value) bool {
	if pl := planFor(reflect.TypeOf(lv)); len(pl.hidden) == 0 && !pl.hiddenDeep {
		return false
	}
	text := valueStrings(out)
	if text == "" {
		return false // nothing written as it is
	}
	held, ok := hiddenValues(lv, false)
	if !ok {
		return true
	}
	var raw []taggedText
	for _, v := range held {
		switch e, isErr := v.(error); {
		case isErr:
			if chainHoldsTagged(e) {
				return true
			}
		case planFor(reflect.TypeOf(v)).err != nil:
			return true
		case carriesTagged(v):
			texts, ok := p.leafTexts(v)
			if !ok {
				return true
			}
			raw = append(raw, texts...)
		}
	}
	return len(raw) > 0 && rawLeafIn(text, raw, nil)
}

// valueStrings returns the text of v's strings and scalars, and of a group's keys and
// members, one per line: what a handler writes of v as it is. Values of other kinds
// (KindAny, a LogValuer) are left out: they are redacted when they are written.
func valueStrings(v slog.Value) string {
	switch v.Kind() {
	case slog.KindAny, slog.KindLogValuer:
		return ""
	case slog.KindGroup:
		var b strings.Builder
		for _, a := range v.Group() {
			b.WriteString(a.Key)
			b.WriteByte('\n')
			b.WriteString(valueStrings(a.Value))
			b.WriteByte('\n')
		}
		return b.String()
	}
	return v.String()
}
