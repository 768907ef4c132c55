package pii

import (
	"crypto/hmac"
	"crypto/hpke"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
)

// ErrEnvelope is returned, wrapped, when a sealed value cannot be opened: it is not an
// envelope, it is malformed, it was sealed for another key or suite, it was tampered
// with, or it was sealed for another field (each envelope is bound to the path of the
// field it was sealed in, so envelopes cannot be swapped between fields unnoticed).
var ErrEnvelope = errors.New("invalid or tampered sealed envelope")

// GenerateSealKey returns a new private key for sealing, in the default suite: the
// post-quantum hybrid KEM MLKEM768-X25519 (X-Wing), which stays secure if either ML-KEM or
// X25519 does. Give its PublicKey() to the policy that seals, and keep the private key
// with whoever may read the originals: only it opens the envelopes, as only a customer
// holding the private key can play back an encrypted call recording.
//
// Every envelope uses HPKE (RFC 9180) in base mode with HKDF-SHA256 and AES-256-GCM, and
// the KEM of the public key it is sealed to. To use classical DHKEM(X25519, HKDF-SHA256)
// instead (smaller envelopes: 32 bytes of encapsulated key instead of 1120), create the
// key with hpke.DHKEM(ecdh.X25519()).GenerateKey(). A stored key is serialised with its
// Bytes method and read back with the KEM's NewPrivateKey, for example
// hpke.MLKEM768X25519().NewPrivateKey(b).
func GenerateSealKey() (hpke.PrivateKey, error) {
	return hpke.MLKEM768X25519().GenerateKey()
}

// sealPrefix starts every envelope written; the version lets the format change. Version
// 2 added the mark (see sealer.markKey). Envelopes of version 1, written before, start
// with sealPrefixV1 and are still opened, so that no stored value is lost: they hold
// header, enc and ciphertext only, and their plaintext is the value itself.
const (
	sealPrefix   = "pii-seal:v2:"
	sealPrefixV1 = "pii-seal:v1:"
)

// sealMinCiphertext is the least an AEAD adds to a plaintext: its 16-byte tag. It is
// all a version 1 envelope must hold after its header.
const sealMinCiphertext = 16

// sealBody returns the base64 text of envelope s after its prefix, and whether s is of
// version 1; ok is false when s has neither prefix.
func sealBody(s string) (body string, v1, ok bool) {
	if body, ok = strings.CutPrefix(s, sealPrefix); ok {
		return body, false, true
	}
	body, ok = strings.CutPrefix(s, sealPrefixV1)
	return body, ok, ok
}

// sealHeaderLen is the length of the suite header inside an envelope: the KEM, KDF and
// AEAD identifiers, two bytes each, big-endian as in RFC 9180.
const sealHeaderLen = 6

// sealMarkLen is the length of an envelope's mark, and of the mark key sealed with the
// plaintext (see sealer.markKey).
const sealMarkLen = 16

// sealTagLen is what the AEAD adds to a plaintext, its tag: 16 bytes for each of the
// AEADs an envelope may name.
const sealTagLen = 16

// sealB64 encodes envelopes: URL-safe base64 without padding, strict, so that no two
// strings decode to the same bytes and a flipped character can never go unnoticed.
var sealB64 = base64.RawURLEncoding.Strict()

// A sealer seals values to one public key. It is immutable and safe for concurrent use.
//
// Sealing is encryption: the holder of the private key reads the value back, so a sealed
// field stays personal data for the key holder (GDPR Art. 4(5): pseudonymisation, not
// anonymisation), and HIPAA Safe Harbor output never holds an envelope of an identifier.
type sealer struct {
	pub    hpke.PublicKey
	kdf    hpke.KDF
	aead   hpke.AEAD
	header [sealHeaderLen]byte
	encLen int // the length of the KEM's encapsulated key
	// markKey lets the sealer know its own envelopes, which sealing again leaves alone,
	// from text made to look like one: the form alone can hold anything, readable to
	// whoever decodes it, and such text must be sealed like any other value. It is
	// random and never leaves the sealer. Each envelope ends with a mark, an HMAC of all
	// that precedes it under the envelope's own mark key, HMAC(markKey, header | enc):
	// the sealer recomputes both from the envelope, and the opener finds the envelope's
	// mark key sealed before the plaintext, so that it checks the mark too and no byte of
	// an envelope changes unnoticed.
	markKey [32]byte
}

// newSealer returns a sealer for pub; a nil key is ErrNoKey.
func newSealer(pub hpke.PublicKey) (*sealer, error) {
	if pub == nil {
		return nil, ErrNoKey
	}
	s := &sealer{pub: pub, kdf: hpke.HKDFSHA256(), aead: hpke.AES256GCM()}
	// hpke does not say how long the KEM's encapsulated key is: encapsulate once.
	enc, _, err := hpke.NewSender(pub, s.kdf, s.aead, nil)
	if err != nil {
		return nil, errorf("pii: seal: %w", err)
	}
	s.encLen = len(enc)
	rand.Read(s.markKey[:]) // never fails (crypto/rand)
	binary.BigEndian.PutUint16(s.header[0:], pub.KEM().ID())
	binary.BigEndian.PutUint16(s.header[2:], s.kdf.ID())
	binary.BigEndian.PutUint16(s.header[4:], s.aead.ID())
	return s, nil
}

