package pii

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maskPhone is the default redaction of a phone number: the last four digit slots of
// the number become 'X' and everything else is kept as written, so "+14155551234"
// gives "+1415555XXXX" and "+1 (415) 555-1234" gives "+1 (415) 555-XXXX".
//
//   - A digit slot is a decimal digit of any script, or an 'X'/'x', which counts as a
//     slot already masked: the second pass finds its last four slots masked and
//     changes nothing.
//   - A number with fewer than four digit slots has all of them masked.
//   - An extension ("ext. 12", ";ext=12", "#12", "x12", "доб. 12") is masked entirely,
//     as is anything after a ',' or ';' (a second number, a pause and more digits):
//     the slots counted for the last four are those of the number before it. An
//     extension starts at the first letter other than X/x, '#', ';' or ',' that comes
//     after a digit slot, or at an 'x'/'X' that follows a digit slot and is followed
//     (spaces and dots aside) by a real digit. Letters before the first digit
//     ("tel:", "Tel.") are kept.
//   - Fail closed: a value with no digit slot at all, or with an '@' (an email in a
//     phone field), gives "".
func maskPhone(s string) string {
	if strings.IndexByte(s, '@') >= 0 {
		return ""
	}
	ext, anySlot := maskPhoneExt(s)
	if !anySlot {
		return ""
	}
	// cut: the byte offset of the fourth-last digit slot before the extension, or 0
	// when there are fewer than four.
	cut, slots := ext, 0
	for cut > 0 && slots < 4 {
		r, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
		if maskIsPhoneSlot(r) {
			slots++
		}
	}
	if !maskHasDigit(s[cut:]) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s)) // a masked digit is one byte, never more than the digit it hides
	sb.WriteString(s[:cut])
	for i := cut; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if maskIsDigit(r) {
			sb.WriteByte('X')
		} else {
			sb.WriteString(s[i : i+size]) // the bytes as given, invalid ones included
		}
		i += size
	}
	return sb.String()
}

// maskPhoneExt returns the byte offset where the extension of phone number s starts
// (len(s) when it has none), and whether s has any digit slot. See maskPhone.
func maskPhoneExt(s string) (ext int, anySlot bool) {
	for i, r := range s {
		switch {
		case r == 'x' || r == 'X':
			if anySlot && maskNextIsDigit(s[i+1:]) {
				return i, true
			}
			anySlot = true
		case maskIsDigit(r):
			anySlot = true
		case anySlot && (r == '#' || r == ';' || r == ',' || unicode.IsLetter(r)):
			return i, true
		}
	}
	return len(s), anySlot
}

// maskNextIsDigit reports whether the first rune of s other than spaces and dots is a
// decimal digit.
func maskNextIsDigit(s string) bool {
	for _, r := range s {
		if r == ' ' || r == '.' {
			continue
		}
		return maskIsDigit(r)
	}
	return false
}

// maskIsPhoneSlot reports whether r is a digit slot of a phone number: a digit, or an
// 'X'/'x' that stands for a digit already masked.
func maskIsPhoneSlot(r rune) bool {
	return r == 'X' || r == 'x' || maskIsDigit(r)
}

// maskHasDigit reports whether s holds a decimal digit of any script.
func maskHasDigit(s string) bool {
	for _, r := range s {
		if maskIsDigit(r) {
			return true
		}
	}
	return false
}
