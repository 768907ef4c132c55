package pii

import (
	"sync"
	"sync/atomic"

	"github.com/nyaruka/phonenumbers"
)

// maskCCLengths caches maskCallingCodeLengths' table once built.
var maskCCLengths atomic.Pointer[[1000]uint32]

// maskCallingCodeLengths returns, for every country calling code (1 to 999), the
// possible lengths of a national number under it as a bit set (bit n: n digits), and 0
// for a code that does not exist. It is read from phonenumbers' metadata the first time
// a number with a country code is masked (about a millisecond), and kept.
func maskCallingCodeLengths() *[1000]uint32 {
	if t := maskCCLengths.Load(); t != nil {
		return t
	}
	return maskBuildCCLengths()
}

var maskBuildCCLengths = sync.OnceValue(func() *[1000]uint32 {
	var t [1000]uint32
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		if cc <= 0 || cc >= len(t) {
			continue
		}
		num := &phonenumbers.PhoneNumber{CountryCode: new(int32(cc))}
		nsn := uint64(0)
		for n := 1; n <= 17; n++ {
			nsn = nsn*10 + 1
			num.NationalNumber = new(nsn)
			if phonenumbers.IsPossibleNumberWithReason(num) == phonenumbers.IS_POSSIBLE {
				t[cc] |= 1 << n
			}
		}
	}
	maskCCLengths.Store(&t)
	return &t
})

// maskCCPrefixes caches maskCallingCodePrefixes' table once built.
var maskCCPrefixes atomic.Pointer[[1000]uint32]

// maskCCDigitsShift is where maskCallingCodePrefixes puts the number of digits of the
// calling code, above the bits of the lengths.
const maskCCDigitsShift = 24

// maskCallingCodePrefixes returns, for every three digits p (000 to 999) that start a
// number after its '+', what maskPhoneLengthOK finds for them: the first of p's first
// digit, its first two and all three that is a calling code in maskCallingCodeLengths,
// as that code's possible lengths (the low bits) and its number of digits (from bit
// maskCCDigitsShift); 0 when none is, as for every p that starts with 0. One look-up
// instead of up to three.
func maskCallingCodePrefixes() *[1000]uint32 {
	if t := maskCCPrefixes.Load(); t != nil {
		return t
	}
	return maskBuildCCPrefixes()
}

var maskBuildCCPrefixes = sync.OnceValue(func() *[1000]uint32 {
	lengths := maskCallingCodeLengths()
	var t [1000]uint32
	for p := 100; p < len(t); p++ { // none starts with 0
		for n, cc := range [...]int{p / 100, p / 10, p} {
			if lengths[cc] != 0 {
				t[p] = lengths[cc] | uint32(n+1)<<maskCCDigitsShift
				break
			}
		}
	}
	maskCCPrefixes.Store(&t)
	return &t
})
