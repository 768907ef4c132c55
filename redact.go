package pii

import (
	"errors"
	"reflect"
	"unsafe"
)

// A Redactor is a type that hides its own personal data. A custom type that a field of a
// tagged kind holds (a phone number type, a name type with parts) implements it, with a
// pointer receiver, to take part in redaction: RedactPII is called with the field's kind
// instead of the package's default for that kind.
//
// When the package redacts a copy (Redacted, log lines), RedactPII is called on a copy of
// the value that owns the maps, slices, pointers and []byte it reaches through exported
// fields (or that the value is: a []byte type, a map type), so writing into them in
// place touches the copy alone. What it keeps in unexported fields is shared with the
// caller's value: there RedactPII must replace what it hides (assign a new string or
// slice), never write into memory the value shares with others.
type Redactor interface {
	RedactPII(k Kind)
}

// ErrNotPointer is returned by Redact and Anonymize for a value they cannot change in
// place: a struct, string or number passed by value.
var ErrNotPointer = errors.New("value cannot be changed in place: pass a pointer")

// Redact hides the personal data in v in place, under the default Policy. See
// Policy.Redact.
func Redact(v any) error { return defaultPolicy.Redact(v) }

// Anonymize replaces the personal data in v for statistics under the default Policy,
// which has no keys: phone numbers and emails are generalised, names dropped. See
// Policy.Anonymize.
func Anonymize(v any) error { return defaultPolicy.Anonymize(v) }

// Redact hides, in place, the personal data held by v: a non-nil pointer to a tagged
// value, or a slice or map of them. Each PII field is replaced by the default of its kind
// or the strategy its tag names (see the README's kind table): a phone number loses its
// last four digits to X, a body becomes empty, a name becomes initials. Not PII and
// untagged fields are never changed. Redaction is idempotent.
//
// Nil pointers, maps and interfaces inside v are skipped, pointer and map cycles end,
// and a value reached twice is redacted once. A malformed tag in v's type gives a
// *TagError before anything is changed; one in the type of a value held by an interface
// field is met during the walk, and leaves v partly redacted. nil, a nil pointer, or a
// value that is not a pointer, slice or map gives an error wrapping ErrNilValue or
// ErrNotPointer. A value that, once redacted, still keeps personal data behind
// unexported fields where no interface holds it gives an error wrapping ErrHidden.
func (p *Policy) Redact(v any) error {
	rw := newRedactWalk(false, false)
	n, err := p.inPlace(v, &rw.w, "Redact")
	rw.release()
	if err == nil && (n == nil || n.hides || n.op == opIface) {
		err = refusedHidden("Redact", v, true)
	}
	return err
}

// inPlace runs the walk w (its action set) over what v refers to, under p, and
// returns the node it walked from (nil when there was nothing to do).
func (p *Policy) inPlace(v any, w *walker, op string) (*node, error) {
	n, ptr, err := rootOf(v, op)
	if err != nil || n == nil {
		return nil, err
	}
	w.pol = p.orDefault()
	if n.reenters && reflect.TypeOf(v).Kind() == reflect.Pointer {
		w.seen.put(ptr, n, ptr) // a cycle back to the root ends there too
	}
	return n, w.run(n, ptr)
}

// rootOf finds the node and the memory of what v refers to. A nil node with a nil error
// means there is nothing to do.
func rootOf(v any, op string) (*node, unsafe.Pointer, error) {
	if v == nil {
		return nil, nil, errorf("pii: %s: %w", op, ErrNilValue)
	}
	t := reflect.TypeOf(v)
	var pt reflect.Type
	switch t.Kind() {
	case reflect.Pointer:
		pt = t.Elem()
	case reflect.Slice, reflect.Map:
		// The interface holds the slice header (or the map) for us; writes go through
		// the shared backing array (or map), never through the header.
		pt = t
	default:
		if err := argError(op, v, true); err != nil {
			return nil, nil, err // a reflect.Value
		}
		return nil, nil, errorf("pii: %s: %w (got %s)", op, ErrNotPointer, t)
	}
	data := ifaceData(v)
	if t.Kind() == reflect.Pointer && data == nil {
		return nil, nil, errorf("pii: %s: %w (nil %s)", op, ErrNilValue, t)
	}
	pl := planFor(pt)
	if pl.err != nil {
		return nil, nil, pl.err
	}
	if !pl.root.hasPII {
		// Nothing to do, unless v is what the caller did not mean to pass: a
		// reflect.Type or a *reflect.Value, whose own types carry no tags.
		return nil, nil, argError(op, v, true)
	}
	if t.Kind() == reflect.Map {
		// A map is pointer-shaped: the interface's data word is the map itself, and the
		// walk wants the address of a map.
		slot := new(unsafe.Pointer)
		*slot = data
		data = unsafe.Pointer(slot)
	}
	return pl.root, data, nil
}

