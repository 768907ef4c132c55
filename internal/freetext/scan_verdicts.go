package freetext

import (
	"sync/atomic"

	"github.com/nyaruka/phonenumbers"
)

// scanVerdicts remembers whether recent phone numbers were phone numbers (possible and,
// at LeniencyValid, valid), so that a number
// seen again (a conversation's two parties, a service's own numbers, a retried message:
// log streams repeat themselves) costs a table look-up instead of phonenumbers' regular
// expressions, which take microseconds. It is a direct-mapped table: a slot holds the
// last number that hashed to it, and a collision simply replaces it. Lock-free: slots are
// atomic pointers to immutable entries. It holds numbers, which are personal data, only
// in memory and only as long as the Policy lives, as the strings being scanned are.
type scanVerdicts struct {
	slots [scanVerdictSlots]atomic.Pointer[scanVerdict]
}

const scanVerdictSlots = 4096 // a power of two

type scanVerdictKey struct {
	cc       int32
	national uint64
	zeros    int32 // leading zeros of the national number (Italy), which change validity
	// possible marks a verdict on the length alone: for a number written with its
	// calling code, or in its region's own shape, being possible is enough.
	possible bool
}

type scanVerdict struct {
	key   scanVerdictKey
	valid bool
}

// scanKeyOf is the key of a parsed number.
func scanKeyOf(num *phonenumbers.PhoneNumber) scanVerdictKey {
	key := scanVerdictKey{cc: num.GetCountryCode(), national: num.GetNationalNumber()}
	if num.GetItalianLeadingZero() {
		key.zeros = max(num.GetNumberOfLeadingZeros(), 1)
	}
	return key
}

// get returns the remembered verdict on the number of key, or computes it with check
// and remembers it. Each look-up costs one of budget, remembered or not: what a scan
// finds must not depend on what an earlier scan left in the table.
func (v *scanVerdicts) get(key scanVerdictKey, budget *int, check func(scanVerdictKey) bool) bool {
	*budget--
	h := key.national*0x9e3779b97f4a7c15 ^ uint64(key.cc)*0xbf58476d1ce4e5b9 ^ uint64(key.zeros)
	if key.possible {
		h ^= 0x94d049bb133111eb
	}
	slot := &v.slots[(h>>32)&(scanVerdictSlots-1)]
	if e := slot.Load(); e != nil && e.key == key {
		return e.valid
	}
	ok := check(key)
	slot.Store(&scanVerdict{key: key, valid: ok})
	return ok
}
