package pii

import (
	"crypto/hpke"
	"unsafe"
)

// unsealAction opens the envelopes that anon=seal left (Unseal), with the private key
// that matches the Policy's WithSealKey.
type unsealAction struct {
	key hpke.PrivateKey
}

// needsField: the walk keeps walker.field, which this action names.
func (unsealAction) needsField() {}

// leaf opens the envelope a string or []byte leaf holds. Only the leaves that Anonymize
// seals are opened: those whose tag says anon=seal. Any other holds no envelope of ours,
// whatever it starts with, and is left as it is: a message that quotes an envelope, or
// one written to look like one, cannot make Unseal fail for every record after it.
func (a unsealAction) leaf(w *walker, n *node, p unsafe.Pointer) error {
	r := &n.rule
	if !r.pii() || r.anon != anonSeal || (n.lk != lkString && n.lk != lkBytes) {
		return nil
	}
	s := leafText(n, p)
	if _, _, ok := sealBody(s); !ok {
		return nil
	}
	// From here on the value claims to be an envelope: one that does not open, garbled
	// or not, is an error, never silently left as it is.
	pt, err := unsealEnvelope(a.key, s, w.field)
	if err != nil {
		return errorf("pii: Unseal: %s: %w", w.field, err)
	}
	if n.lk == lkString {
		*(*string)(p) = string(pt)
	} else {
		*(*[]byte)(p) = pt
	}
	return nil
}

// errorText leaves an error held by a tagged interface as it is: only anon=seal strings
// hold envelopes, and an error's text is never sealed (see anonymizeAction.errorText).
func (unsealAction) errorText(*walker, *node, unsafe.Pointer, error) error { return nil }