// markFrom derives the sealer's mark key from secret, the Policy's pseudonym key, so that
// every sealer built with the same two keys knows the others' envelopes: anonymising
// sealed output again in another process (a job run nightly) leaves it as it is. Without
// a pseudonym key the mark key is random, and another process seals such output again,
// one envelope inside the other, which Unseal opens to the value.
func (s *sealer) markFrom(secret []byte) {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("pii/seal-mark\x00"))
	m.Write(s.pub.Bytes())
	m.Sum(s.markKey[:0])
}

// seal encrypts plaintext to the sealer's public key and returns the envelope as text:
//
//	"pii-seal:v2:" BASE64URL(KEM id | KDF id | AEAD id | enc | ciphertext | mark)
//
// where enc and ciphertext are HPKE's single-shot output (RFC 9180, base mode) for the
// envelope's mark key followed by the plaintext, and info, the path of the field being
// sealed, is HPKE's info, so that the envelope only opens with the same info. The mark
// is described at sealer.markKey.
func (s *sealer) seal(plaintext []byte, info string) (string, error) {
	enc, snd, err := hpke.NewSender(s.pub, s.kdf, s.aead, []byte(info))
	if err != nil {
		return "", errorf("pii: seal: %w", err)
	}
	raw := make([]byte, 0, sealHeaderLen+len(enc)+sealMarkLen+len(plaintext)+sealTagLen+sealMarkLen)
	raw = append(append(raw, s.header[:]...), enc...)
	var mk [sealMarkLen]byte
	s.markKeyOf(raw, mk[:])
	// The mark key goes before the plaintext in one buffer; it is written after raw's
	// header and enc, where the ciphertext will go, and sealed from there.
	msg := append(append(raw[len(raw):len(raw)], mk[:]...), plaintext...)
	ct, err := snd.Seal(nil, msg)
	if err != nil {
		return "", errorf("pii: seal: %w", err)
	}
	raw = append(raw, ct...)
	raw = sealAppendMark(raw, mk[:], raw)
	var b strings.Builder
	b.Grow(len(sealPrefix) + sealB64.EncodedLen(len(raw)))
	b.WriteString(sealPrefix)
	b.Write(sealB64.AppendEncode(nil, raw))
	return b.String(), nil
}

// markKeyOf writes into dst (sealMarkLen bytes) the mark key of the envelope that starts
// with head, its header and encapsulated key.
func (s *sealer) markKeyOf(head, dst []byte) {
	m := hmac.New(sha256.New, s.markKey[:])
	m.Write(head)
	var sum [sha256.Size]byte
	copy(dst, m.Sum(sum[:0]))
}

// sealAppendMark appends to dst the mark of body, an envelope up to its mark, under the
// envelope's mark key mk.
func sealAppendMark(dst, mk, body []byte) []byte {
	m := hmac.New(sha256.New, mk)
	m.Write(body)
	var sum [sha256.Size]byte
	return append(dst, m.Sum(sum[:0])[:sealMarkLen]...)
}

