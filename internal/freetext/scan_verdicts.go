package freetext

import (
	"sync/atomic"

	"github.com/ef8f9424/pii/internal/phonetab"
	"github.com/nyaruka/phonenumbers"
)

// A scanVerdictKey is a phone number read out of text, as its calling code and
// national significant number: what the checks of the phone detector are asked about.
// It is read from the digits without phonenumbers.Parse wherever the digits allow it
// (scanFastNumber), and every check of such a key is answered from tables, with no
// allocation: the lengths below and phonetab's validity automaton.
type scanVerdictKey struct {
	cc  int32
	nsn []byte // ASCII digits: the national number after its leading zeros, if any
	// zeros is how many of nsn's digits are leading zeros (Italy), which change
	// validity: 0 or 1, and the digit after them is no zero.
	zeros int
}

// repeated reports whether the national number of key is written with one digit
// only (0, 7777777): a placeholder, never a number.
func (key scanVerdictKey) repeated() bool {
	return scanAllSame(key.nsn[min(key.zeros, len(key.nsn)):])
}

// scanLengthBits is how many national significant number lengths scanLengths holds.
const scanLengthBits = 20

// scanLengths holds, for each calling code, the lengths of national significant
// number that phonenumbers.IsPossibleNumberWithReason accepts: bit n of the low half
// when it answers IS_POSSIBLE for n digits, of the high half when it answers
// IS_POSSIBLE or IS_POSSIBLE_LOCAL_ONLY (phonenumbers.IsPossibleNumber). Its answer
// depends on the calling code and the length alone, so each code's lengths are asked
// once, the first time a number of that code is checked; bit 0, never a length, marks
// them as known.
var scanLengths [1000]atomic.Uint64

// scanLengthsOf returns the lengths of calling code cc (see scanLengths).
func scanLengthsOf(cc int32) uint64 {
	if cc < 0 || int(cc) >= len(scanLengths) {
		return 1
	}
	if bits := scanLengths[cc].Load(); bits != 0 {
		return bits
	}
	bits := uint64(1)
	for n := 1; n < scanLengthBits; n++ {
		v := uint64(5)
		for range n - 1 {
			v = v*10 + 5
		}
		code := cc
		switch phonenumbers.IsPossibleNumberWithReason(&phonenumbers.PhoneNumber{CountryCode: &code, NationalNumber: &v}) {
		case phonenumbers.IS_POSSIBLE:
			bits |= 1<<n | 1<<(32+n)
		case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
			bits |= 1 << (32 + n)
		}
	}
	scanLengths[cc].Store(bits)
	return bits
}

// scanKeyLength reports whether the national significant number nsn of a number of
// calling code cc has a possible length: a full one (IS_POSSIBLE), or, when local is
// set, one that may be dialled only locally too.
func scanKeyLength(cc int32, nsn []byte, local bool) bool {
	n := len(nsn)
	if n >= scanLengthBits {
		return false // longer than phonenumbers' longest national number, 17 digits
	}
	bits := scanLengthsOf(cc)
	if local {
		bits >>= 32
	}
	return bits&(1<<n) != 0
}

// scanKeyPossible is scanFullLength for a key: the number is not one digit repeated
// and has a full possible length for its calling code.
func scanKeyPossible(key scanVerdictKey) bool {
	return !key.repeated() && scanKeyLength(key.cc, key.nsn, false)
}

// scanKeyAccept is scanCheck for a key: possible (counting local lengths) and, at
// LeniencyValid, valid, as phonetab's tables say.
func (s *textScanner) scanKeyAccept(key scanVerdictKey) bool {
	if key.repeated() || !scanKeyLength(key.cc, key.nsn, true) {
		return false
	}
	return s.leniency == LeniencyPossible || phonetab.ValidDigits(int(key.cc), key.nsn)
}
