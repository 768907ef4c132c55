package pii

import (
	"crypto/hpke"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sealCrafted returns text in the form of an envelope for s's suite whose bytes, after
// the header, are readable to anyone who decodes them: what someone who wants a value to
// pass anonymisation as it came would write.
func sealCrafted(s *sealer, readable string) string {
	raw := append(append([]byte(nil), s.header[:]...), readable...)
	return sealPrefix + sealB64.EncodeToString(raw)
}

// sealGrafted returns a genuine envelope of s with its ciphertext replaced by readable
// bytes, keeping the header, the encapsulated key and the mark: a mark checked on
// anything less than the whole envelope would let it pass.
func sealGrafted(t *testing.T, s *sealer, readable string) string {
	t.Helper()
	env, err := s.seal([]byte("x"), "Message.Body")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sealB64.DecodeString(strings.TrimPrefix(env, sealPrefix))
	if err != nil {
		t.Fatal(err)
	}
	head := raw[:sealHeaderLen+s.encLen]
	trailer := raw[len(raw)-sealMarkLen:]
	out := append(append(append([]byte(nil), head...), readable...), trailer...)
	return sealPrefix + sealB64.EncodeToString(out)
}

// TestSealCraftedEnvelopeIsSealed: text in the form of an envelope that this sealer did
// not make is sealed like any other value, and Unseal gives it back as it was written.
func TestSealCraftedEnvelopeIsSealed(t *testing.T) {
	const secret = "call me on +14155551234, it is urgent, my SSN is 078-05-1120"
	for name, priv := range sealTestKeys(t) {
		t.Run(name, func(t *testing.T) {
			s := sealTestSealer(t, priv)
			env := &anonEnv{sealer: s}
			inputs := map[string]string{
				"crafted":                    sealCrafted(s, secret),
				"grafted onto a real one":    sealGrafted(t, s, secret),
				"another sealer's":           sealCrafted(sealTestSealer(t, priv), secret),
				"crafted, longer than a tag": sealCrafted(s, strings.Repeat(secret, 40)),
			}
			for what, in := range inputs {
				if !isSealEnvelope(in) {
					t.Fatalf("%s: test input %.40q is not of the envelope form", what, in)
				}
				got, err := env.anonymizeString(KindBody, anonSeal, in, "Message.Body")
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if got == in {
					t.Errorf("%s: left as it came, readable to anyone who decodes it", what)
				}
				pt, err := unsealEnvelope(priv, got, "Message.Body")
				if err != nil {
					t.Fatalf("%s: unseal: %v", what, err)
				}
				if diff := cmp.Diff(in, string(pt)); diff != "" {
					t.Errorf("%s: unsealed (-want +got):\n%s", what, diff)
				}
			}
		})
	}
}

// TestSealOwnEnvelopeKept: an envelope the sealer made is left as it is, so anonymising
// twice changes nothing; one made by another sealer of the same key (a restart) is sealed
// again, and Unseal opens both layers.
func TestSealOwnEnvelopeKept(t *testing.T) {
	for name, priv := range sealTestKeys(t) {
		t.Run(name, func(t *testing.T) {
			first, second := sealTestSealer(t, priv), sealTestSealer(t, priv)
			envFirst := &anonEnv{sealer: first}
			once, err := envFirst.anonymizeString(KindPhone, anonSeal, "+14155551234", "Call.From")
			if err != nil {
				t.Fatal(err)
			}
			twice, err := envFirst.anonymizeString(KindPhone, anonSeal, once, "Call.From")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(once, twice); diff != "" {
				t.Errorf("the sealer sealed its own envelope again (-once +twice):\n%s", diff)
			}
			if second.isOwnEnvelope(once) {
				t.Errorf("another sealer took the envelope for its own")
			}
			nested, err := (&anonEnv{sealer: second}).anonymizeString(KindPhone, anonSeal, once, "Call.From")
			if err != nil {
				t.Fatal(err)
			}
			if nested == once {
				t.Fatalf("another sealer left the envelope as it was")
			}
			pt, err := unsealEnvelope(priv, nested, "Call.From")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff("+14155551234", string(pt)); diff != "" {
				t.Errorf("nested envelope opened to (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnsealNestedStopsAtPlaintext: an envelope whose plaintext only looks like an
// envelope (it does not open, or it opens only under another field) gives that text
// back: it is what was sealed.
func TestUnsealNestedStopsAtPlaintext(t *testing.T) {
	priv := sealTestKeys(t)["DHKEM-X25519"]
	s := sealTestSealer(t, priv)
	otherField, err := s.seal([]byte("+14155551234"), "Call.To")
	if err != nil {
		t.Fatal(err)
	}
	for _, inner := range []string{sealCrafted(s, "looks like an envelope, is not one"), otherField} {
		outer, err := s.seal([]byte(inner), "Call.From")
		if err != nil {
			t.Fatal(err)
		}
		pt, err := unsealEnvelope(priv, outer, "Call.From")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(inner, string(pt)); diff != "" {
			t.Errorf("unsealed (-want +got):\n%s", diff)
		}
	}
}

// TestUnsealMark: the mark is checked by the opener too, so an envelope with its mark
// changed, cut off or repeated does not open, nor passes for the sealer's own; neither
// does one whose mark key, sealed before the plaintext, is missing.
func TestUnsealMark(t *testing.T) {
	priv := sealTestKeys(t)["DHKEM-X25519"]
	s := sealTestSealer(t, priv)
	env, err := s.seal([]byte("+14155551234"), "f")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := sealB64.DecodeString(strings.TrimPrefix(env, sealPrefix))
	enc := func(b []byte) string { return sealPrefix + sealB64.EncodeToString(b) }
	mark := raw[len(raw)-sealMarkLen:]
	changed := append([]byte(nil), raw...)
	changed[len(raw)-1] ^= 1
	// A genuine HPKE message under the right key and info that holds no mark key.
	enc2, snd, err := hpke.NewSender(priv.PublicKey(), s.kdf, s.aead, []byte("f"))
	if err != nil {
		t.Fatal(err)
	}
	short, err := snd.Seal(nil, []byte("+1415"))
	if err != nil {
		t.Fatal(err)
	}
	noMarkKey := append(append(append(append([]byte(nil), s.header[:]...), enc2...), short...), mark...)
	tests := map[string]string{
		"mark changed":      enc(changed),
		"mark cut off":      enc(raw[:len(raw)-sealMarkLen]),
		"mark doubled":      enc(append(append([]byte(nil), raw...), mark...)),
		"one byte too long": enc(append(append([]byte(nil), raw...), 0)),
		"no mark key":       enc(noMarkKey),
	}
	for name, in := range tests {
		if got, err := unsealEnvelope(priv, in, "f"); !errors.Is(err, ErrEnvelope) {
			t.Errorf("%s: unseal = %q, %v; want ErrEnvelope", name, got, err)
		}
		if s.isOwnEnvelope(in) {
			t.Errorf("%s: taken for the sealer's own envelope", name)
		}
	}
}
