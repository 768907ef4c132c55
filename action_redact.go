package pii

import (
	"encoding/json"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"sync/atomic"
	"time"
	"unsafe"
)

// redactAction hides personal data: Redact, Redacted, log lines and Safe.
type redactAction struct {
	// log marks a redaction for a log line: sensitive data is zeroed there, not masked.
	log bool
	// scan hides what the free-text finder sees in untagged strings (ScanStrings).
	scan bool
	// names are the names of the records the walk is in, which a redact=scan body hides
	// wherever they appear in its text.
	names recordNames
	// audit, when set, looks for personal data in the strings that are not PII
	// (ReportMisplaced, RedactMisplaced).
	audit *auditAction
	// arena holds the masked strings of the record: one allocation for all of them,
	// sized from the previous record of the type (hint), or less than one: what a
	// record leaves of the arena's room is the next record's (see arenaChunk). Bytes
	// handed out in a string are never written again: the arena is only appended to,
	// and each record starts after the last.
	arena []byte
	hint  *atomic.Int32
	// maskOnly are the kinds whose strings this redaction hides with their kind's mask
	// and nothing else (see maskOnlyKinds), found once per record.
	maskOnly profileKinds
}

// begin readies a redaction from root under the record's profile: the arena is sized
// from the root's last record, and the kinds that take their mask alone are known.
func (a *redactAction) begin(w *walker, root *node) {
	a.hint = &root.arenaHint
	if a.arena != nil && cap(a.arena)-len(a.arena) < max(int(a.hint.Load()), arenaMin) {
		a.arena = nil // too little room left for a record of this type: a new arena
	}
	if w.profile == w.pol.profile {
		a.maskOnly = w.pol.maskOnly[b2i(a.log)]
	} else {
		a.maskOnly = maskOnlyKinds(w.pol, w.profile, a.log) // a profile widened by parties
	}
}

