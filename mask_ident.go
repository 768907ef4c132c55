package pii

import (
	"strings"
	"unicode/utf8"
)

// A maskSlotRule says which runes of a value are slots and which slots are kept.
type maskSlotRule uint8

const (
	maskRuleCard   maskSlotRule = iota // digits and masks; first six and last four of 13 or more
	maskRuleLast4                      // letters, digits and '*'; the last four of five or more
	maskRuleFirst3                     // letters, digits and '*'; the first three
)

// isSlot reports whether r is a slot under the rule.
func (rule maskSlotRule) isSlot(r rune) bool {
	if rule == maskRuleCard {
		return maskIsCardSlot(r)
	}
	return maskIsAlnumSlot(r)
}

// isASCIISlot is isSlot for an ASCII byte, answered without the Unicode tables.
func (rule maskSlotRule) isASCIISlot(c byte) bool {
	switch {
	case c == '*' || '0' <= c && c <= '9':
		return true
	case rule == maskRuleCard:
		return c == 'X' || c == 'x'
	}
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// keep reports whether slot number j (from 0) of n is shown under the rule.
func (rule maskSlotRule) keep(j, n int) bool {
	switch rule {
	case maskRuleCard:
		return n >= 13 && j < 6 || n > 4 && j >= n-4
	case maskRuleLast4:
		return n > 4 && j >= n-4
	}
	return j < 3
}

// maskSlots rewrites the slots of s, the runes rule.isSlot accepts, keeping slot number
// j when rule.keep(j, n) for n slots in all, and writing '*' for every other slot that
// is not already a mask character ('*', 'X', 'x'). Everything else in s is kept as
// written. It returns s itself when nothing changes, and allocates once otherwise: a
// '*' is never longer than the rune it hides.
func maskSlots(s string, rule maskSlotRule) string {
	if maskIsASCII(s) {
		return maskSlotsASCII(s, rule)
	}
	n := 0
	for _, r := range s {
		if rule.isSlot(r) {
			n++
		}
	}
	// The first slot that must change, if any.
	first, j := -1, 0
	for i, r := range s {
		if !rule.isSlot(r) {
			continue
		}
		if !rule.keep(j, n) && !maskIsMaskRune(r) {
			first = i
			break
		}
		j++
	}
	if first < 0 {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	sb.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if rule.isSlot(r) {
			if !rule.keep(j, n) && !maskIsMaskRune(r) {
				sb.WriteByte('*')
			} else {
				sb.WriteString(s[i : i+size])
			}
			j++
		} else {
			sb.WriteString(s[i : i+size])
		}
		i += size
	}
	return sb.String()
}

// maskSlotsASCII is maskSlots for ASCII s, the usual case: one byte is one rune, so the
// slots are classified without decoding and the result, of the length of s, is a copy
// of s with some bytes replaced by '*'.
func maskSlotsASCII(s string, rule maskSlotRule) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if rule.isASCIISlot(s[i]) {
			n++
		}
	}
	// The first slot that must change, if any.
	first, j := -1, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !rule.isASCIISlot(c) {
			continue
		}
		if !rule.keep(j, n) && !maskIsMaskByte(c) {
			first = i
			break
		}
		j++
	}
	if first < 0 {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s)
	for i := first; i < len(b); i++ {
		c := b[i]
		if !rule.isASCIISlot(c) {
			continue
		}
		if !rule.keep(j, n) && !maskIsMaskByte(c) {
			b[i] = '*'
		}
		j++
	}
	return maskOwnString(b)
}

// maskIsMaskRune reports whether r is a character that already stands for a hidden
// one.
func maskIsMaskRune(r rune) bool { return r == '*' || r == 'X' || r == 'x' }

// maskIsMaskByte is maskIsMaskRune for a byte.
func maskIsMaskByte(c byte) bool { return c == '*' || c == 'X' || c == 'x' }

// maskIsCardSlot: a card number's slots are its digits and the characters that mask
// digits ("4111 11** **** 1111", "XXXX XXXX XXXX 1111").
func maskIsCardSlot(r rune) bool { return maskIsMaskRune(r) || maskIsDigit(r) }

// maskIsAlnumSlot: an identifier's slots are its letters and digits, and '*'.
func maskIsAlnumSlot(r rune) bool { return r == '*' || maskIsAlnum(r) }

// maskCard is the default redaction of a payment card number (PCI DSS 3.4): at most the
// first six and the last four digits are shown, every other digit becomes '*' and
// separators are kept: "4111 1111 1111 1111" gives "4111 11** **** 1111". A number of
// fewer than 13 digit slots (no PAN is shorter) shows only its last four, and one of
// four or fewer shows none (a CVV or PIN in the wrong field). '*', 'X' and 'x' count
// as masked slots, so a masked number is its own redaction.
func maskCard(s string) string {
	return maskSlots(s, maskRuleCard)
}

// maskKeepLast4 is the default redaction of a government ID or an account number:
// every letter and digit but the last four becomes '*', separators kept:
// "123-45-6789" gives "***-**-6789", "DE89370400440532013000" gives
// "******************3000". Letters count because passport and national ID numbers
// carry them. A value of four letters and digits or fewer is all '*'.
func maskKeepLast4(s string) string {
	return maskSlots(s, maskRuleLast4)
}

// maskPostal is the default redaction of a postal code: its first three letters and
// digits are kept (HIPAA's three-digit ZIP, the UK outward code's area and district),
// every later letter or digit becomes '*', separators kept: "94105" gives "941**",
// "94105-1234" gives "941**-****", "SW1A 1AA" gives "SW1* ***".
//
// A US ZIP code (5 or 9 digits) whose three-digit prefix covers fewer than 20,000
// people keeps "000" instead, as HIPAA's Safe Harbor rule requires (the 17 prefixes
// HHS lists from the 2000 census). A postal code of another country that looks the same
// is masked the same way: more hidden, never less.
func maskPostal(s string) string {
	n, digits := 0, 0
	var zip3 [3]byte
	for i, r := range s {
		if r < utf8.RuneSelf && maskRuleFirst3.isASCIISlot(s[i]) || r >= utf8.RuneSelf && maskIsAlnumSlot(r) {
			n++
		}
		if '0' <= r && r <= '9' {
			if digits < 3 {
				zip3[digits] = byte(r)
			}
			digits++
		}
	}
	if (n == 5 || n == 9) && digits == n && restrictedZIP3(string(zip3[:])) {
		return maskZIPZero(s)
	}
	return maskSlots(s, maskRuleFirst3)
}

// maskZIPZero writes a US ZIP code of a restricted prefix as "000" and '*': its runes
// are ASCII digits and separators, so it is rewritten byte by byte.
func maskZIPZero(s string) string {
	b := make([]byte, len(s))
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
		b[i] = c
	}
	return maskOwnString(b)
}
