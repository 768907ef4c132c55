package pii

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"hash"
	"strings"
	"sync"
)

// ErrNoKey is returned, wrapped with the path of the field that needed it, when a field is
// to be pseudonymised or sealed and the policy holds no key for it. A pseudonym is never
// computed without a key: an unkeyed hash of a phone number is reversed by trying every
// number.
var ErrNoKey = errors.New("no key configured")

// ErrShortKey is returned, wrapped, when a pseudonym key is shorter than 16 bytes, too
// short to keep HMAC-SHA256 pseudonyms from being recomputed by someone who guesses it.
var ErrShortKey = errors.New("pseudonym key shorter than 16 bytes")

// anonMinKeyLen is the shortest pseudonym key accepted: 128 bits.
const anonMinKeyLen = 16

// anonTokenBytes is how many bytes of the HMAC-SHA256 output a pseudonym keeps: 128 bits,
// so that distinct inputs practically never share a token.
const anonTokenBytes = 16

// anonB32 prints pseudonyms: lower-case RFC 4648 base32 without padding, so tokens are
// case-insensitive-safe and contain no characters that need quoting.
var anonB32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// anonTokenLen is the length of a pseudonym's encoded part.
var anonTokenLen = anonB32.EncodedLen(anonTokenBytes)

// An anonKeyring computes keyed pseudonyms. It holds a private copy of the key, so the
// caller may wipe or reuse its slice, and is safe for concurrent use.
//
// A keyed pseudonym is pseudonymisation, not anonymisation (GDPR Art. 4(5), Recital 26):
// whoever holds the key can recompute the token of a known value and so link it to a
// person, which keeps the output personal data under the GDPR and the laws modelled on
// it. It is not a Safe Harbor re-identification code either, as it is derived from the
// value (45 CFR 164.514(c)(1)): under HIPAA, Anonymize gives random codes instead (see
// safeHarbor).
type anonKeyring struct {
	key []byte
	// id names the key in every pseudonym ("k" and 8 hex digits), so that tokens made
	// under different keys are told apart when keys rotate. It is derived from the key by
	// HMAC, so it reveals nothing of the key.
	id string
	// states pools keyed HMAC states with a scratch buffer for the normalised value:
	// hmac.New costs allocations and two SHA-256 blocks per call.
	states sync.Pool
}

// An anonMACState is one pooled HMAC state and the buffer a value is normalised into.
type anonMACState struct {
	mac hash.Hash
	buf []byte
	sum [sha256.Size]byte
}

// newAnonKeyring returns a keyring for key, which it copies. An empty key is ErrNoKey and a
// key shorter than 16 bytes is ErrShortKey.
func newAnonKeyring(key []byte) (*anonKeyring, error) {
	switch {
	case len(key) == 0:
		return nil, ErrNoKey
	case len(key) < anonMinKeyLen:
		return nil, ErrShortKey
	}
	k := &anonKeyring{key: append([]byte(nil), key...)}
	k.states.New = func() any {
		return &anonMACState{mac: hmac.New(sha256.New, k.key), buf: make([]byte, 0, 64)}
	}
	idMAC := hmac.New(sha256.New, k.key)
	idMAC.Write([]byte("pii/key-id"))
	k.id = "k" + hex.EncodeToString(idMAC.Sum(nil)[:4])
	return k, nil
}

// pseudonym returns the keyed pseudonym of value as a field of the given kind holds it:
//
//	KIND ":" KEYID ":" BASE32(HMAC-SHA256(key, KIND || 0x00 || normalised value)[:16])
//
// for example "phone:k1a2b3c4d:2l5s...". KIND is the kind's tag spelling, so the token
// says what it stands for and equal strings of different kinds get different tokens.
// Values are normalised first (see anonNormalize), so that "+1 (415) 555-1234" and
// "+14155551234" give one token; region is the default region for phone numbers written
// without a country code. An empty value stays empty, and a value that already is a
// pseudonym of this kind under this key is returned unchanged, so anonymising twice is
// harmless.
func (k *anonKeyring) pseudonym(kind Kind, value string, region string) string {
	if value == "" {
		return ""
	}
	name := kind.String()
	if k.isPseudonym(name, value) {
		return value
	}
	st := k.states.Get().(*anonMACState)
	// The message is the kind name, a zero byte, and the normalised value: the kind
	// separates the domains of the kinds.
	st.buf = append(st.buf[:0], name...)
	st.buf = append(st.buf, 0)
	st.buf = anonNormalize(st.buf, kind, value, region)
	st.mac.Reset()
	st.mac.Write(st.buf) // writes into an HMAC never fail
	st.mac.Sum(st.sum[:0])
	var enc [32]byte
	anonB32.Encode(enc[:], st.sum[:anonTokenBytes])
	if cap(st.buf) <= 1024 { // don't keep a huge buffer alive for one huge value
		k.states.Put(st)
	}

	var b strings.Builder
	b.Grow(len(name) + 1 + len(k.id) + 1 + anonTokenLen)
	b.WriteString(name)
	b.WriteByte(':')
	b.WriteString(k.id)
	b.WriteByte(':')
	b.Write(enc[:anonTokenLen])
	return b.String()
}

// isPseudonym reports whether s already has the form of a pseudonym of the kind spelled
// name under this keyring's key. Tokens of other keys are not recognised: under this key
// they are just strings, and are pseudonymised again.
func (k *anonKeyring) isPseudonym(name, s string) bool {
	if len(s) != len(name)+1+len(k.id)+1+anonTokenLen {
		return false
	}
	if s[:len(name)] != name || s[len(name)] != ':' {
		return false
	}
	rest := s[len(name)+1:]
	if rest[:len(k.id)] != k.id || rest[len(k.id)] != ':' {
		return false
	}
	for _, c := range []byte(rest[len(k.id)+1:]) {
		if !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return true
}