// maskOnlyKinds returns the kinds whose strings a redaction under profile pr (for a log
// line when log is set) hides with their kind's default mask and nothing else, when the
// field asks for the default and is not marked sensitive: kinds that count, that are not
// zeroed in a log line for being sensitive, and that Safe Harbor does not generalise.
// Leaves of these kinds take the short way through leaf; it gives what the long way
// gives, and the tests of each check both.
func maskOnlyKinds(pol *Policy, pr Profile, log bool) profileKinds {
	var ks profileKinds
	for k := KindNone + 1; k < numKinds; k++ {
		switch {
		case !redactionCounts(pol, pr, k):
		case log && pr.Sensitive(k):
		case pr.SafeHarbor() && (k == KindPostal || k == KindDOB || k == KindDate):
		default:
			ks |= 1 << k
		}
	}
	return ks
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// records reports whether a redaction from root needs the names of its records: a
// redact=scan field sits below it, or an audit looks for them. An interface that holds
// a value with such a field is asked again (see walkIfaceValue).
func (a *redactAction) records(root *node) bool {
	return root.scans || a.audit != nil
}

// enterRecord gathers the names of a record before the walk goes in (see recordNames):
// where a redact=scan field, or an audit, will look for them.
func (a *redactAction) enterRecord(w *walker, n *node, p unsafe.Pointer, inIface bool) (bool, error) {
	return a.names.enter(w, n, p, inIface, n.scans || a.audit != nil)
}

func (a *redactAction) leaveRecord(*walker) { a.names.leave() }

// counts reports whether redaction hides kind k. It asks the profile only of the kinds
// it may toggle (see profileToggles): a profile is a legal answer, not a switch that lets
// a phone number, a diagnosis or a precise location into a log line.
// WithRedactionLimitedToProfile asks it of every kind.
func (a *redactAction) counts(w *walker, k Kind) bool { return redactionCounts(w.pol, w.profile, k) }

// redactionCounts reports whether a redaction under pol, for a record of profile pr,
// hides kind k (see redactAction.counts).
func redactionCounts(pol *Policy, pr Profile, k Kind) bool {
	return pol.allKinds || !pol.redactByProfile && !profileToggles(k) || pr.Counts(k)
}

// profileToggles reports whether a profile decides if redaction hides kind k: a kind
// whose status depends on context (contextualKind) that no supported law counts as
// sensitive. Precise location (sensitive under CCPA, PIPL and others) and URLs
// (sensitive under PIPL) are hidden whatever the profile: a record's profile says which
// law its service chose, not which laws protect the person in it.
func profileToggles(k Kind) bool { return contextualKind(k) && !Strict.Sensitive(k) }

// leaf hides the personal data of one leaf.
func (a *redactAction) leaf(w *walker, n *node, p unsafe.Pointer) error {
	if k := n.short; a.maskOnly.has(k) {
		// The short way of most leaves: a string that takes its kind's mask and nothing
		// else (see node.short and maskOnlyKinds), unless it is the service's own phone
		// number. A mask that keeps nothing (a body) needs no call.
		s := (*string)(p)
		switch {
		case *s == "":
		case maskNothingKinds.has(k):
			*s = ""
		case k == KindPhone && w.pol.owned.has(*s):
		case a.arena == nil:
			*s = a.inArena(k, redactDefault, *s, "")
		default:
			// inArena written out, as the hot path of every masked leaf: the mask is
			// appended to the record's arena, and given back when it is s or a part of s.
			in, arena := *s, a.arena
			n := len(arena)
			arena = appendMaskDefault(arena, k, in)
			out := arena[n:]
			if r, ok := maskPartOf(in, out); ok {
				*s, a.arena = r, arena[:n]
				return nil
			}
			*s, a.arena = unsafe.String(unsafe.SliceData(out), len(out)), arena
		}
		return nil
	}
	return a.leafOther(w, n, p)
}

// leafOther is leaf for every leaf that does not go the short way: a function of its
// own, so that the short way's frame is small and its code compact.
func (a *redactAction) leafOther(w *walker, n *node, p unsafe.Pointer) error {
	r := &n.rule
	if n.lk == lkReflect {
		// What it holds is the caller's, and fmt prints it: refused, as at the top.
		return errorf("pii: %s: %w (held by a field, a slice or a map)", n.typ, ErrReflectValue)
	}
	if n.lk == lkSlog {
		// A slog.Value kept in a record: redacted as a log line's attribute is, or
		// emptied when its field is tagged.
		v := (*slog.Value)(p)
		if r.pii() {
			*v = slog.Value{}
		} else {
			*v, _ = w.pol.redactValue(*v, a.scan, nil, "", nil)
		}
		return nil
	}
	if !r.pii() {
		if a.scan && r.tag.Class == Untagged {
			scanLeaf(w.pol, n, p)
		}
		if w.reach&reachMutable != 0 {
			snapshotLeaf(n, p)
		}
		if a.audit != nil {
			a.audit.names.names = a.names.names // the record's names, gathered for it
			return a.audit.leaf(w, n, p)
		}
		return nil
	}
	if !a.counts(w, r.tag.Kind) {
		if w.reach&reachMutable != 0 {
			// Left as it is, but the caller could write into it later.
			if n.lk == lkCustom && ownCopy(w.pol, n.typ, p) != nil {
				n.valueAt(p).SetZero()
			}
			snapshotLeaf(n, p)
		}
		return nil
	}
	k, st := r.tag.Kind, r.redact
	if a.log && st == redactDefault && (r.tag.Handling == Sensitive || w.profile.Sensitive(k)) {
		st = redactZero // sensitive data never reaches a log line, even masked
	}
	switch n.lk {
	case lkString:
		s := (*string)(p)
		*s = a.redactString(w, r, st, *s)
	case lkBytes:
		b := (*[]byte)(p)
		if *b == nil {
			return nil
		}
		data := unsafe.SliceData(*b)
		switch {
		case n.typ == rawMessageType:
			*b = a.redactJSON(w, r, st, *b)
		case w.copy || st == redactScan || k == KindPhone:
			// A copy must not write into the caller's array; scans and owned numbers
			// work on strings.
			if out := a.redactString(w, r, st, string(*b)); out != string(*b) {
				*b = []byte(out)
			}
		default:
			*b = maskBytes(k, st, *b, w.pol.placeholder)
			return nil
		}
		if w.copy && unsafe.SliceData(*b) == data && cap(*b) > len(*b) {
			// Left sharing the caller's array (an owned number, an empty value): the
			// copy must not reach the bytes past its length, which may hold what the
			// caller cut off.
			*b = (*b)[:len(*b):len(*b)]
		}
		if w.reach&reachMutable != 0 && len(*b) > 0 && unsafe.SliceData(*b) == data {
			// Redaction left the caller's bytes as they were (the service's own number,
			// JSON it kept): a log line's snapshot must not share them.
			*b = append([]byte(nil), *b...)
		}
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
	case lkAddrPort:
		a := (*netip.AddrPort)(p)
		*a = maskAddrPort(st, *a)
	case lkPrefix:
		a := (*netip.Prefix)(p)
		*a = maskPrefix(st, *a)
	case lkURL:
		u := (*url.URL)(p)
		*u = *maskURL(u, func(s string) string { return a.redactString(w, r, st, s) })
	case lkURLPtr:
		u := (**url.URL)(p)
		*u = maskURL(*u, func(s string) string { return a.redactString(w, r, st, s) })
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
		if w.copy && ownCopy(w.pol, n.typ, p) != nil {
			v.Elem().SetZero() // what could not be copied is not shown (fail closed)
			return nil
		}
		v.Interface().(Redactor).RedactPII(k)
	}
	return nil
}

// ownCopy gives the value of type t at p, a shallow copy that a walk made of the
// caller's value, its own copies of the maps, slices, pointers and []byte it shares
// with the caller's (as a log line's snapshot copies them), before its RedactPII runs:
// a Redactor that writes where it hides (into a []byte's array, a map, the elements of
// a slice of parts) then writes into the copy alone, never into the caller's value.
// What a type keeps in unexported fields stays shared: see Redactor.
func ownCopy(pol *Policy, t reflect.Type, p unsafe.Pointer) error {
	pl := planFor(t)
	if pl.err != nil {
		return pl.err
	}
	if !pl.root.mutable {
		return nil
	}
	rw := newRedactWalk(false, false)
	rw.w.pol, rw.w.copy, rw.w.reach = pol, true, reachMutable
	err := rw.w.run(pl.root, p)
	rw.release()
	return err
}

// rawMessageType is json.RawMessage, whose redacted form must stay valid JSON: an
// encoder given invalid JSON fails, and the whole value, or log line, is lost.
var rawMessageType = reflect.TypeFor[json.RawMessage]()

// redactJSON redacts a tagged json.RawMessage. A JSON string is redacted as the string it
// holds and written back as a JSON string; any other JSON value is redacted as its text,
// and written as a JSON string when the mask left something that is not JSON. Nothing
// left is null. The caller's bytes are never written.
func (a *redactAction) redactJSON(w *walker, r *rule, st redactStrategy, raw []byte) json.RawMessage {
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		text = string(raw) // not a JSON string: its text is what is redacted
	}
	out := a.redactString(w, r, st, text)
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
func scanLeaf(pol *Policy, n *node, p unsafe.Pointer) {
	switch n.lk {
	case lkString:
		s := (*string)(p)
		*s = pol.RedactText(*s)
	case lkBytes:
		b := (*[]byte)(p)
		if out := pol.RedactText(string(*b)); out != string(*b) {
			*b = []byte(out) // a new array: the caller's is never written
		}
	}
}

// redactString is the redaction of one string leaf, owned numbers and free-text scans
// included.
func (a *redactAction) redactString(w *walker, r *rule, st redactStrategy, s string) string {
	if s == "" {
		return s
	}
	if r.tag.Kind == KindPhone && w.pol.owned.has(s) {
		return s // the customer's own number is not personal data
	}
	if st == redactScan {
		return w.pol.scanRedact(s, a.names.names)
	}
	if st == redactDefault && w.profile.SafeHarbor() &&
		(r.tag.Kind == KindPostal || r.tag.Kind == KindDOB || r.tag.Kind == KindDate) {
		// HIPAA Safe Harbor: ZIP codes to three digits ("000" for sparse areas), dates of
		// birth to their year, or "90 or older".
		switch r.tag.Kind {
		case KindPostal:
			return jurisSafeHarborZIP(s)
		case KindDate:
			return jurisSafeHarborDateString(s)
		}
		return jurisSafeHarborBirthDateString(s, time.Now())
	}
	return a.inArena(r.tag.Kind, st, s, w.pol.placeholder)
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

// opaque replaces a value held by an interface whose type holds no tagged field, but
// whose text may hold personal data: an error that wraps a tagged value, and when
// scanning free text, any error or fmt.Stringer; in a snapshot, an error that keeps
// values behind unexported fields (see frozenError). Under a PII tag, a value that keeps
// anything behind its unexported fields is withheld: the tag says all it holds is
// personal, and no walk reaches it there. Where the interface cannot hold the
// replacement, it is emptied (fail closed).
func (a *redactAction) opaque(w *walker, n *node, iv, dv reflect.Value) (bool, error) {
	if !dv.CanInterface() {
		return false, nil
	}
	x, changed := dv.Interface(), false
	if _, isErr := x.(error); n.inherits && n.rule.pii() && !isErr {
		x, changed = withheldIfKept(x)
	}
	if !changed {
		x, changed = w.pol.redactedOpaqueAt(x, a.scansText(), w.reach&reachMutable != 0)
	}
	if !changed {
		return false, nil
	}
	if xv := reflect.ValueOf(x); xv.Type().AssignableTo(iv.Type()) {
		iv.Set(xv)
	} else {
		iv.SetZero()
	}
	return true, nil
}

// scansText reports whether the redaction scans the text of errors and Stringers it
// does not walk: with ScanStrings, and with RedactMisplaced, which scans what is not
// PII.
func (a *redactAction) scansText() bool { return a.scan || a.audit != nil && a.audit.redact }

// opaqueSlot empties a wrapper error held where no interface could take its redacted
// text instead (a *fmt.wrapError field, or the root of Redact): a value of its own type
// cannot be made to say less, so it goes whole (fail closed).
func (a *redactAction) opaqueSlot(w *walker, n *node, p unsafe.Pointer) (bool, error) {
	v := n.valueAt(p)
	if n.typ.Kind() == reflect.Pointer && v.IsNil() {
		return false, nil
	}
	err, ok := v.Interface().(error)
	if !ok {
		return false, nil
	}
	if _, changed := w.pol.redactedError(err, a.scansText()); !changed {
		return false, nil
	}
	v.SetZero()
	return true, nil
}

// mapKey hides what the free-text finder sees in a string key of a map under a PII tag:
// an address book's addresses go, its labels stay.
func (a *redactAction) mapKey(w *walker, _ *node, key reflect.Value) (reflect.Value, bool) {
	return scanKey(w.pol, key)
}

// errorText hides an error that a tagged interface holds and whose text is all there is
// (see errorHeldAsText) as a string leaf of the tag's kind is hidden.
func (a *redactAction) errorText(w *walker, n *node, p unsafe.Pointer, err error) error {
	r := &n.rule
	if !a.counts(w, r.tag.Kind) {
		return nil
	}
	st := r.redact
	if a.log && st == redactDefault && (r.tag.Handling == Sensitive || w.profile.Sensitive(r.tag.Kind)) {
		st = redactZero
	}
	masked := maskedError(err, func(s string) string { return a.redactString(w, r, st, s) })
	n.valueAt(p).Set(reflect.ValueOf(&masked).Elem())
	return nil
}
