package pii_test

import (
	"crypto/ecdh"
	"crypto/hpke"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// SealedTicket is a record with sealed fields of each layout Unseal opens.
type SealedTicket struct {
	Ref   string            `pii:"no"`
	From  string            `pii:"phone,anon=seal"`
	Body  []byte            `pii:"body,anon=seal"`
	Notes []string          `pii:"body,anon=seal"`
	Extra map[string]string `pii:"body,anon=seal"`
}

// unsealCrafted is text in the form of an envelope for priv's suite (HKDF-SHA256,
// AES-256-GCM) whose bytes after the header are readable to anyone who decodes them.
func unsealCrafted(priv hpke.PrivateKey, readable string) string {
	raw := make([]byte, 6, 6+len(readable))
	binary.BigEndian.PutUint16(raw[0:], priv.KEM().ID())
	binary.BigEndian.PutUint16(raw[2:], hpke.HKDFSHA256().ID())
	binary.BigEndian.PutUint16(raw[4:], hpke.AES256GCM().ID())
	return "pii-seal:v1:" + base64.RawURLEncoding.EncodeToString(append(raw, readable...))
}

const unsealSecret = "call me on +14155551234, my SSN is 078-05-1120, thanks!"

// TestAnonymizeSealsCraftedEnvelopes: text that has the form of an envelope, in any
// layout of a sealed field, is sealed like any other value rather than passed on as it
// came, readable to whoever decodes it; Unseal gives it back as it was written.
func TestAnonymizeSealsCraftedEnvelopes(t *testing.T) {
	p, priv := sealingPolicy(t)
	crafted := unsealCrafted(priv, unsealSecret)
	in := SealedTicket{Ref: "T1", From: crafted, Body: []byte(crafted), Notes: []string{crafted}, Extra: map[string]string{"k": crafted}}
	got, err := pii.Anonymized(p, in)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"From": got.From, "Body": string(got.Body), "Notes": got.Notes[0], "Extra": got.Extra["k"]} {
		if v == crafted {
			t.Errorf("%s: crafted envelope passed anonymisation as it came", name)
		}
	}
	if err := pii.Unseal(&got, priv); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("Unseal (-want +got):\n%s", diff)
	}
}

