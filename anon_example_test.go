package pii_test

import (
	"bytes"
	"crypto/ecdh"
	"crypto/hpke"
	"errors"
	"fmt"

	"github.com/ef8f9424/pii"
)

// Create the key pair for sealing once: the policy that seals gets only the public key,
// and the private key stays with whoever may read the originals.
func ExampleGenerateSealKey() {
	priv, err := pii.GenerateSealKey()
	if err != nil {
		panic(err)
	}
	fmt.Printf("KEM %#04x (MLKEM768-X25519)\n", priv.KEM().ID())

	// Store the private key as bytes, and read it back with the KEM's NewPrivateKey.
	stored, err := priv.Bytes()
	if err != nil {
		panic(err)
	}
	loaded, err := hpke.MLKEM768X25519().NewPrivateKey(stored)
	if err != nil {
		panic(err)
	}
	fmt.Println("same public key:", bytes.Equal(loaded.PublicKey().Bytes(), priv.PublicKey().Bytes()))

	// Classical DHKEM(X25519) instead of the post-quantum hybrid: hpke's own constructor.
	classic, err := hpke.DHKEM(ecdh.X25519()).GenerateKey()
	if err != nil {
		panic(err)
	}
	fmt.Printf("KEM %#04x (DHKEM X25519)\n", classic.KEM().ID())
	// Output:
	// KEM 0x647a (MLKEM768-X25519)
	// same public key: true
	// KEM 0x0020 (DHKEM X25519)
}

// Check a statistics export before it leaves: every combination of ZIP3 and birth year
// must be shared by at least k people.
func ExampleKAnonymity() {
	type Address struct{ ZIP3 string }
	type Patient struct {
		BirthYear string
		Address   Address
		Diagnosis string
	}
	export := []Patient{
		{"1980", Address{"941"}, "flu"},
		{"1980", Address{"941"}, "asthma"},
		{"1980", Address{"941"}, "flu"},
		{"1991", Address{"100"}, "flu"},
		{"1991", Address{"100"}, "migraine"},
	}
	k, err := pii.KAnonymity(export, "BirthYear", "Address.ZIP3")
	if err != nil {
		panic(err)
	}
	fmt.Println("k =", k)
	if k < 3 {
		fmt.Println("too few people share some quasi-identifiers: do not export")
	}

	_, err = pii.KAnonymity(export, "Address.Zip")
	fmt.Println(err)
	// Output:
	// k = 2
	// too few people share some quasi-identifiers: do not export
	// pii: KAnonymity: path "Address.Zip" in pii_test.Patient: no such field (pii_test.Address has no exported field "Zip")
}

// Anonymized anonymises a copy and leaves its argument as it was. On error (here, a seal
// key the Policy lacks) it returns the zero value; Anonymize, in place, then changes
// nothing, even in the records it met before the one that failed.
func ExampleAnonymized() {
	type Visit struct {
		IP    string `pii:"ip"`
		Phone string `pii:"phone"`
		Note  any
	}
	type Recording struct {
		Audio string `pii:"body,anon=seal"`
	}
	v := []Visit{{IP: "203.0.113.42", Phone: "+442079460958"}}
	a, err := pii.Anonymized(nil, v)
	fmt.Println(a, err)
	fmt.Println(v)

	v = append(v, Visit{IP: "198.51.100.7", Note: Recording{Audio: "..."}})
	_, err = pii.Anonymized(nil, v)
	fmt.Println(errors.Is(err, pii.ErrNoKey))
	err = pii.Anonymize(v)
	fmt.Println(errors.Is(err, pii.ErrNoKey), v[0].IP)
	// Output:
	// [{203.0.113.0/24 +44 <nil>}] <nil>
	// [{203.0.113.42 +442079460958 <nil>}]
	// true
	// true 203.0.113.42
}
