package pii

import (
	"errors"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// ErrInvalidNumber is returned, wrapped, when a phone number given to the library (an
// owned number, WithOwnedNumbers) cannot be parsed as a possible number, or when the
// default region for numbers without a country code is not one phonenumbers knows. The
// error names the number's position in the list, never the number.
var ErrInvalidNumber = errors.New("invalid phone number")

// maskErrNotPossible is the reason given when phonenumbers parses a number that cannot
// be one (too short or too long for its country).
var maskErrNotPossible = errors.New("not a possible number")

// maskOwned is the set of the customer's own phone numbers (WithOwnedNumbers), which
// are never masked: the platform redacts the other party's number, not its customer's.
// The zero value owns nothing. It is immutable after newMaskOwned and safe for
// concurrent use.
type maskOwned struct {
	// digits is a set of every digit string an owned number may be written as, each
	// packed in a uint64 (maskOwnedPack), with how it may be written: maskOwnedIntl for
	// the country code and national number, which a leading '+' requires,
	// maskOwnedLocal for a national or international-prefix form. It is an open-
	// addressing hash table of a power-of-two size, at most half full; nil when no
	// number is owned.
	digits []maskOwnedSlot
	// tails is a set of the last four digits of every form in digits (bit n: the
	// four digits read as n), which turns most numbers away after a look at their
	// end: all the forms of one number end alike. nil when a form is shorter than
	// four digits, which the set cannot hold.
	tails *[(10000 + 63) / 64]uint64
}

// A maskOwnedSlot is one entry of maskOwned.digits; key 0 marks a free slot (no packed
// digit string is 0).
type maskOwnedSlot struct {
	key uint64
	how uint8
}

const (
	maskOwnedIntl  uint8 = 1 << iota // "14155550100", also written "+1 415 555 0100"
	maskOwnedLocal                   // "4155550100", "02079460018", "0114420..."
)

// maskOwnedMaxDigits bounds the digits has reads: an E.164 number has at most 15, and
// the international prefix "011" adds three. Eighteen digits after a leading 1 fit in a
// uint64 (maskOwnedPack).
const maskOwnedMaxDigits = 18

// maskOwnedPack packs a digit string of at most maskOwnedMaxDigits digits into a uint64:
// a 1, then the digits, read as a decimal number. The leading 1 keeps leading zeros
// ("0044..." and "44..." differ), and makes every key non-zero.
func maskOwnedPack(d string) (key uint64, ok bool) {
	if d == "" || len(d) > maskOwnedMaxDigits {
		return 0, false
	}
	key = 1
	for i := 0; i < len(d); i++ {
		key = key*10 + uint64(d[i]-'0')
	}
	return key, true
}

// maskOwnedHash is the home slot of key in a table of mask+1 slots (Fibonacci hashing).
func maskOwnedHash(key uint64, mask int) int {
	return int((key*0x9E3779B97F4A7C15)>>32) & mask
}

// lookup returns how the packed digit string key may be written, 0 if it is not owned.
func (o maskOwned) lookup(key uint64) uint8 {
	mask := len(o.digits) - 1
	for i := maskOwnedHash(key, mask); ; i = (i + 1) & mask {
		switch e := o.digits[i]; e.key {
		case key:
			return e.how
		case 0:
			return 0
		}
	}
}

// newMaskOwnedTable builds the hash table of the packed digit strings in forms.
func newMaskOwnedTable(forms map[string]uint8) []maskOwnedSlot {
	if len(forms) == 0 {
		return nil
	}
	size := 4
	for size < 2*len(forms) {
		size *= 2
	}
	t := make([]maskOwnedSlot, size)
	for d, how := range forms {
		key, ok := maskOwnedPack(d)
		if !ok {
			continue // longer than any number has reads: never matched, so masked
		}
		i := maskOwnedHash(key, size-1)
		for t[i].key != 0 && t[i].key != key {
			i = (i + 1) & (size - 1)
		}
		t[i].key = key
		t[i].how |= how
	}
	return t
}

// newMaskOwned builds the set of owned numbers. Each number is parsed with
// phonenumbers; region is the default region (ISO 3166 code, "US", "GB") for numbers
// written without '+'. With region "" every number must carry '+' or the international
// prefix "00" or "011". A number phonenumbers cannot parse, or that is not a possible
// number, is an ErrInvalidNumber error naming its index in numbers.
//
// It precomputes the digit strings has compares against, so that has neither parses
// nor allocates: the international digits, and for the default region the national
// significant number, the national format (with its trunk prefix, "0" in GB) and the
// form dialled from the region (its international prefix first). The international
// prefixes "00" and "011" and the "+44 (0)20" style are accepted whatever the region.
func newMaskOwned(numbers []string, region string) (maskOwned, error) {
	region = strings.ToUpper(region)
	if region != "" && !phonenumbers.GetSupportedRegions()[region] {
		return maskOwned{}, errorf("pii: owned numbers: unknown default region %q: %w", region, ErrInvalidNumber)
	}
	forms := make(map[string]uint8, 4*len(numbers)) // digit string -> how it may be written
	for i, raw := range numbers {
		in := raw
		if region == "" {
			in = maskIDDToPlus(raw)
		}
		num, err := phonenumbers.Parse(in, region)
		if err == nil && !phonenumbers.IsPossibleNumber(num) {
			err = maskErrNotPossible
		}
		if err != nil {
			return maskOwned{}, errorf("pii: owned number at index %d: %w: %w", i, ErrInvalidNumber, err)
		}
		cc := strconv.Itoa(int(num.GetCountryCode()))
		nsn := phonenumbers.GetNationalSignificantNumber(num)
		intl := cc + nsn
		forms[intl] |= maskOwnedIntl | maskOwnedLocal
		for _, idd := range [...]string{"00", "011"} {
			forms[idd+intl] |= maskOwnedLocal
		}
		// "+44 (0)20 7946 0018": the trunk prefix kept after the country code.
		if ndd := phonenumbers.GetNddPrefixForRegion(phonenumbers.GetRegionCodeForNumber(num), true); ndd != "" {
			forms[cc+ndd+nsn] |= maskOwnedIntl | maskOwnedLocal
		}
		if region == "" {
			continue
		}
		if int(num.GetCountryCode()) == phonenumbers.GetCountryCodeForRegion(region) {
			forms[nsn] |= maskOwnedLocal
			forms[maskDigitsOf(phonenumbers.Format(num, phonenumbers.NATIONAL))] |= maskOwnedLocal
			if ndd := phonenumbers.GetNddPrefixForRegion(region, true); ndd != "" {
				forms[ndd+nsn] |= maskOwnedLocal
			}
		}
		if d := maskDigitsOf(phonenumbers.FormatOutOfCountryCallingNumber(num, region)); d != "" {
			forms[d] |= maskOwnedLocal
		}
	}
	return maskOwned{digits: newMaskOwnedTable(forms), tails: newMaskOwnedTails(forms)}, nil
}

// newMaskOwnedTails builds the set of the forms' last four digits (maskOwned.tails); nil
// when a form has fewer.
func newMaskOwnedTails(forms map[string]uint8) *[(10000 + 63) / 64]uint64 {
	var t [(10000 + 63) / 64]uint64
	for d := range forms {
		if len(d) < 4 {
			return nil
		}
		n := 0
		for i := len(d) - 4; i < len(d); i++ {
			n = n*10 + int(d[i]-'0')
		}
		t[n/64] |= 1 << (n % 64)
	}
	return &t
}

// maskOwnedTail returns the last four digits of s read as a number, skipping the
// separators has skips; ok is false when s ends otherwise (fewer than four digits, or
// a byte has would refuse), which has then settles by reading all of s.
func maskOwnedTail(s string) (tail int, ok bool) {
	if len(s) >= 4 {
		// Most numbers end in four digits: read them at once.
		a, b, c, d := s[len(s)-4]-'0', s[len(s)-3]-'0', s[len(s)-2]-'0', s[len(s)-1]-'0'
		if a <= 9 && b <= 9 && c <= 9 && d <= 9 {
			return int(a)*1000 + int(b)*100 + int(c)*10 + int(d), true
		}
	}
	scale, n := 1, 0
	for i := len(s) - 1; i >= 0 && n < 4; i-- {
		c := s[i]
		switch maskOwnedClass[c] {
		case maskOwnedDigit:
			tail += int(c-'0') * scale
			scale *= 10
			n++
		case maskOwnedSep:
		default:
			if c == 0xa0 && i > 0 && s[i-1] == 0xc2 { // a no-break space
				i--
				continue
			}
			return 0, false
		}
	}
	return tail, n == 4
}

// maskIDDToPlus rewrites a number that starts, formatting aside, with the
// international prefix "00" or "011" to start with '+' instead, so that phonenumbers
// parses it without a default region.
func maskIDDToPlus(s string) string {
	d := maskDigitsOf(s)
	for _, idd := range [...]string{"011", "00"} {
		if strings.HasPrefix(d, idd) && strings.TrimLeft(s, " \t(")[0] == '0' {
			return "+" + d[len(idd):]
		}
	}
	return s
}

// maskDigitsOf returns the ASCII digits of s; it is used only when building the set.
func maskDigitsOf(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if maskIsASCIIDigit(s[i]) {
			sb.WriteByte(s[i])
		}
	}
	return sb.String()
}

