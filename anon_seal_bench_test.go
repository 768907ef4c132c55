package pii

import "testing"

// BenchmarkSealAgain measures anonymising sealed output again: an envelope of the
// sealer's own is recognised (decoded and its mark checked) and left as it is.
func BenchmarkSealAgain(b *testing.B) {
	for name, priv := range sealTestKeys(b) {
		b.Run(name, func(b *testing.B) {
			env := &anonEnv{sealer: sealTestSealer(b, priv)}
			sealed, err := env.anonymizeString(KindPhone, anonSeal, "+14155551234", "Call.From")
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if out, _ := env.anonymizeString(KindPhone, anonSeal, sealed, "Call.From"); out != sealed {
					b.Fatal("sealed again")
				}
			}
		})
	}
}

// BenchmarkAnonNormalizeSpellings measures the spellings that leave the ASCII fast path
// or take a second reading.
func BenchmarkAnonNormalizeSpellings(b *testing.B) {
	cases := []struct {
		name  string
		kind  Kind
		value string
	}{
		{"email-mailto", KindEmail, "mailto:Jane.Doe@Example.com?subject=hi"},
		{"email-idn", KindEmail, "jane@xn--bcher-kva.example"},
		{"email-hidden", KindEmail, "jane\u200b@example.com"},
		{"phone-hidden", KindPhone, "\u2066+1 415 555 2671\u2069"},
		{"phone-words", KindPhone, "+1 415 555 2671 (cell)"},
	}
	buf := make([]byte, 0, 128)
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf = anonNormalize(buf[:0], c.kind, c.value, "US")
			}
		})
	}
}
