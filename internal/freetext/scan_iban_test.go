package freetext

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanMakeIBAN returns a valid IBAN of country with a BBAN of digits made from seed.
func scanMakeIBAN(country string, seed int) string {
	n := scanIBANLengths[country]
	if parent, ok := scanIBANTerritories[country]; ok {
		n = scanIBANLengths[parent]
	}
	var bban strings.Builder
	for k := 0; bban.Len() < n-4; k++ {
		fmt.Fprint(&bban, (seed*7+k*3)%10)
	}
	// Check digits: 98 minus the remainder of the IBAN with "00" as check digits.
	buf := []byte(country + "00" + bban.String())
	rem := 0
	for k := range buf {
		c := buf[(k+4)%len(buf)]
		if c >= '0' && c <= '9' {
			rem = (rem*10 + int(c-'0')) % 97
		} else {
			rem = (rem*100 + int(c-'A') + 10) % 97
		}
	}
	return fmt.Sprintf("%s%02d%s", country, 98-rem, bban.String())
}

// TestScanIBANEveryCountry checks every country and territory of the IBAN registry: a
// valid IBAN is found however it is written, and one with a wrong digit or length is not.
func TestScanIBANEveryCountry(t *testing.T) {
	countries := slices.Sorted(maps.Keys(scanIBANLengths))
	countries = append(countries, slices.Sorted(maps.Keys(scanIBANTerritories))...)
	if len(countries) != 105 {
		t.Errorf("%d countries and territories, want the registry's 89 and 16", len(countries))
	}
	s := scanTestScanner(t, "", "valid")
	for k, country := range countries {
		iban := scanMakeIBAN(country, k)
		group4 := func(sep string) string {
			var parts []string
			for j := 0; j < len(iban); j += 4 {
				parts = append(parts, iban[j:min(j+4, len(iban))])
			}
			return strings.Join(parts, sep)
		}
		writings := []string{iban, strings.ToLower(iban), group4(" "), group4("-"), group4("."),
			iban[:2] + " " + iban[2:4] + " " + iban[4:7] + "-" + iban[7:]}
		for _, w := range writings {
			text := "pay to " + w + " today"
			got := scanFoundIn(text, s.scan(text, nil, nil))
			if diff := cmp.Diff([]scanFound{{Kind: "account", Value: w}}, got); diff != "" {
				t.Errorf("%s: scan(%q) mismatch (-want +got):\n%s", country, text, diff)
			}
		}
		// One digit off, or one character short: no IBAN.
		last := iban[len(iban)-1]
		wrong := iban[:len(iban)-1] + string('0'+(last-'0'+1)%10)
		for _, bad := range []string{wrong, iban[:len(iban)-1]} {
			text := "ref " + bad + " today"
			for _, f := range s.scan(text, nil, nil) {
				if f.Kind == KindAccount {
					t.Errorf("%s: scan(%q) found an IBAN %q", country, text, text[f.Start:f.End])
				}
			}
		}
	}
}
