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
