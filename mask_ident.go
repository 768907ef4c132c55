package pii

import (
	"unicode"
	"unicode/utf8"
)

// maskAppendCard appends the default redaction of a payment card number (PCI DSS 3.4):
// at most the first six and the last four digits are shown, every other digit becomes
// '*' and separators are kept: "4111 1111 1111 1111" gives "4111 11** **** 1111". A
// number of fewer than 13 digit slots shows only its last four, and one of four or
// fewer shows none (a CVV or PIN in the wrong field). '*', 'X' and 'x' count as masked
// slots, so a masked number is its own redaction.
//
// Fail closed: the value must be one card number, digit slots separated by spaces,
// '-' or '.', at most 19 of them, and, when none is masked, ASCII digits that pass the
// Luhn check. Anything else (an expiry date or security code after the number, two
// numbers, a typo) has every digit hidden, and a value holding a letter (the holder's
// name, a brand) or a symbol gives "".
func maskAppendCard(dst []byte, s string) []byte {
	n, masked := 0, false
	var sum [2]int // Luhn sums with the digits at even (0) or odd (1) positions doubled
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			d := int(c - '0')
			dd := 2 * d
			if dd > 9 {
				dd -= 9
			}
			sum[n&1] += dd
			sum[(n+1)&1] += d
			n++
		case c == '*' || c == 'X' || c == 'x':
			masked = true
			n++
		case c == ' ' || c == '-' || c == '.':
		default:
			return maskAppendDigitsHidden(dst, s, '*') // another script's digit, a letter, a symbol
		}
	}
	switch {
	case n > 19:
		return maskAppendDigitsHidden(dst, s, '*')
	case n > 4 && !masked && sum[(n-1)&1^1]%10 != 0:
		return maskAppendDigitsHidden(dst, s, '*') // not a card number
	}
	j := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' || c == '*' || c == 'X' || c == 'x' {
			if !(n >= 13 && j < 6 || n > 4 && j >= n-4) && '0' <= c && c <= '9' {
				c = '*'
			}
			j++
		}
		dst = append(dst, c)
	}
	return dst
}

// maskAppendDigitsHidden appends s with every digit, of any script, replaced by mask:
// the fail-closed redaction of a field meant to hold one number that holds something
// else. 'X', 'x', spaces and punctuation stay; 'X', 'x' and mask itself count as
// masked digits. A value with anything else (a letter, '@', a symbol, invalid UTF-8),
// or with no digit slot at all, gives nothing.
func maskAppendDigitsHidden(dst []byte, s string, mask byte) []byte {
	start := len(dst)
	slot := false
	for i := 0; i < len(s); {
		r, size := maskRuneAt(s, i)
		switch {
		case maskIsDigit(r):
			dst = append(dst, mask)
			slot = true
		case r == 'X' || r == 'x' || r == rune(mask):
			dst = append(dst, byte(r))
			slot = true
		case r < utf8.RuneSelf && maskPhoneClass[r]&maskPhoneKeep != 0,
			r >= utf8.RuneSelf && (maskIsSepRune(r) || r == 0x85 || r == 0x2028 || r == 0x2029):
			dst = append(dst, s[i:i+size]...)
		default:
			return dst[:start]
		}
		i += size
	}
	if !slot {
		return dst[:start]
	}
	return dst
}

// maskIDMaxSlots is the most letters and digits of one identifier: an IBAN's 34.
const maskIDMaxSlots = 34

// maskAppendID appends the default redaction of a government ID or an account number:
// every letter and digit but the last four becomes '*', separators kept:
// "123-45-6789" gives "***-**-6789", "DE89370400440532013000" gives
// "******************3000". Letters count because passport and national ID numbers
// carry them. A value of four letters and digits or fewer is all '*'.
//
// Fail closed: a value of more than 34 letters and digits (no identifier is longer), or
// whose last four hold a letter of a word rather than of a code (a run of two letters
// or more without a digit: "123-45-6789 Jane"), has every letter and digit hidden. An
// invalid byte counts as a letter.
func maskAppendID(dst []byte, s string) []byte {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			n += int(maskIDSlotASCII[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if maskIsIDSlot(r) {
			n++
		}
		i += size
	}
	keep := 4
	if n <= 4 || n > maskIDMaxSlots || !maskIDTailIsCode(s) {
		keep = 0
	}
	return maskAppendSlots(dst, s, n, 0, keep)
}

// maskIsIDSlot reports whether r is a slot of an identifier or postal code: a letter or
// digit of any script, '*', or an invalid byte (which may be a letter in another
// encoding).
func maskIsIDSlot(r rune) bool {
	return r == '*' || r == utf8.RuneError || maskIsAlnum(r)
}

// maskIDSlotASCII is maskIsIDSlot for the ASCII bytes: 1 for a slot, 0 for another.
var maskIDSlotASCII = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		if maskIsIDSlot(c) {
			t[c] = 1
		}
	}
	return t
}()

