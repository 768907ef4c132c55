package freetext

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestScanKeyChecksAgree checks the table answers of the phone detector against the
// phonenumbers answers they replace, on numbers of every calling code and length:
// scanKeyPossible against scanFullLength (IsPossibleNumberWithReason), and
// scanKeyAccept against scanCheck (IsPossibleNumber and IsValidNumber), at both
// leniencies, with and without an Italian leading zero.
func TestScanKeyChecksAgree(t *testing.T) {
	valid := scanTestScanner(t, "", "valid")
	possible := scanTestScanner(t, "", "possible")
	rng := rand.New(rand.NewPCG(1, 2))
	checked, accepted := 0, 0
	for cc := int32(1); cc < 1000; cc++ {
		if phonenumbers.GetRegionCodeForCountryCode(int(cc)) == "ZZ" {
			continue
		}
		for n := 1; n <= 19; n++ {
			for range 6 {
				national := uint64(1 + rng.IntN(9))
				for range n - 1 {
					national = national*10 + uint64(rng.IntN(10))
				}
				if rng.IntN(8) == 0 {
					national = national % 10 * 1111111111111111111 % pow10(n) // one digit repeated
				}
				for _, zeros := range []int32{0, 1} {
					nsn := strings.Repeat("0", int(zeros)) + strconv.FormatUint(national, 10)
					key := scanVerdictKey{cc: cc, nsn: []byte(nsn), zeros: int(zeros)}
					num := &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &national}
					if zeros > 0 {
						yes := true
						num.ItalianLeadingZero, num.NumberOfLeadingZeros = &yes, &zeros
					}
					if got, want := scanKeyPossible(key), scanFullLength(num); got != want {
						t.Errorf("+%d %d (zeros %d): scanKeyPossible = %t, scanFullLength = %t", cc, national, zeros, got, want)
					}
					for _, s := range []*textScanner{valid, possible} {
						got, want := s.scanKeyAccept(key), s.scanCheck(num)
						if got != want {
							t.Errorf("+%d %d (zeros %d, %v): scanKeyAccept = %t, scanCheck = %t", cc, national, zeros, s.leniency, got, want)
						}
						if got {
							accepted++
						}
					}
					checked++
				}
			}
		}
	}
	t.Logf("%d numbers checked, %d accepted", checked, accepted)
	if accepted == 0 || accepted == 2*checked {
		t.Errorf("%d of %d numbers accepted: the sample tells nothing", accepted, 2*checked)
	}
}

// pow10 returns 10 to the power n (n < 20).
func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}