// has reports whether s, in any formatting, is one of the owned numbers:
// "+1 (415) 555-0100", "14155550100", "+1.415.555.0100", and with default region US
// "(415) 555-0100" all are when +1 415 555 0100 is owned. s may hold ASCII digits, one
// leading '+', spaces, tabs, no-break spaces and the separators "-().\/"; anything
// else (a letter, an extension, an 'X' of a masked number) means not owned, so that
// the value is masked. It neither allocates nor parses: the digits are packed into a
// uint64 as they are read, and looked up in a small hash table.
func (o maskOwned) has(s string) bool {
	if len(o.digits) == 0 {
		return false
	}
	if o.tails != nil {
		if tail, ok := maskOwnedTail(s); ok && o.tails[tail/64]&(1<<(tail%64)) == 0 {
			return false
		}
	}
	key, n := uint64(1), 0
	plus := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch maskOwnedClass[c] {
		case maskOwnedDigit:
			if n == maskOwnedMaxDigits {
				return false
			}
			key = key*10 + uint64(c-'0')
			n++
		case maskOwnedSep:
		case maskOwnedPlus:
			if plus || n > 0 {
				return false
			}
			plus = true
		case maskOwnedNBSP: // the first byte of U+00A0, a no-break space
			if i+1 == len(s) || s[i+1] != 0xa0 {
				return false
			}
			i++
		default: // letters, 'X', invalid UTF-8, everything else
			return false
		}
	}
	if n == 0 {
		return false
	}
	how := o.lookup(key)
	if plus {
		return how&maskOwnedIntl != 0
	}
	return how != 0
}

// empty reports whether the set holds no number, so that the free-text finder skips
// the check.
func (o maskOwned) empty() bool { return len(o.digits) == 0 }

// What has makes of a byte (maskOwnedClass); 0 ends the number: not owned.
const (
	maskOwnedDigit = 1 + iota
	maskOwnedSep   // spaces and the separators has skips
	maskOwnedPlus
	maskOwnedNBSP // the first byte of U+00A0
)

// maskOwnedClass classifies bytes for has: one load per byte, where a switch over the
// separators would be a chain of compares.
var maskOwnedClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = maskOwnedDigit
	}
	for _, c := range " \t-().\\/" {
		t[c] = maskOwnedSep
	}
	t['+'] = maskOwnedPlus
	t[0xc2] = maskOwnedNBSP
	return t
}()
