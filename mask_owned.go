package pii

import (
	"errors"
	"fmt"
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
	// digits maps every digit string an owned number may be written as to how it may
	// be written: maskOwnedIntl for the country code and national number, which a
	// leading '+' requires, maskOwnedLocal for a national or international-prefix form.
	digits map[string]uint8
}

const (
	maskOwnedIntl  uint8 = 1 << iota // "14155550100", also written "+1 415 555 0100"
	maskOwnedLocal                   // "4155550100", "02079460018", "0114420..."
)

// maskOwnedMaxDigits bounds the digits has reads: an E.164 number has at most 15, and
// an international prefix such as "0011" adds a few.
const maskOwnedMaxDigits = 24

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
		return maskOwned{}, fmt.Errorf("pii: owned numbers: unknown default region %q: %w", region, ErrInvalidNumber)
	}
	o := maskOwned{digits: make(map[string]uint8, 4*len(numbers))}
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
			return maskOwned{}, fmt.Errorf("pii: owned number at index %d: %w: %w", i, ErrInvalidNumber, err)
		}
		cc := strconv.Itoa(int(num.GetCountryCode()))
		nsn := phonenumbers.GetNationalSignificantNumber(num)
		intl := cc + nsn
		o.digits[intl] |= maskOwnedIntl | maskOwnedLocal
		for _, idd := range [...]string{"00", "011"} {
			o.digits[idd+intl] |= maskOwnedLocal
		}
		// "+44 (0)20 7946 0018": the trunk prefix kept after the country code.
		if ndd := phonenumbers.GetNddPrefixForRegion(phonenumbers.GetRegionCodeForNumber(num), true); ndd != "" {
			o.digits[cc+ndd+nsn] |= maskOwnedIntl | maskOwnedLocal
		}
		if region == "" {
			continue
		}
		if int(num.GetCountryCode()) == phonenumbers.GetCountryCodeForRegion(region) {
			o.digits[nsn] |= maskOwnedLocal
			o.digits[maskDigitsOf(phonenumbers.Format(num, phonenumbers.NATIONAL))] |= maskOwnedLocal
			if ndd := phonenumbers.GetNddPrefixForRegion(region, true); ndd != "" {
				o.digits[ndd+nsn] |= maskOwnedLocal
			}
		}
		if d := maskDigitsOf(phonenumbers.FormatOutOfCountryCallingNumber(num, region)); d != "" {
			o.digits[d] |= maskOwnedLocal
		}
	}
	return o, nil
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
// the value is masked. It neither allocates nor parses.
func (o maskOwned) has(s string) bool {
	if len(o.digits) == 0 {
		return false
	}
	var buf [maskOwnedMaxDigits]byte
	n := 0
	plus := false
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			if n == len(buf) {
				return false
			}
			buf[n] = byte(r)
			n++
		case r == '+':
			if plus || n > 0 {
				return false
			}
			plus = true
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '-' || r == '(' || r == ')' ||
			r == '.' || r == '/' || r == '\\':
		default: // letters, 'X', invalid UTF-8, everything else
			return false
		}
	}
	if n == 0 {
		return false
	}
	how := o.digits[string(buf[:n])] // no allocation: the compiler looks up in place
	if plus {
		return how&maskOwnedIntl != 0
	}
	return how != 0
}
