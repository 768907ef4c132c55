package pii

import (
	"crypto/ecdh"
	"crypto/hpke"
	"testing"
)

func BenchmarkAnonPseudonym(b *testing.B) {
	k := anonTestKeyring(b, anonTestKey)
	cases := []struct {
		name  string
		kind  Kind
		value string
	}{
		{"email-ascii", KindEmail, "Jane.Doe@Example.com"},
		{"name-ascii", KindName, "Jane  Doe"},
		{"name-unicode", KindName, "Ｊａｎｅ Ｄｏｅ"},
		{"phone", KindPhone, "+1 (415) 555-1234"},
		{"idempotent", KindEmail, k.pseudonym(KindEmail, "jane@example.com", "")},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.value)))
			for b.Loop() {
				k.pseudonym(c.kind, c.value, "US")
			}
		})
	}
}

func BenchmarkAnonGeneralize(b *testing.B) {
	cases := []struct {
		name  string
		kind  Kind
		value string
	}{
		{"ip", KindIP, "203.0.113.77"},
		{"email", KindEmail, "jane@example.com"},
		{"postal", KindPostal, "94103-1234"},
		{"phone", KindPhone, "+14155551234"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				anonGeneralizeValue(c.kind, c.value, "US")
			}
		})
	}
}

func BenchmarkSeal(b *testing.B) {
	classic, err := hpke.DHKEM(ecdh.X25519()).GenerateKey()
	if err != nil {
		b.Fatal(err)
	}
	hybrid, err := GenerateSealKey()
	if err != nil {
		b.Fatal(err)
	}
	pt := []byte("+14155551234")
	for name, priv := range map[string]hpke.PrivateKey{"DHKEM-X25519": classic, "MLKEM768X25519": hybrid} {
		s := sealTestSealer(b, priv)
		env, err := s.seal(pt, "Message.From")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name+"/seal", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(pt)))
			for b.Loop() {
				if _, err := s.seal(pt, "Message.From"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/unseal", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(pt)))
			for b.Loop() {
				if _, err := unsealEnvelope(priv, env, "Message.From"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkKAnonymity(b *testing.B) {
	rows := make([]kanonRow, 1000)
	for i := range rows {
		rows[i] = kanonRow{Age: AgeBand(i % 100), Address: kanonAddress{Country: "US", Postal: "94" + string(rune('0'+i%10))}}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := KAnonymity(rows, "Age", "Address.Postal"); err != nil {
			b.Fatal(err)
		}
	}
}
