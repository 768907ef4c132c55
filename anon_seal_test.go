package pii

import (
	"bytes"
	"crypto/ecdh"
	"crypto/hpke"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sealTestKeys returns one private key per supported KEM family.
func sealTestKeys(t testing.TB) map[string]hpke.PrivateKey {
	t.Helper()
	hybrid, err := GenerateSealKey()
	if err != nil {
		t.Fatalf("GenerateSealKey: %v", err)
	}
	classic, err := hpke.DHKEM(ecdh.X25519()).GenerateKey()
	if err != nil {
		t.Fatalf("DHKEM(X25519).GenerateKey: %v", err)
	}
	return map[string]hpke.PrivateKey{"MLKEM768X25519": hybrid, "DHKEM-X25519": classic}
}

func sealTestSealer(t testing.TB, priv hpke.PrivateKey) *sealer {
	t.Helper()
	s, err := newSealer(priv.PublicKey())
	if err != nil {
		t.Fatalf("newSealer: %v", err)
	}
	return s
}

func TestSealGenerateKeyIsHybrid(t *testing.T) {
	k, err := GenerateSealKey()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(hpke.MLKEM768X25519().ID(), k.KEM().ID()); diff != "" {
		t.Errorf("default KEM (-want +got):\n%s", diff)
	}
}

func TestSealRoundTrip(t *testing.T) {
	plaintexts := []string{"+14155551234", "", "x", "Ｊａｎｅ Doe\n", "\xff\x00binary", strings.Repeat("body ", 1000)}
	for name, priv := range sealTestKeys(t) {
		t.Run(name, func(t *testing.T) {
			s := sealTestSealer(t, priv)
			for _, pt := range plaintexts {
				env, err := s.seal([]byte(pt), "Message.From")
				if err != nil {
					t.Fatalf("seal: %v", err)
				}
				if !isSealEnvelope(env) {
					t.Errorf("envelope %q lacks the prefix", env[:min(len(env), 20)])
				}
				if len(pt) >= 4 && strings.Contains(env, pt) {
					t.Errorf("envelope contains its plaintext")
				}
				got, err := unsealEnvelope(priv, env, "Message.From")
				if err != nil {
					t.Fatalf("unseal: %v", err)
				}
				if diff := cmp.Diff([]byte(pt), got); diff != "" {
					t.Errorf("round trip (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestSealIsEnvelope(t *testing.T) {
	priv := sealTestKeys(t)["DHKEM-X25519"]
	env, err := sealTestSealer(t, priv).seal([]byte("x"), "f")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want bool
	}{
		{env, true},
		{"", false},
		{sealPrefix, false},
		{sealPrefix + "AAAA", false}, // too short for a header and a tag
		{sealPrefix + " call me on +14155551234 please, it is urgent", false},
		{sealPrefix + strings.Repeat("A", 40) + "=", false},
		{strings.ToUpper(env), false},
		{"+14155551234", false},
	}
	for _, tt := range tests {
		if got := isSealEnvelope(tt.in); got != tt.want {
			t.Errorf("isSealEnvelope(%.30q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSealIsRandomized(t *testing.T) {
	for name, priv := range sealTestKeys(t) {
		s := sealTestSealer(t, priv)
		a, _ := s.seal([]byte("+14155551234"), "f")
		b, _ := s.seal([]byte("+14155551234"), "f")
		if a == b {
			t.Errorf("%s: sealing one value twice gave the same envelope; equal values would be linkable", name)
		}
	}
}

func TestUnsealRejects(t *testing.T) {
	keys := sealTestKeys(t)
	hybrid, classic := keys["MLKEM768X25519"], keys["DHKEM-X25519"]
	otherHybrid, _ := GenerateSealKey()
	env, err := sealTestSealer(t, hybrid).seal([]byte("+14155551234"), "Message.From")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimPrefix(env, sealPrefix)
	raw, _ := sealB64.DecodeString(body)
	withHeader := func(kdf, aead uint16) string {
		r := bytes.Clone(raw)
		r[2], r[3], r[4], r[5] = byte(kdf>>8), byte(kdf), byte(aead>>8), byte(aead)
		return sealPrefix + sealB64.EncodeToString(r)
	}
	tests := []struct {
		name     string
		priv     hpke.PrivateKey
		envelope string
		info     string
	}{
		{"wrong key, same KEM", otherHybrid, env, "Message.From"},
		{"wrong KEM", classic, env, "Message.From"},
		{"wrong info", hybrid, env, "Message.To"},
		{"empty", hybrid, "", "Message.From"},
		{"prefix only", hybrid, sealPrefix, "Message.From"},
		{"other version", hybrid, "pii-seal:v3:" + body, "Message.From"},
		{"read as version 1", hybrid, sealPrefixV1 + body, "Message.From"},
		{"bad base64", hybrid, sealPrefix + "!!!!", "Message.From"},
		{"padded base64", hybrid, env + "==", "Message.From"},
		{"truncated", hybrid, env[:len(env)-10], "Message.From"},
		{"header only", hybrid, sealPrefix + sealB64.EncodeToString(raw[:6]), "Message.From"},
		{"short header", hybrid, sealPrefix + sealB64.EncodeToString(raw[:3]), "Message.From"},
		{"other AEAD", hybrid, withHeader(hpke.HKDFSHA256().ID(), hpke.ChaCha20Poly1305().ID()), "Message.From"},
		{"other KDF", hybrid, withHeader(hpke.HKDFSHA512().ID(), hpke.AES256GCM().ID()), "Message.From"},
		{"export-only AEAD", hybrid, withHeader(hpke.HKDFSHA256().ID(), 0xFFFF), "Message.From"},
		{"unknown KDF", hybrid, withHeader(0x7777, hpke.AES256GCM().ID()), "Message.From"},
		{"plaintext", hybrid, "+14155551234", "Message.From"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := unsealEnvelope(tt.priv, tt.envelope, tt.info)
			if !errors.Is(err, ErrEnvelope) {
				t.Errorf("unseal = %q, %v; want ErrEnvelope", got, err)
			}
			if err != nil && strings.Contains(err.Error(), "4155551234") {
				t.Errorf("error reveals the plaintext: %v", err)
			}
		})
	}
	if _, err := unsealEnvelope(nil, env, "Message.From"); !errors.Is(err, ErrNoKey) {
		t.Errorf("unseal with nil key: %v, want ErrNoKey", err)
	}
	if _, err := newSealer(nil); !errors.Is(err, ErrNoKey) {
		t.Errorf("newSealer(nil): %v, want ErrNoKey", err)
	}
}

// TestUnsealTampered changes every byte of an envelope and expects an error every time,
// never the plaintext.
func TestUnsealTampered(t *testing.T) {
	for name, priv := range sealTestKeys(t) {
		t.Run(name, func(t *testing.T) {
			env, err := sealTestSealer(t, priv).seal([]byte("+14155551234"), "f")
			if err != nil {
				t.Fatal(err)
			}
			// Each byte gets one of these flips in turn (a low bit, a case bit, the high
			// bit that makes invalid UTF-8), keeping the hybrid KEM's long envelope quick
			// to test under -race.
			masks := []byte{0x01, 0x02, 0x20, 0x80}
			for i := 0; i < len(env); i++ {
				mask := masks[i%len(masks)]
				b := []byte(env)
				b[i] ^= mask
				if got, err := unsealEnvelope(priv, string(b), "f"); !errors.Is(err, ErrEnvelope) {
					t.Fatalf("byte %d ^ %#x: unseal = %q, %v; want ErrEnvelope", i, mask, got, err)
				}
			}
		})
	}
}

func TestSealConcurrent(t *testing.T) {
	priv := sealTestKeys(t)["DHKEM-X25519"]
	s := sealTestSealer(t, priv)
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for g := 0; g < 16; g++ {
		wg.Go(func() {
			for n := 0; n < 20; n++ {
				pt := []byte(strings.Repeat("v", g+n))
				env, err := s.seal(pt, "f")
				if err == nil {
					var got []byte
					got, err = unsealEnvelope(priv, env, "f")
					if err == nil && !bytes.Equal(got, pt) {
						err = errors.New("round trip changed the value")
					}
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// FuzzUnsealEnvelope feeds arbitrary text to the decoder: it must never panic, and must
// fail unless the text is a genuine envelope, whose plaintext then comes back.
func FuzzUnsealEnvelope(f *testing.F) {
	priv, err := hpke.DHKEM(ecdh.X25519()).GenerateKey()
	if err != nil {
		f.Fatal(err)
	}
	s := sealTestSealer(f, priv)
	genuine := map[string]string{}
	for _, pt := range []string{"", "+14155551234", "jane@example.com"} {
		env, err := s.seal([]byte(pt), "f")
		if err != nil {
			f.Fatal(err)
		}
		genuine[env] = pt
		f.Add(env)
	}
	f.Add(sealPrefix)
	f.Add(sealPrefix + "AAAA")
	f.Add("pii-seal:v1:\xff")
	f.Fuzz(func(t *testing.T, env string) {
		got, err := unsealEnvelope(priv, env, "f")
		want, isGenuine := genuine[env]
		switch {
		case isGenuine && err != nil:
			t.Fatalf("genuine envelope failed: %v", err)
		case isGenuine && string(got) != want:
			t.Fatalf("genuine envelope opened to %q, want %q", got, want)
		case !isGenuine && err == nil:
			t.Fatalf("forged envelope %q opened to %q", env, got)
		case err != nil && !errors.Is(err, ErrEnvelope):
			t.Fatalf("error %v does not wrap ErrEnvelope", err)
		case err == nil && !isSealEnvelope(env):
			t.Fatalf("isSealEnvelope rejects an envelope that opens: %q", env)
		}
	})
}
