package pii_test

import (
	"crypto/ecdh"
	"crypto/hpke"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// sealedNote is one sealed field, anonymised again and again.
type sealedNote struct {
	Body string `pii:"body,anon=seal"`
}

// TestUnsealAfterManyRestarts: a record anonymised again by each new Policy (a nightly
// job, a new process each night) holds one envelope inside the other, since a sealer
// knows only its own envelopes; Unseal must still give back the value that was
// sealed, never an envelope in its place, however many nights it took.
func TestUnsealAfterManyRestarts(t *testing.T) {
	priv, err := hpke.DHKEM(ecdh.X25519()).GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	const want = "call me on +14155551234"
	v := sealedNote{Body: want}
	for night := 1; night <= 20; night++ {
		p, err := pii.New(pii.WithSealKey(priv.PublicKey()))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Anonymize(&v); err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
	}
	if err := pii.Unseal(&v, priv); err != nil {
		t.Fatal(err)
	}
	if v.Body != want {
		t.Errorf("Unseal gave %d bytes starting %q, want %q", len(v.Body), v.Body[:min(len(v.Body), 20)], want)
	}
	if strings.HasPrefix(v.Body, "pii-seal:") {
		t.Errorf("Unseal left an envelope in place of the value")
	}
}