// isSealEnvelope reports whether s has the form of an envelope: the prefix followed by
// base64url text long enough for a suite header, a mark key, a tag and a mark (a header
// and a tag in version 1). It is cheap (no decoding, no allocation) and says nothing of
// authenticity, which only unsealEnvelope checks.
func isSealEnvelope(s string) bool {
	body, v1, ok := sealBody(s)
	least := sealHeaderLen + 2*sealMarkLen + sealTagLen
	if v1 {
		least = sealHeaderLen + sealMinCiphertext
	}
	if !ok || len(body) < sealB64.EncodedLen(least) || len(body)%4 == 1 {
		return false
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// isOwnEnvelope reports whether v is an envelope this sealer made, which sealing leaves
// alone: it has the form of an envelope, this sealer's suite header, and the mark that
// only this sealer can make (see sealer.markKey). Anything else is sealed, however much
// it looks like an envelope: text crafted with the prefix and a valid header, whose
// bytes anyone can decode, would otherwise reach anonymised output as it came. An
// envelope of another sealer (one made before a restart) is sealed again, and
// unsealEnvelope opens both.
func (s *sealer) isOwnEnvelope(v string) bool {
	if !isSealEnvelope(v) || !strings.HasPrefix(v, sealPrefix) {
		return false // a version 1 envelope has no mark to know it by: sealed again
	}
	raw, err := sealB64.DecodeString(v[len(sealPrefix):])
	if err != nil || len(raw) < sealHeaderLen+s.encLen+sealMarkLen+sealTagLen+sealMarkLen ||
		[sealHeaderLen]byte(raw) != s.header {
		return false
	}
	var mk [sealMarkLen]byte
	s.markKeyOf(raw[:sealHeaderLen+s.encLen], mk[:])
	body := raw[:len(raw)-sealMarkLen]
	var mark [sealMarkLen]byte
	sealAppendMark(mark[:0], mk[:], body)
	return hmac.Equal(mark[:], raw[len(body):])
}

// unsealEnvelope opens an envelope made by seal with the matching private key and the
// same info. Every failure, whatever its cause, wraps ErrEnvelope; it never panics.
//
// An envelope whose plaintext is itself an envelope that opens with the same key and
// info (a value sealed again by each new sealer, one per process that anonymised it) is
// opened again, however deep, so that the original comes back and never an envelope in
// its place. No bound is needed: each envelope inside is shorter than the one holding
// it by a header, a tag and a mark at least, and its text is a quarter smaller than
// the bytes it decodes to, so the opening ends and costs at most a few times what
// opening the outer one does. A plaintext that only looks like an envelope is returned
// as it is: it is what was sealed, and the outer envelope has authenticated it.
func unsealEnvelope(priv hpke.PrivateKey, envelope string, info string) ([]byte, error) {
	pt, err := unsealOne(priv, envelope, info)
	for err == nil && isSealEnvelope(string(pt)) {
		inner, innerErr := unsealOne(priv, string(pt), info)
		if innerErr != nil {
			break
		}
		pt = inner
	}
	return pt, err
}

// unsealOne opens one envelope; see unsealEnvelope.
func unsealOne(priv hpke.PrivateKey, envelope string, info string) ([]byte, error) {
	if priv == nil {
		return nil, ErrNoKey
	}
	body, v1, ok := sealBody(envelope)
	if !ok {
		return nil, errorf("pii: %w: no %q prefix", ErrEnvelope, sealPrefix)
	}
	raw, err := sealB64.DecodeString(body)
	if err != nil {
		return nil, errorf("pii: %w: bad encoding", ErrEnvelope)
	}
	if len(raw) < sealHeaderLen || !v1 && len(raw) < sealHeaderLen+sealMarkLen {
		return nil, errorf("pii: %w: too short", ErrEnvelope)
	}
	kemID := binary.BigEndian.Uint16(raw[0:])
	kdf := sealKDF(binary.BigEndian.Uint16(raw[2:]))
	aead := sealAEAD(binary.BigEndian.Uint16(raw[4:]))
	if kemID != priv.KEM().ID() {
		return nil, errorf("pii: %w: sealed with KEM %#04x, key is for KEM %#04x",
			ErrEnvelope, kemID, priv.KEM().ID())
	}
	if kdf == nil || aead == nil {
		return nil, errorf("pii: %w: unsupported suite", ErrEnvelope)
	}
	if v1 {
		return unsealV1(priv, kdf, aead, info, raw)
	}
	mark := raw[len(raw)-sealMarkLen:]
	msg, err := hpke.Open(priv, kdf, aead, []byte(info), raw[sealHeaderLen:len(raw)-sealMarkLen])
	if err != nil {
		// hpke's error says no more than that decryption failed, which is all there is
		// to say: a wrong key, a wrong info and a tampered ciphertext look alike.
		return nil, errorf("pii: %w: %w", ErrEnvelope, err)
	}
	if len(msg) < sealMarkLen {
		return nil, errorf("pii: %w: no mark key", ErrEnvelope)
	}
	var want [sealMarkLen]byte
	sealAppendMark(want[:0], msg[:sealMarkLen], raw[:len(raw)-sealMarkLen])
	if !hmac.Equal(want[:], mark) {
		return nil, errorf("pii: %w: mark does not match", ErrEnvelope)
	}
	return msg[sealMarkLen:], nil
}

// unsealV1 opens raw, a version 1 envelope decoded, whose suite unsealOne checked:
// header, enc and ciphertext, whose plaintext is the value.
func unsealV1(priv hpke.PrivateKey, kdf hpke.KDF, aead hpke.AEAD, info string, raw []byte) ([]byte, error) {
	pt, err := hpke.Open(priv, kdf, aead, []byte(info), raw[sealHeaderLen:])
	if err != nil {
		return nil, errorf("pii: %w: %w", ErrEnvelope, err)
	}
	if pt == nil {
		pt = []byte{}
	}
	return pt, nil
}

// sealKDF returns the KDF with HPKE identifier id among those an envelope may name, or
// nil. Envelopes are only written with HKDF-SHA256; the others are accepted so that a
// later version may switch without breaking old readers.
func sealKDF(id uint16) hpke.KDF {
	for _, k := range []hpke.KDF{hpke.HKDFSHA256(), hpke.HKDFSHA384(), hpke.HKDFSHA512()} {
		if k.ID() == id {
			return k
		}
	}
	return nil
}

// sealAEAD returns the AEAD with HPKE identifier id among those an envelope may name, or
// nil. The export-only pseudo-AEAD is never among them.
func sealAEAD(id uint16) hpke.AEAD {
	for _, a := range []hpke.AEAD{hpke.AES256GCM(), hpke.AES128GCM(), hpke.ChaCha20Poly1305()} {
		if a.ID() == id {
			return a
		}
	}
	return nil
}
