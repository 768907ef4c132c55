package pii

import (
	"net"
	"net/netip"
	"reflect"
	"time"
	"unsafe"
)

// anonymizeAction replaces personal data for statistics: Anonymize, Anonymized, and
// Purge under WithAnonymizeOnPurge. Under a profile that includes HIPAA, Safe Harbor
// decides the identifiers (see safeHarbor), whatever the tags' strategies.
type anonymizeAction struct {
	harbor *safeHarbor // made on the first leaf a Safe Harbor profile covers
}

// needsField: the walk keeps walker.field, which this action names.
func (*anonymizeAction) needsField() {}

// leaf replaces the personal data of one leaf for statistics. In place, a []byte leaf
// that gets new bytes has its old ones overwritten with zeros, as Redact's are: the old
// array would keep the personal data for whatever else holds it (a pooled buffer the
// value was read into). A copy's leaves have arrays of their own (see snapshotLeaf).
func (a *anonymizeAction) leaf(w *walker, n *node, p unsafe.Pointer) error {
	if n.lk != lkBytes || w.copy {
		return a.anonymizeLeaf(w, n, p)
	}
	old := *(*[]byte)(p)
	err := a.anonymizeLeaf(w, n, p)
	if b := *(*[]byte)(p); len(old) > 0 && (len(b) == 0 || unsafe.SliceData(b) != unsafe.SliceData(old)) {
		clear(old)
	}
	return err
}

// anonymizeLeaf is leaf's work on the leaf's value.
func (a *anonymizeAction) anonymizeLeaf(w *walker, n *node, p unsafe.Pointer) error {
	r := &n.rule
	// A profile decides only the kinds whose status depends on context: what identifies
	// a person directly (a card, a name) never leaves an anonymisation as it came.
	if !r.pii() || contextualKind(r.tag.Kind) && !w.counts(r.tag.Kind) {
		return nil
	}
	if w.copy {
		// A copy shares its leaves' arrays with the caller's value: give this one its
		// own before anything is written into it.
		snapshotLeaf(n, p)
	}
	if w.profile.SafeHarbor() {
		if a.harbor == nil {
			a.harbor = newSafeHarbor(time.Now(), w.pol.region)
		}
		if a.harbor.leaf(p, n) {
			return nil
		}
	}
	k, st := r.tag.Kind, r.anon
	if st == anonDefault {
		st = anonKindDefault(k, w.pol.anon.keys != nil)
	}
	if k == KindSecret {
		st = anonDrop // never kept, whatever the tag says
	}
	if a.harbor != nil && st == anonPseudonym && (n.lk == lkString || n.lk == lkBytes) {
		// Under Safe Harbor no code may be derived from the value (164.514(c)), not
		// even for what Safe Harbor itself leaves to the tag: a random one stands in.
		if text := leafText(n, p); text != "" && !w.pol.anon.dry {
			setText(n, p, a.harbor.code(k, text))
		}
		return nil
	}
	fail := func(err error) error {
		return errorf("pii: Anonymize: %s (tag %q): %w", w.field, r.tag.String(), err)
	}
	if err := w.pol.anon.check(st, n.lk); err != nil {
		return fail(err)
	}
	if w.pol.anon.dry {
		return nil // checked, and the first pass writes nothing
	}
	switch n.lk {
	case lkString, lkBytes:
		s := leafText(n, p)
		out, err := w.pol.anon.anonymizeString(k, st, s, w.field)
		if err != nil {
			return fail(err)
		}
		if out != s {
			setText(n, p, out)
		}
		return nil
	case lkCustom:
		// A custom type knows how to redact itself, not how to be generalised: drop it.
		n.valueAt(p).SetZero()
		return nil
	}
	if st == anonGeneralize {
		switch n.lk {
		case lkFloat:
			if k == KindGeo {
				if n.size == 4 {
					f := (*float32)(p)
					*f = float32(maskFloat(k, redactDefault, float64(*f)))
				} else {
					f := (*float64)(p)
					*f = maskFloat(k, redactDefault, *f)
				}
				return nil
			}
		case lkTime:
			t := (*time.Time)(p)
			*t = anonGeneralizeTime(k, *t)
			return nil
		case lkAddr:
			a := (*netip.Addr)(p)
			*a = maskAddr(redactDefault, *a)
			return nil
		case lkNetIP:
			ip := (*net.IP)(p)
			*ip = maskIP(redactDefault, *ip)
			return nil
		case lkAddrPort:
			a := (*netip.AddrPort)(p)
			*a = maskAddrPort(redactDefault, *a)
			return nil
		case lkPrefix:
			a := (*netip.Prefix)(p)
			*a = maskPrefix(redactDefault, *a)
			return nil
		}
	}
	n.valueAt(p).SetZero() // drop
	return nil
}

// mapKey hides what the free-text finder sees in a string key of a map under a PII tag:
// an address book's addresses go, its labels stay.
func (a *anonymizeAction) mapKey(w *walker, _ *node, key reflect.Value) (reflect.Value, bool) {
	return scanKey(w.pol, key)
}

// errorText anonymises an error held by a tagged interface as the interface's own leaf:
// dropped, since nothing of its text is statistics. Only a strategy the tag names
// (anon=pseudonym, anon=seal) goes the leaf's way, which refuses it for a field that is
// no string: the kind's default (a pseudonym, under a Policy with a key) must not
// refuse the error that it drops under a Policy without one.
func (a *anonymizeAction) errorText(w *walker, n *node, p unsafe.Pointer, _ error) error {
	r := &n.rule
	if r.anon != anonDefault {
		return a.leaf(w, n, p)
	}
	if !r.pii() || contextualKind(r.tag.Kind) && !w.counts(r.tag.Kind) || w.pol.anon.dry {
		return nil
	}
	n.valueAt(p).SetZero()
	return nil
}
