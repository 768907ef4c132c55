package phonetab_test

import (
	"testing"

	"github.com/nyaruka/phonenumbers"

	"github.com/ef8f9424/pii/internal/phonetab"
)

// benchNumbers are valid mobile numbers of a few regions with different
// rules: NANPA (25 regions share +1), the UK (four share +44), Germany
// (variable lengths), India and Brazil.
var benchNumbers = []struct{ region, nsn string }{
	{"US", "2015550123"},
	{"GB", "7400123456"},
	{"DE", "15123456789"},
	{"IN", "8123456789"},
	{"BR", "11961234567"},
}

// BenchmarkValid is the tables' answer to IsValidNumberForRegion.
func BenchmarkValid(b *testing.B) {
	for _, n := range benchNumbers {
		b.Run(n.region, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if !phonetab.Valid(n.region, n.nsn) {
					b.Fatal("not valid")
				}
			}
		})
	}
}

// BenchmarkValidNumber is the tables' answer to IsValidNumber.
func BenchmarkValidNumber(b *testing.B) {
	for _, n := range benchNumbers {
		code := phonetab.CountryCode(n.region)
		b.Run(n.region, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := phonetab.ValidNumber(code, n.nsn); !ok {
					b.Fatal("not valid")
				}
			}
		})
	}
}

// BenchmarkPhonenumbersValidForRegion is phonenumbers' own check of the
// same, already parsed, numbers.
func BenchmarkPhonenumbersValidForRegion(b *testing.B) {
	for _, n := range benchNumbers {
		num := number(phonetab.CountryCode(n.region), n.nsn)
		b.Run(n.region, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if !phonenumbers.IsValidNumberForRegion(num, n.region) {
					b.Fatal("not valid")
				}
			}
		})
	}
}

// BenchmarkPhonenumbersValid is phonenumbers' IsValidNumber on the same,
// already parsed, numbers.
func BenchmarkPhonenumbersValid(b *testing.B) {
	for _, n := range benchNumbers {
		num := number(phonetab.CountryCode(n.region), n.nsn)
		b.Run(n.region, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if !phonenumbers.IsValidNumber(num) {
					b.Fatal("not valid")
				}
			}
		})
	}
}
