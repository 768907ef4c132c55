package pii

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"reflect"
	"time"
	"unsafe"
)

// A Redactor is a type that hides its own personal data. A custom type that a field of a
// tagged kind holds (a phone number type, a name type with parts) implements it, with a
// pointer receiver, to take part in redaction: RedactPII is called with the field's kind
// instead of the package's default for that kind.
//
// When the package redacts a copy (Redacted, log lines), RedactPII is called on a shallow
// copy of the value: it must replace what it hides (assign a new string or slice), never
// write into memory the value shares with others, such as a slice's backing array.
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
// ErrNotPointer.
func (p *Policy) Redact(v any) error {
	return p.inPlace(v, &walker{mode: modeRedact}, "Redact")
}

// inPlace runs the walk w (its mode and what the mode needs set) over what v refers to,
// under p.
func (p *Policy) inPlace(v any, w *walker, op string) error {
	n, ptr, err := rootOf(v, op)
	if err != nil || n == nil {
		return err
	}
	w.pol = p.orDefault()
	if reflect.TypeOf(v).Kind() == reflect.Pointer {
		w.seen.put(ptr, n, ptr) // a cycle back to the root ends there too
	}
	return w.run(n, ptr)
}

// rootOf finds the node and the memory of what v refers to. A nil node with a nil error
// means there is nothing to do.
func rootOf(v any, op string) (*node, unsafe.Pointer, error) {
	if v == nil {
		return nil, nil, fmt.Errorf("pii: %s: %w", op, ErrNilValue)
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
		return nil, nil, fmt.Errorf("pii: %s: %w (got %s)", op, ErrNotPointer, t)
	}
	data := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1]
	if t.Kind() == reflect.Pointer && data == nil {
		return nil, nil, fmt.Errorf("pii: %s: %w (nil %s)", op, ErrNilValue, t)
	}
	pl := planFor(pt)
	if pl.err != nil {
		return nil, nil, pl.err
	}
	if !pl.root.hasPII {
		return nil, nil, nil
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
func Redacted[T any](p *Policy, v T) (T, error) {
	p = p.orDefault()
	pl := planFor(reflect.TypeFor[T]())
	if pl.err != nil {
		var zero T
		return zero, pl.err
	}
	if !pl.root.hasPII {
		return v, nil
	}
	w := walker{pol: p, mode: modeRedact, copy: true}
	if err := w.run(pl.root, unsafe.Pointer(&v)); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// run walks from the root, first gathering what the mode needs from the whole record.
func (w *walker) run(n *node, p unsafe.Pointer) error {
	w.profile = w.pol.profile
	if w.pol.party {
		c := walker{pol: w.pol, mode: modeCollect, profile: w.pol.profile, gatherParty: true}
		if err := c.walk(n, p); err != nil {
			return err
		}
		w.profile = c.profile
	}
	if w.mode == modeRedact && n.scans {
		return w.walkWithNames(n, p)
	}
	return w.walk(n, p)
}

// redactLeaf hides the personal data of one leaf.
func (w *walker) redactLeaf(p unsafe.Pointer, n *node) error {
	r := &n.rule
	if !r.pii() {
		if w.scanText && r.tag.Class == Untagged {
			w.scanLeaf(p, n)
		}
		return nil
	}
	if !w.counts(r.tag.Kind) {
		return nil
	}
	k, st := r.tag.Kind, r.redact
	if w.log && st == redactDefault && (r.tag.Handling == Sensitive || w.profile.Sensitive(k)) {
		st = redactZero // sensitive data never reaches a log line, even masked
	}
	switch n.lk {
	case lkString:
		s := (*string)(p)
		*s = w.redactString(r, st, *s)
	case lkBytes:
		b := (*[]byte)(p)
		if *b == nil {
			return nil
		}
		if n.typ == rawMessageType {
			*b = w.redactJSON(r, st, *b)
			return nil
		}
		if w.copy || st == redactScan || k == KindPhone {
			// A copy must not write into the caller's array; scans and owned numbers
			// work on strings.
			if out := w.redactString(r, st, string(*b)); out != string(*b) {
				*b = []byte(out)
			}
			return nil
		}
		*b = maskBytes(k, st, *b, w.pol.placeholder)
	case lkInt:
		setInt(p, n.size, maskInt(k, st, getInt(p, n.size)))
	case lkUint:
		setUint(p, n.size, maskUint(k, st, getUint(p, n.size)))
	case lkFloat:
		if n.size == 4 {
			f := (*float32)(p)
			*f = float32(maskFloat(k, st, float64(*f)))
		} else {
			f := (*float64)(p)
			*f = maskFloat(k, st, *f)
		}
	case lkBool:
		*(*bool)(p) = false
	case lkTime:
		t := (*time.Time)(p)
		if k == KindDOB && st == redactDefault && w.profile.SafeHarbor() {
			year, ok := jurisSafeHarborBirthDate(*t, time.Now())
			if !ok {
				year = time.Time{} // over 89: not even the year may stay
			}
			*t = year
			return nil
		}
		*t = maskTime(k, st, *t)
	case lkAddr:
		a := (*netip.Addr)(p)
		*a = maskAddr(st, *a)
	case lkNetIP:
		ip := (*net.IP)(p)
		if *ip == nil {
			return nil
		}
		if w.copy {
			*ip = append(net.IP(nil), *ip...)
		}
		*ip = maskIP(st, *ip)
	case lkCustom:
		v := reflect.NewAt(n.typ, p)
		if k == KindSecret || st != redactDefault {
			// Zero, replace, a scan, or sensitive data in a log line: the type's own
			// redaction is not what was asked for, and nothing of it may stay.
			v.Elem().SetZero()
			return nil
		}
		v.Interface().(Redactor).RedactPII(k)
	}
	return nil
}

// rawMessageType is json.RawMessage, whose redacted form must stay valid JSON: an
// encoder given invalid JSON fails, and the whole value, or log line, is lost.
var rawMessageType = reflect.TypeFor[json.RawMessage]()

// redactJSON redacts a tagged json.RawMessage. A JSON string is redacted as the string it
// holds and written back as a JSON string; any other JSON value is redacted as its text,
// and written as a JSON string when the mask left something that is not JSON. Nothing
// left is null. The caller's bytes are never written.
func (w *walker) redactJSON(r *rule, st redactStrategy, raw []byte) json.RawMessage {
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		text = string(raw) // not a JSON string: its text is what is redacted
	}
	out := w.redactString(r, st, text)
	switch {
	case out == "":
		return json.RawMessage("null")
	case out != text || len(raw) == 0 || raw[0] == '"':
		// Re-encode a string that changed, or that was one; an unchanged non-string
		// stays as it was, which is valid JSON only if it was.
		enc, _ := json.Marshal(out)
		return enc
	case json.Valid(raw):
		return raw
	}
	enc, _ := json.Marshal(out)
	return enc
}

// scanLeaf hides the personal data found in an untagged string leaf (ScanStrings).
func (w *walker) scanLeaf(p unsafe.Pointer, n *node) {
	switch n.lk {
	case lkString:
		s := (*string)(p)
		*s = w.pol.RedactText(*s)
	case lkBytes:
		b := (*[]byte)(p)
		if out := w.pol.RedactText(string(*b)); out != string(*b) {
			*b = []byte(out) // a new array: the caller's is never written
		}
	}
}

// redactString is the redaction of one string leaf, owned numbers and free-text scans
// included.
func (w *walker) redactString(r *rule, st redactStrategy, s string) string {
	if s == "" {
		return s
	}
	if r.tag.Kind == KindPhone && w.pol.owned.has(s) {
		return s // the customer's own number is not personal data
	}
	if st == redactScan {
		return w.pol.scanRedact(s, w.names)
	}
	if st == redactDefault && (r.tag.Kind == KindPostal || r.tag.Kind == KindDOB) && w.profile.SafeHarbor() {
		// HIPAA Safe Harbor: ZIP codes to three digits ("000" for sparse areas), dates of
		// birth to their year, or "90 or older".
		if r.tag.Kind == KindPostal {
			return jurisSafeHarborZIP(s)
		}
		return jurisSafeHarborBirthDateString(s, time.Now())
	}
	return maskString(r.tag.Kind, st, s, w.pol.placeholder)
}

func getInt(p unsafe.Pointer, size uintptr) int64 {
	switch size {
	case 1:
		return int64(*(*int8)(p))
	case 2:
		return int64(*(*int16)(p))
	case 4:
		return int64(*(*int32)(p))
	}
	return *(*int64)(p)
}

func setInt(p unsafe.Pointer, size uintptr, v int64) {
	switch size {
	case 1:
		*(*int8)(p) = int8(v)
	case 2:
		*(*int16)(p) = int16(v)
	case 4:
		*(*int32)(p) = int32(v)
	default:
		*(*int64)(p) = v
	}
}

func getUint(p unsafe.Pointer, size uintptr) uint64 {
	switch size {
	case 1:
		return uint64(*(*uint8)(p))
	case 2:
		return uint64(*(*uint16)(p))
	case 4:
		return uint64(*(*uint32)(p))
	}
	return *(*uint64)(p)
}

func setUint(p unsafe.Pointer, size uintptr, v uint64) {
	switch size {
	case 1:
		*(*uint8)(p) = uint8(v)
	case 2:
		*(*uint16)(p) = uint16(v)
	case 4:
		*(*uint32)(p) = uint32(v)
	default:
		*(*uint64)(p) = v
	}
}
