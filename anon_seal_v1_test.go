package pii_test

import (
	"crypto/hpke"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// sealV1 seals plaintext as releases before the mark did, for the field named info:
// "pii-seal:v1:" and the base64 of the suite header, HPKE's encapsulated key and the
// ciphertext of the plaintext alone. Stored values of that form must still open.
func sealV1(t *testing.T, pub hpke.PublicKey, info, plaintext string) string {
	t.Helper()
	kdf, aead := hpke.HKDFSHA256(), hpke.AES256GCM()
	sealed, err := hpke.Seal(pub, kdf, aead, []byte(info), []byte(plaintext)) // enc | ciphertext
	if err != nil {
		t.Fatal(err)
	}
	raw := make([]byte, 6, 6+len(sealed))
	binary.BigEndian.PutUint16(raw[0:], pub.KEM().ID())
	binary.BigEndian.PutUint16(raw[2:], kdf.ID())
	binary.BigEndian.PutUint16(raw[4:], aead.ID())
	raw = append(raw, sealed...)
	return "pii-seal:v1:" + base64.RawURLEncoding.EncodeToString(raw)
}

// TestUnsealOpensVersion1 checks that envelopes sealed before the format's version 2
// open as they did, that anonymising them again seals them inside a new envelope (they
// carry no mark to be known by) from which Unseal gives back the original, and that
// a version 1 envelope changed in one character does not open.
func TestUnsealOpensVersion1(t *testing.T) {
	p, priv := sealingPolicy(t)
	const from, body = "+14155551234", "the recording"
	old := SealedTicket{
		Ref:  "T1",
		From: sealV1(t, priv.PublicKey(), "pii_test.SealedTicket.From", from),
		Body: []byte(sealV1(t, priv.PublicKey(), "pii_test.SealedTicket.Body", body)),
	}
	want := SealedTicket{Ref: "T1", From: from, Body: []byte(body)}

	opened := old
	opened.Body = append([]byte(nil), old.Body...)
	if err := pii.Unseal(&opened, priv); err != nil {
		t.Fatalf("Unseal of version 1 envelopes: %v", err)
	}
	if diff := cmp.Diff(want, opened); diff != "" {
		t.Errorf("Unseal of version 1 envelopes (-want +got):\n%s", diff)
	}

	again, err := pii.Anonymized(p, old)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(again.From, "pii-seal:v2:") || again.From == old.From {
		t.Errorf("a version 1 envelope anonymised again is %.20q..., want a new version 2 envelope", again.From)
	}
	if err := pii.Unseal(&again, priv); err != nil {
		t.Fatalf("Unseal of a version 1 envelope sealed again: %v", err)
	}
	if diff := cmp.Diff(want, again); diff != "" {
		t.Errorf("Unseal of a version 1 envelope sealed again (-want +got):\n%s", diff)
	}

	tampered := old
	i := len("pii-seal:v1:") + 20
	tampered.From = old.From[:i] + string("AB"[(strings.IndexByte("AB", old.From[i])+1)%2]) + old.From[i+1:]
	tampered.Body = nil
	if err := pii.Unseal(&tampered, priv); !errors.Is(err, pii.ErrEnvelope) {
		t.Errorf("Unseal of a tampered version 1 envelope: error %v, want ErrEnvelope", err)
	}
}
