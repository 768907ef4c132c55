package pii

import (
	"crypto/hpke"
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

// sealPrefix starts every envelope; the version lets the format change later.
const sealPrefix = "pii-seal:v1:"

// sealHeaderLen is the length of the suite header inside an envelope: the KEM, KDF and
// AEAD identifiers, two bytes each, big-endian as in RFC 9180.
const sealHeaderLen = 6

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
}

// newSealer returns a sealer for pub; a nil key is ErrNoKey.
func newSealer(pub hpke.PublicKey) (*sealer, error) {
	if pub == nil {
		return nil, ErrNoKey
	}
	s := &sealer{pub: pub, kdf: hpke.HKDFSHA256(), aead: hpke.AES256GCM()}
	binary.BigEndian.PutUint16(s.header[0:], pub.KEM().ID())
	binary.BigEndian.PutUint16(s.header[2:], s.kdf.ID())
	binary.BigEndian.PutUint16(s.header[4:], s.aead.ID())
	return s, nil
}

// seal encrypts plaintext to the sealer's public key and returns the envelope as text:
//
//	"pii-seal:v1:" BASE64URL(KEM id | KDF id | AEAD id | enc | ciphertext)
//
// info, the path of the field being sealed, is bound into the encryption as HPKE's info,
// so the envelope only opens with the same info.
func (s *sealer) seal(plaintext []byte, info string) (string, error) {
	ct, err := hpke.Seal(s.pub, s.kdf, s.aead, []byte(info), plaintext)
	if err != nil {
		return "", errorf("pii: seal: %w", err)
	}
	raw := make([]byte, 0, sealHeaderLen+len(ct))
	raw = append(raw, s.header[:]...)
	raw = append(raw, ct...)
	var b strings.Builder
	b.Grow(len(sealPrefix) + sealB64.EncodedLen(len(raw)))
	b.WriteString(sealPrefix)
	b.Write(sealB64.AppendEncode(nil, raw))
	return b.String(), nil
}

// isSealEnvelope reports whether s has the form of an envelope: the prefix followed by
// base64url text long enough for a suite header. It is cheap (no decoding, no
// allocation) and says nothing of authenticity, which only unsealEnvelope checks.
func isSealEnvelope(s string) bool {
	body, ok := strings.CutPrefix(s, sealPrefix)
	if !ok || len(body) < sealB64.EncodedLen(sealHeaderLen+sealMinCiphertext) || len(body)%4 == 1 {
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

// sealMinCiphertext is the least an AEAD adds to a plaintext: its 16-byte tag.
const sealMinCiphertext = 16

// isOwnEnvelope reports whether v has the form of an envelope made by this sealer (its
// suite header), so that sealing leaves it alone. A value that merely starts with the
// prefix, such as a message body quoting one, does not pass and is sealed, so it cannot
// slip into anonymised output in the clear.
func (s *sealer) isOwnEnvelope(v string) bool {
	if !isSealEnvelope(v) {
		return false
	}
	var head [sealHeaderLen]byte
	n, err := sealB64.Decode(head[:], []byte(v[len(sealPrefix):len(sealPrefix)+8]))
	return err == nil && n == sealHeaderLen && head == s.header
}

// unsealEnvelope opens an envelope made by seal with the matching private key and the
// same info. Every failure, whatever its cause, wraps ErrEnvelope; it never panics.
func unsealEnvelope(priv hpke.PrivateKey, envelope string, info string) ([]byte, error) {
	if priv == nil {
		return nil, ErrNoKey
	}
	body, ok := strings.CutPrefix(envelope, sealPrefix)
	if !ok {
		return nil, errorf("pii: %w: no %q prefix", ErrEnvelope, sealPrefix)
	}
	raw, err := sealB64.DecodeString(body)
	if err != nil {
		return nil, errorf("pii: %w: bad encoding", ErrEnvelope)
	}
	if len(raw) < sealHeaderLen {
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
	pt, err := hpke.Open(priv, kdf, aead, []byte(info), raw[sealHeaderLen:])
	if err != nil {
		// hpke's error says no more than that decryption failed, which is all there is
		// to say: a wrong key, a wrong info and a tampered ciphertext look alike.
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
