package freetext

import (
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// Numbers written in national format (no + and no international prefix) when no region
// is configured. Leaving them alone would let through what people write most ("call me
// at (415) 555-2671", "06 12 34 56 78"), so the finder fails closed: a national number
// is a phone number when it is one (valid, or possible at LeniencyPossible) in one of
// scanNationalRegions, read the way that region writes it:
//
//   - with the region's trunk prefix, which is dropped ("020 7946 0958" in GB, "030
//     901820" in DE, "06 12 34 56 78" in FR, "8 495 123-45-67" in RU);
//   - without it, only where people write national numbers so: regions with no trunk
//     prefix (ES, IT, DK...) and those whose mobiles or area codes are usually written
//     without it (NANPA, CN, IN, BR, AR, MX);
//   - and, for digits written in one piece with no punctuation, only with a trunk
//     prefix, as a NANPA number or as a Chinese mobile number (eleven digits,
//     1[3-9]..., the way hundreds of millions of people write theirs): eight or nine
//     bare digits are as often an order or account number as a phone number, while
//     grouped digits ("612 34 56 78") are written so because they are dialled. An
//     order number of that shape after its label ("order 13800138000") stays, as every
//     number after such a label does (scanIdentifierBefore).
//
// What is not a phone number in any region of the list is left alone, and so are the
// shapes the finder never reads as phones (dates, times, money, versions, digits glued
// to words). FREETEXT.md measures what this adds on text that holds no phone number.
var scanNationalRegions = []string{
	"US", "GB", "DE", "FR", "ES", "IT", "NL", "BE", "CH", "AT", "PT", "IE", "SE", "NO",
	"DK", "FI", "PL", "CZ", "GR", "RU", "UA", "TR", "IL", "AE", "SA", "EG", "ZA", "NG",
	"KE", "IN", "PK", "CN", "HK", "JP", "KR", "TW", "SG", "MY", "ID", "PH", "TH", "VN",
	"AU", "NZ", "BR", "MX", "AR", "CO", "CL", "PE",
}

// scanBareTrunkOK lists the regions of scanNationalRegions with a trunk prefix whose
// numbers are also written without it.
var scanBareTrunkOK = map[string]bool{"US": true, "CN": true, "IN": true, "BR": true, "AR": true}

// A scanNational is how one region writes its national numbers.
type scanNational struct {
	cc          int32
	trunk       string // the trunk (national) prefix, digits only; "" if none
	bare        bool   // numbers are also written without the trunk prefix
	leadingZero bool   // national numbers may start with 0 (Italy and its neighbours)
	lengths     uint32 // bit n is set when a national number of n digits is possible
}

// scanNationals is scanNationalRegions read from phonenumbers' metadata, once, one entry
// per calling code (CA shares US's +1).
var scanNationals = sync.OnceValue(func() []scanNational {
	var out []scanNational
	seen := map[int32]bool{}
	for _, r := range scanNationalRegions {
		cc := int32(phonenumbers.GetCountryCodeForRegion(r))
		if cc == 0 || seen[cc] {
			continue
		}
		seen[cc] = true
		trunk := phonenumbers.GetNddPrefixForRegion(r, true)
		var lengths uint32
		for n := 1; n <= 17; n++ {
			v := uint64(5)
			for range n - 1 {
				v = v*10 + 5
			}
			if phonenumbers.IsPossibleNumber(&phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &v}) {
				lengths |= 1 << n
			}
		}
		out = append(out, scanNational{
			cc: cc, trunk: trunk, bare: trunk == "" || scanBareTrunkOK[r],
			leadingZero: r == "IT", lengths: lengths,
		})
	}
	return out
})

// scanNationalOK reports whether digits (ASCII, no plus), written as a national number,
// are a phone number in one of scanNationalRegions. grouped says whether the text split
// the digits into groups or brackets. Each region's check costs one of budget.
func (s *textScanner) scanNationalOK(digits []byte, grouped bool, budget *int) bool {
	for _, nat := range scanNationals() {
		nsn := digits
		switch {
		case nat.trunk != "" && len(digits) > len(nat.trunk) && string(digits[:len(nat.trunk)]) == nat.trunk:
			nsn = digits[len(nat.trunk):]
		case !nat.bare:
			continue
		case !grouped && nat.cc != 1 && !(nat.cc == 86 && scanCNMobileShape(digits)):
			continue
		}
		if len(nsn) < 5 || len(nsn) > 14 || nat.lengths&(1<<len(nsn)) == 0 || nat.cc == 1 && nsn[0] == '1' {
			continue
		}
		key := scanVerdictKey{cc: nat.cc, nsn: nsn}
		if nsn[0] == '0' {
			if !nat.leadingZero || len(nsn) > 1 && nsn[1] == '0' {
				continue
			}
			key.zeros = 1
		}
		if *budget--; s.scanKeyAccept(key) {
			return true
		}
		if *budget < 0 {
			return false
		}
	}
	return false
}

// scanCNMobileShape reports whether digits are shaped like a Chinese mobile number as
// it is written in one piece: eleven digits, 1 then 3 to 9 ("13800138000"). Whether the
// range is assigned is left to the tables.
func scanCNMobileShape(digits []byte) bool {
	return len(digits) == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9'
}
