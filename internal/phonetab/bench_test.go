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

// benchEach runs one sub-benchmark per number of benchNumbers; check must
// find the number valid.
func benchEach(b *testing.B, check func(region string, n *phonenumbers.PhoneNumber, nsn string) bool) {
	for _, bn := range benchNumbers {
		n := number(phonetab.CountryCode(bn.region), bn.nsn)
		b.Run(bn.region, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if !check(bn.region, n, bn.nsn) {
					b.Fatal("not valid")
				}
			}
		})
	}
}

// BenchmarkValid is the tables' answer to IsValidNumberForRegion.
func BenchmarkValid(b *testing.B) {
	benchEach(b, func(region string, _ *phonenumbers.PhoneNumber, nsn string) bool {
		return phonetab.Valid(region, nsn)
	})
}

// BenchmarkValidNumber is the tables' answer to IsValidNumber.
func BenchmarkValidNumber(b *testing.B) {
	benchEach(b, func(_ string, n *phonenumbers.PhoneNumber, nsn string) bool {
		_, ok := phonetab.ValidNumber(int(n.GetCountryCode()), nsn)
		return ok
	})
}

// BenchmarkPhonenumbersValidForRegion is phonenumbers' own check of the
// same, already parsed, numbers.
func BenchmarkPhonenumbersValidForRegion(b *testing.B) {
	benchEach(b, func(region string, n *phonenumbers.PhoneNumber, _ string) bool {
		return phonenumbers.IsValidNumberForRegion(n, region)
	})
}

// BenchmarkPhonenumbersValid is phonenumbers' IsValidNumber on the same,
// already parsed, numbers.
func BenchmarkPhonenumbersValid(b *testing.B) {
	benchEach(b, func(_ string, n *phonenumbers.PhoneNumber, _ string) bool {
		return phonenumbers.IsValidNumber(n)
	})
}

// rawNumbers are the benchNumbers written as digits with their calling
// code, as a free-text scanner finds them after a "+".
var rawNumbers = []string{"12015550123", "447400123456", "4915123456789", "918123456789", "5511961234567"}

// BenchmarkRawNumber is the tables' whole check of a number written with its
// calling code: split the code off, then ValidNumber.
func BenchmarkRawNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range rawNumbers {
			if _, ok := phonetab.ValidNumber(phonetab.SplitCallingCode(raw)); !ok {
				b.Fatal("not valid")
			}
		}
	}
}

// BenchmarkPhonenumbersRawNumber is the same with phonenumbers: Parse, then
// IsValidNumber.
func BenchmarkPhonenumbersRawNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range rawNumbers {
			n, err := phonenumbers.Parse("+"+raw, "ZZ")
			if err != nil || !phonenumbers.IsValidNumber(n) {
				b.Fatal("not valid")
			}
		}
	}
}
