package pii_test

import (
	"crypto/ecdh"
	"crypto/hpke"
	"testing"

	"github.com/ef8f9424/pii"
)

// TestAnonymizeSealedAcrossPolicies: "anonymising twice is harmless" holds across
// Policies built from the same keys (a job run again in a new process), not only
// within one: an envelope of the same configuration is left as it is. Each new
// Policy has a random mark key today, so the value is sealed again, each time a
// third larger plus the KEM's encapsulated key (1120 bytes for the default
// ML-KEM-768 hybrid): a nightly run grows every sealed field without bound.
func TestAnonymizeSealedAcrossPolicies(t *testing.T) {
	priv, err := hpke.DHKEM(ecdh.X25519()).GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	key := []byte("0123456789abcdef0123456789abcdef")
	policy := func() *pii.Policy {
		p, err := pii.New(pii.WithKey(key), pii.WithSealKey(priv.PublicKey()))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	v := sealedNote{Body: "call me on +14155551234"}
	if err := policy().Anonymize(&v); err != nil {
		t.Fatal(err)
	}
	once := v.Body
	if err := policy().Anonymize(&v); err != nil {
		t.Fatal(err)
	}
	if v.Body != once {
		t.Errorf("the second run sealed the envelope again: %d bytes, then %d", len(once), len(v.Body))
	}
}