// maskAppendSlots appends s with every slot (maskIsIDSlot) but the first head and the
// last tail of n replaced by '*'. Everything else is kept as written.
func maskAppendSlots(dst []byte, s string, n, head, tail int) []byte {
	j := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if maskIDSlotASCII[c] != 0 {
				if j >= head && j < n-tail {
					c = '*'
				}
				j++
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if maskIsIDSlot(r) {
			if j >= head && j < n-tail {
				dst = append(dst, '*')
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			j++
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// maskIDTailIsCode reports whether every letter among the last four slots of s belongs
// to a run of slots that holds a digit or a '*', or stands alone ("QQ 12 34 56 C"):
// letters of a code, not of a word.
func maskIDTailIsCode(s string) bool {
	slots := 0
	runLen, runDigit, runLetterKept := 0, false, false
	for i := len(s); i > 0; {
		r, size := rune(s[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRuneInString(s[:i])
		}
		i -= size
		if r < utf8.RuneSelf && maskIDSlotASCII[r] == 0 || r >= utf8.RuneSelf && !maskIsIDSlot(r) {
			if runLetterKept && !runDigit && runLen > 1 {
				return false
			}
			if slots >= 4 {
				return true
			}
			runLen, runDigit, runLetterKept = 0, false, false
			continue
		}
		runLen++
		switch {
		case maskIsDigit(r) || r == '*': // a '*' may hide a digit: the mask of a code is a code
			runDigit = true
		case slots < 4:
			runLetterKept = true
		}
		slots++
	}
	return !(runLetterKept && !runDigit && runLen > 1)
}

// maskPostalMaxSlots is the most letters and digits of one postal code.
const maskPostalMaxSlots = 10

// maskAppendPostal appends the default redaction of a postal code: its first three
// letters and digits are kept (HIPAA's three-digit ZIP, the UK outward code's area and
// district), every later letter or digit becomes '*', separators kept: "94105" gives
// "941**", "94105-1234" gives "941**-****", "SW1A 1AA" gives "SW1* ***".
//
// A US ZIP code (5 or 9 digits) whose three-digit prefix covers fewer than 20,000
// people keeps "000" instead, as HIPAA's Safe Harbor rule requires (the 17 prefixes
// HHS lists from the 2000 census). A postal code of another country that looks the same
// is masked the same way: more hidden, never less.
//
// Fail closed: the value must be one postal code, at most ten letters and digits in one
// or two groups (separated by a space or '-'), the first of which holds a digit. Anything
// else (an address, a city, a word: "Jane 94105") has every letter and digit hidden.
func maskAppendPostal(dst []byte, s string) []byte {
	if len(s) >= 3 && len(s) <= maskPostalMaxSlots && jurisAllDigits(s) {
		// Fast path: a code of digits only, a ZIP code most often.
		if (len(s) == 5 || len(s) == 9) && restrictedZIP3(s) {
			dst = append(dst, "000"...)
		} else {
			dst = append(dst, s[:3]...)
		}
		for range len(s) - 3 {
			dst = append(dst, '*')
		}
		return dst
	}
	n, digits, groups := 0, 0, 1
	firstDigit, sep := false, false
	var zip3 [3]byte
	for i := 0; i < len(s); {
		r, size := maskRuneAt(s, i)
		i += size
		switch {
		case r == ' ' || r == '-':
			if n > 0 && !sep && i < len(s) && s[i] != ' ' {
				sep = true
				groups++
			}
			continue
		case r < utf8.RuneSelf && maskIDSlotASCII[r] == 0 || r >= utf8.RuneSelf && !maskIsIDSlot(r):
			groups = 99 // not a postal code
			continue
		}
		if '0' <= r && r <= '9' {
			if digits < 3 {
				zip3[digits] = byte(r)
			}
			digits++
		}
		if groups == 1 && ('0' <= r && r <= '9' || r == '*' || r >= utf8.RuneSelf && maskIsDigit(r)) {
			firstDigit = true
		}
		n++
		sep = false
	}
	switch {
	case groups > 2 || n > maskPostalMaxSlots || !firstDigit:
		return maskAppendSlots(dst, s, n, 0, 0)
	case (n == 5 || n == 9) && digits == n && restrictedZIP3(string(zip3[:])):
		return maskAppendZIPZero(dst, s)
	}
	return maskAppendSlots(dst, s, n, 3, 0)
}

// maskAppendZIPZero appends a US ZIP code of a restricted prefix as "000" and '*': its
// runes are ASCII digits and separators, so it is rewritten byte by byte.
func maskAppendZIPZero(dst []byte, s string) []byte {
	j := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' {
			c = '*'
			if j < 3 {
				c = '0'
			}
			j++
		}
		dst = append(dst, c)
	}
	return dst
}

// maskIsSepRune reports whether r, not ASCII, may separate the digits of a number: a
// space (no-break, thin, ideographic...) or a dash of any script, but not a line or
// paragraph separator, which splits a list.
func maskIsSepRune(r rune) bool {
	return r != utf8.RuneError && r != 0x85 && r != 0x2028 && r != 0x2029 && (unicode.IsSpace(r) || unicode.Is(unicode.Pd, r))
}