// Redacted returns a copy of v with its personal data hidden as Policy.Redact hides it;
// v and everything reachable from it are left exactly as they were. A nil p means the
// default Policy.
//
// Only the parts of v on a path to personal data are copied: every pointer, slice, map
// and interface that leads to a tagged field or to an interface is new in the copy, and
// the rest (a map[string]int of counters, a []string of untagged labels, a pointer to a
// struct with no tagged field) is shared with v, as a shallow copy shares it. Writing
// through such a shared part of the copy writes into v: copy it first when that matters.
//
// What v keeps behind unexported fields is shared too, since no walk reaches it: a copy
// that would keep personal data there, where no interface holds it (a struct field of
// a type whose unexported `v any` holds a tagged record), is refused with an error
// wrapping ErrHidden, and such a value held by an interface is withheld in its place.
func Redacted[T any](p *Policy, v T) (T, error) {
	p = p.orDefault()
	pl := planFor(reflect.TypeFor[T]())
	if pl.err != nil {
		var zero T
		return zero, pl.err
	}
	if !pl.root.hasPII {
		// Nothing to walk, unless v is a reflect.Value, whose own fields say nothing of
		// what it holds.
		if err := copyArgError("Redacted", &v); err != nil {
			var zero T
			return zero, err
		}
		if pl.copyMayHide() {
			if err := refusedHidden("Redacted", any(v), true); err != nil {
				var zero T
				return zero, err
			}
		}
		return v, nil
	}
	// The copy is made in a pooled value of the type, not in v, whose address would
	// make it escape: one allocation less per call.
	var box *copyBox[T]
	if pl.pooled {
		box, _ = pl.copies.Get().(*copyBox[T])
		if box == nil {
			box = &copyBox[T]{rw: makeRedactWalk()}
		}
	} else {
		box = &copyBox[T]{rw: newRedactWalk(false, false)}
	}
	box.v = v
	rw := box.rw
	rw.ready(false, false)
	rw.w.pol, rw.w.copy = p, true
	err := rw.w.run(pl.root, unsafe.Pointer(&box.v))
	out := box.v
	var zero T
	if pl.pooled {
		rw.clear()
		if err != nil {
			// A walk that stopped may have left personal data in the copy. A copy
			// returned is left as it is: the next call writes over it, and clearing it
			// costs a write barrier per pointer while the collector runs.
			box.v = zero
		}
		pl.copies.Put(box)
	} else {
		rw.release()
	}
	if err == nil && pl.copyMayHide() {
		err = refusedHidden("Redacted", any(out), true)
	}
	if err != nil {
		return zero, err
	}
	return out, nil
}

// A copyBox is a value Redacted makes its copies in (see plan.copies), with the walker
// that makes them: a call takes one value from the plan's pool, where a box and a walker
// from redactWalks would be two.
type copyBox[T any] struct {
	v  T
	rw *redactWalk
}

// copyMayHide reports whether a copy of a value of the plan's type may keep personal
// data behind unexported fields that its walk could not hide (see refusedHidden): its
// type keeps values there, or is an interface that may hold one that does.
func (pl *plan) copyMayHide() bool { return pl.root.hides || pl.root.op == opIface }

// run walks from the root with w's action, first gathering what the action needs from
// the whole record: the record's profile, widened by its parties.
func (w *walker) run(n *node, p unsafe.Pointer) error {
	w.profile = w.pol.profile
	if w.pol.party {
		pr, err := partyProfile(w, n, p)
		if err != nil {
			return err
		}
		w.profile = pr
	}
	w.start(n)
	return w.walkRecord(n, p, true)
}
