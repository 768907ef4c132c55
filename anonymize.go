package pii

import (
	"crypto/hpke"
	"reflect"
	"unsafe"
)

// WithKey sets the key of keyed pseudonyms (anon=pseudonym, and the default for phone,
// email, name and device fields): HMAC-SHA256 under it, so that equal values give equal
// tokens that nobody without the key can reverse or brute-force. It must be at least 16
// bytes; keep it secret and stable, as a new key gives new tokens (each token names its
// key's identifier, so keys can rotate). This is pseudonymisation (GDPR Art. 4(5)), not
// anonymisation: the key holder can link a token back to its value.
func WithKey(key []byte) Option {
	return func(p *Policy) error {
		k, err := newAnonKeyring(key)
		if err != nil {
			return errorf("pii: WithKey: %w: %w", ErrOption, err)
		}
		p.anon.keys = k
		return nil
	}
}

// WithSealKey sets the public key that anon=seal seals values to: each value becomes an
// HPKE envelope (RFC 9180) that only the holder of the private key can open with Unseal,
// the way a platform encrypts call recordings for its customer. GenerateSealKey makes a
// post-quantum hybrid key pair.
//
// Anonymising sealed output again leaves its envelopes as they are when the Policy that
// made them did, or one built with the same seal key and the same WithKey: give a Policy
// that seals a pseudonym key too, and a job run again in a new process does not seal its
// last run's envelopes a second time (without one, it does: the value is still what
// Unseal gives back, in a larger envelope).
func WithSealKey(pub hpke.PublicKey) Option {
	return func(p *Policy) error {
		s, err := newSealer(pub)
		if err != nil {
			return errorf("pii: WithSealKey: %w: %w", ErrOption, err)
		}
		p.anon.sealer = s
		return nil
	}
}

// Anonymize replaces, in place, the personal data held by v (a non-nil pointer, or a
// slice or map of records) with values fit for statistics: each PII field by the strategy
// its tag names with anon=, or its kind's default: keyed pseudonyms for phone numbers,
// emails, names and devices (their generalisation, or nothing, without WithKey), the
// coarser value for IPs (/24, /48), cards (last four), postal codes (first three digits),
// dates of birth (the year) and coordinates (one decimal), nothing for the rest. Not PII
// and untagged fields are never changed. Of the kinds whose status depends on context
// (ip, device, url, postal, geo), those the profile does not count are left alone; every
// other kind is anonymised under every profile, as redaction hides it.
// A keyed pseudonym is pseudonymisation, not anonymisation: whoever holds the key can
// link it back to the value (GDPR Art. 4(5)), so such output is still personal data.
//
// Under a profile that includes HIPAA, the output is Safe Harbor (45 CFR 164.514(b)(2)),
// whatever the tags' strategies: dates keep only their year, ages over 89 and the birth
// dates that imply them become "90 or older", ZIP codes keep their first three digits
// ("000" in the areas of RestrictedZIP3), and every other of the eighteen identifiers is
// removed or replaced by a random code that is not derived from it (no keyed pseudonym,
// 164.514(c)); IPs and cards keep nothing.
//
// Anonymize is all or nothing: a first pass checks, for the whole of v, everything the
// second needs (the pseudonym and seal keys, a strategy each field's Go type can take, the
// tags of the types met behind interfaces, map keys free of personal data, no personal
// data kept behind unexported fields, which it could not reach: ErrHidden), writing
// nothing; only then is v changed. An error (a field that needs a key the Policy lacks
// wraps ErrNoKey and names the field) leaves v as it was. Anonymized is the copy variant.
func (p *Policy) Anonymize(v any) error {
	if err := refusedHidden("Anonymize", v, false); err != nil {
		return err // all or nothing: refused before anything is changed
	}
	n, ptr, err := rootOf(v, "Anonymize")
	if err != nil || n == nil {
		return err
	}
	if err := p.dryRun(n, ptr, &walker{act: &anonymizeAction{}}); err != nil {
		return err
	}
	_, err = p.inPlace(v, &walker{act: &anonymizeAction{}}, "Anonymize")
	return err
}

// Anonymized returns a copy of v anonymised as Policy.Anonymize does; v and everything
// reachable from it are left exactly as they were. Only the parts of v on a path to
// personal data are copied. On error it returns the zero T. A nil p means the default
// Policy. Like Anonymize, it refuses a value that keeps personal data behind
// unexported fields (ErrHidden).
func Anonymized[T any](p *Policy, v T) (T, error) {
	if err := copyArgError("Anonymized", &v); err != nil {
		var zero T
		return zero, err
	}
	if err := refusedHidden("Anonymized", any(v), false); err != nil {
		var zero T
		return zero, err
	}
	return walkedCopy(p, v, walker{act: &anonymizeAction{}})
}

// walkedCopy returns the copy of v that the copy-on-write walk w (its mode and what the
// mode needs set) makes, under p; v is never changed. On error it returns the zero T.
func walkedCopy[T any](p *Policy, v T, w walker) (T, error) {
	pl := planFor(reflect.TypeFor[T]())
	if pl.err != nil {
		var zero T
		return zero, pl.err
	}
	if !pl.root.hasPII {
		return v, nil
	}
	w.pol, w.copy = p.orDefault(), true
	if err := w.run(pl.root, unsafe.Pointer(&v)); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// dryRun runs the walk w over a copy of the value of node n at ptr, under a copy of p
// whose actions decide and check everything but write nothing: the first pass of an
// all-or-nothing change (Anonymize, Purge). The walk copies on write as Redacted does, so
// even the walk's own bookkeeping never reaches the caller's value.
func (p *Policy) dryRun(n *node, ptr unsafe.Pointer, w *walker) error {
	dry := *p.orDefault()
	dry.anon.dry = true
	root := reflect.New(n.typ)
	root.Elem().Set(n.valueAt(ptr))
	w.pol, w.copy = &dry, true
	if pa, ok := w.act.(purgeAction); ok {
		pa.s.dry = true
		if pa.s.root.p == ptr {
			pa.s.root.p = root.UnsafePointer()
		}
	}
	return w.run(n, root.UnsafePointer())
}

// Unseal opens, in place, the envelopes that anon=seal left in v (a non-nil pointer, or a
// slice or map of records), with the private key that matches the Policy's WithSealKey.
// Only fields tagged anon=seal are opened: text elsewhere that looks like an envelope is
// left as it is. An envelope that was tampered with, moved to another field, or sealed to
// another key is an error wrapping ErrEnvelope that names the field, and leaves v as it
// was: like Anonymize, Unseal is all or nothing, and opens every envelope twice (once to
// check, once to write) to be so.
func Unseal(v any, key hpke.PrivateKey) error {
	n, ptr, err := rootOf(v, "Unseal")
	if err != nil || n == nil {
		return err
	}
	if err := defaultPolicy.dryRun(n, ptr, &walker{act: unsealAction{key: key}}); err != nil {
		return err
	}
	_, err = defaultPolicy.inPlace(v, &walker{act: unsealAction{key: key}}, "Unseal")
	return err
}
