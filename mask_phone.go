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
	if out, ok := maskPhoneASCII(s); ok {
		return out
	}
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

// maskPhoneASCII is maskPhone for a value of ASCII bytes only, which nearly every
// phone number is: the same rules, in one forward pass over the bytes (no rune
// decoding, no Unicode tables), one short backward pass for the last four slots, and a
// single allocation of exactly len(s) bytes for the result. ok is false when s holds a
// byte that is not ASCII and no '@': the caller then takes the Unicode path (a digit or
// letter of another script changes where slots and extensions are).
func maskPhoneASCII(s string) (out string, ok bool) {
	ext := -1 // where the extension starts, once found
	anySlot := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '@':
			return "", true // fail closed, whatever else s holds
		case c >= utf8.RuneSelf:
			return "", false
		case ext >= 0:
			// Past the extension's start only '@' and non-ASCII bytes matter.
		case c == 'x' || c == 'X':
			if anySlot && maskNextIsASCIIDigit(s[i+1:]) {
				ext = i
			}
			anySlot = true
		case maskIsASCIIDigit(c):
			anySlot = true
		case anySlot && (c == '#' || c == ';' || c == ',' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'):
			ext = i
		}
	}
	if !anySlot {
		return "", true
	}
	if ext < 0 {
		ext = len(s)
	}
	// cut: the offset of the fourth-last digit slot before the extension, or 0.
	cut, slots := ext, 0
	for cut > 0 && slots < 4 {
		cut--
		if c := s[cut]; c == 'X' || c == 'x' || maskIsASCIIDigit(c) {
			slots++
		}
	}
	// Every digit from cut on becomes 'X'; none there means s is already masked.
	first := cut
	for first < len(s) && !maskIsASCIIDigit(s[first]) {
		first++
	}
	if first == len(s) {
		return s, true
	}
	b := make([]byte, len(s))
	copy(b, s)
	for i := first; i < len(b); i++ {
		if maskIsASCIIDigit(b[i]) {
			b[i] = 'X'
		}
	}
	return maskOwnString(b), true
}

// maskNextIsASCIIDigit is maskNextIsDigit for ASCII s (a non-ASCII byte is not a
// digit here; maskPhoneASCII gives up on such an s anyway).
func maskNextIsASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '.' {
			return maskIsASCIIDigit(c)
		}
	}
	return false
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