// TestAnonymizeTwice: anonymising sealed output again, under the same Policy or another
// one with the same public key (a restart), still unseals to the original.
func TestAnonymizeTwice(t *testing.T) {
	p, priv := sealingPolicy(t)
	restarted, err := pii.New(pii.WithSealKey(priv.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	want := SealedTicket{Ref: "T1", From: "+14155551234", Body: []byte("hello"), Notes: []string{"a", ""}, Extra: map[string]string{"k": "v"}}
	once, err := pii.Anonymized(p, want)
	if err != nil {
		t.Fatal(err)
	}
	same, err := pii.Anonymized(p, once)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(once, same); diff != "" {
		t.Errorf("anonymising twice under one Policy changed the envelopes (-once +twice):\n%s", diff)
	}
	nested, err := pii.Anonymized(restarted, once)
	if err != nil {
		t.Fatal(err)
	}
	if err := pii.Unseal(&nested, priv); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, nested); diff != "" {
		t.Errorf("Unseal after anonymising twice (-want +got):\n%s", diff)
	}
}

// TestUnsealFailsClosed: a value with the envelope prefix that does not open is an
// error wrapping ErrEnvelope that names the field and holds no value, and the value is
// never replaced by anything else.
func TestUnsealFailsClosed(t *testing.T) {
	p, priv := sealingPolicy(t)
	other, err := pii.GenerateSealKey()
	if err != nil {
		t.Fatal(err)
	}
	classic, err := hpke.DHKEM(ecdh.X25519()).GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := pii.Anonymized(p, SealedTicket{From: "+14155551234", Body: []byte("+14155551234")})
	if err != nil {
		t.Fatal(err)
	}
	env := sealed.From
	tests := []struct {
		name  string
		value string
		key   hpke.PrivateKey
		field string
	}{
		{"crafted", unsealCrafted(priv, unsealSecret), priv, "From"},
		{"crafted for the key's suite, short", unsealCrafted(priv, "+14155551234"), priv, "From"},
		{"prefix only", "pii-seal:v1:", priv, "From"},
		{"prefix and text", "pii-seal:v1: call +14155551234", priv, "From"},
		{"non-UTF-8", "pii-seal:v1:\xff\xfe+14155551234", priv, "From"},
		{"truncated", env[:len(env)-7], priv, "From"},
		{"truncated to its header", env[:len("pii-seal:v1:")+8], priv, "From"},
		{"another key", env, other, "From"},
		{"another KEM", env, classic, "From"},
		{"another field", string(sealed.Body), priv, "From"},
		{"in a []byte field", unsealCrafted(priv, unsealSecret), priv, "Body"},
		{"in a slice", unsealCrafted(priv, unsealSecret), priv, "Notes"},
		{"in a map", unsealCrafted(priv, unsealSecret), priv, "Extra"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tk SealedTicket
			switch tt.field {
			case "From":
				tk.From = tt.value
			case "Body":
				tk.Body = []byte(tt.value)
			case "Notes":
				tk.Notes = []string{tt.value}
			case "Extra":
				tk.Extra = map[string]string{"k": tt.value}
			}
			before := SealedTicket{From: tk.From, Body: []byte(tt.value), Notes: tk.Notes, Extra: tk.Extra}
			if tt.field != "Body" {
				before.Body = nil
			}
			err := pii.Unseal(&tk, tt.key)
			if !errors.Is(err, pii.ErrEnvelope) {
				t.Fatalf("Unseal = %v, want ErrEnvelope", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "SealedTicket."+tt.field) {
				t.Errorf("error %q does not name the field %s", msg, tt.field)
			}
			for _, leak := range []string{"4155551234", "078-05", tt.value[min(len(tt.value), 12):]} {
				if leak != "" && strings.Contains(msg, leak) {
					t.Errorf("error %q holds the value", msg)
				}
			}
			if diff := cmp.Diff(before, tk); diff != "" {
				t.Errorf("a value that does not open was replaced (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnsealLeavesPlainValues: values without the prefix (never sealed, empty) are left as
// they are, even with no key at all.
func TestUnsealLeavesPlainValues(t *testing.T) {
	want := SealedTicket{Ref: "pii-seal:v1:not PII", From: "", Body: []byte("+14155551234"), Notes: []string{" pii-seal:v1:x", "PII-SEAL:V1:x"}}
	got := SealedTicket{Ref: want.Ref, From: want.From, Body: []byte("+14155551234"), Notes: []string{" pii-seal:v1:x", "PII-SEAL:V1:x"}}
	if err := pii.Unseal(&got, nil); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unseal (-want +got):\n%s", diff)
	}
}

// TestUnsealOpensOnlySealedFields: a field that Anonymize does not seal is left as it is
// by Unseal, even when its text starts like an envelope, so that it cannot make Unseal
// fail; the sealed field next to it is opened.
func TestUnsealOpensOnlySealedFields(t *testing.T) {
	type Message struct {
		From  string `pii:"phone,anon=seal"`
		Body  string `pii:"body"`
		Token string `pii:"device,anon=pseudonym"`
	}
	p, priv := sealingPolicy(t)
	sealed, err := pii.Anonymized(p, Message{From: "+14155551234"})
	if err != nil {
		t.Fatal(err)
	}
	lookalike := unsealCrafted(priv, unsealSecret)
	got := Message{From: sealed.From, Body: "quoting pii-seal:v1:AAAA", Token: lookalike}
	if err := pii.Unseal(&got, priv); err != nil {
		t.Fatalf("Unseal = %v", err)
	}
	want := Message{From: "+14155551234", Body: "quoting pii-seal:v1:AAAA", Token: lookalike}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unseal (-want +got):\n%s", diff)
	}
	got.Body = lookalike
	if err := pii.Unseal(&got, priv); err != nil {
		t.Errorf("Unseal of a body that starts like an envelope = %v", err)
	}
}

// TestUnsealAllOrNothing: an envelope that does not open leaves the whole value as it
// was, the envelopes before it included, as a failed Anonymize does.
func TestUnsealAllOrNothing(t *testing.T) {
	p, priv := sealingPolicy(t)
	sealed, err := pii.Anonymized(p, SealedTicket{Ref: "T1", From: "+14155551234", Body: []byte("hello")})
	if err != nil {
		t.Fatal(err)
	}
	other, err := pii.GenerateSealKey()
	if err != nil {
		t.Fatal(err)
	}
	q, err := pii.New(pii.WithSealKey(other.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := pii.Anonymized(q, SealedTicket{Body: []byte("sealed to another key")})
	if err != nil {
		t.Fatal(err)
	}
	in := sealed
	in.Body = foreign.Body // the field after From does not open with priv
	before := SealedTicket{Ref: in.Ref, From: in.From, Body: append([]byte(nil), in.Body...)}
	if err := pii.Unseal(&in, priv); !errors.Is(err, pii.ErrEnvelope) || !strings.Contains(err.Error(), "SealedTicket.Body") {
		t.Fatalf("Unseal: error %v, want ErrEnvelope naming SealedTicket.Body", err)
	}
	if diff := cmp.Diff(before, in); diff != "" {
		t.Errorf("a failed Unseal changed the value (-before +after):\n%s", diff)
	}
}
