package pii

import "strings"

// PCI DSS card number masking, Req. 3.4.1: a displayed PAN shows at most its BIN and last
// four digits. The BIN may be eight digits under PCI DSS v4; this keeps six, the smaller,
// for every card and under every profile.

// jurisMaskChar replaces each hidden digit of a card number.
const jurisMaskChar = '*'

// Card numbers run from 12 to 19 digits (ISO/IEC 7812); PCI's "first six and last four"
// needs at least 13 for a digit to stay hidden between them.
const (
	jurisPANMin   = 13 // fewer digits is no PAN: only the last four may show
	jurisShowHead = 6
	jurisShowTail = 4
)

// jurisMaskCard masks a card number for display: with 13 or more digits, every digit
// after the first six and before the last four becomes '*'; with fewer, which is no valid
// card number, only the last four digits stay, and with four or fewer none does. Spaces,
// dashes and any other non-digit bytes keep their places, so "4111 1111 1111 1111" becomes
// "4111 11** **** 1111". A '*' counts as a digit position, which makes the function
// idempotent: a masked number comes back unchanged, as the same string (no allocation).
func jurisMaskCard(s string) string {
	n := 0 // digit positions: digits and mask characters
	for i := 0; i < len(s); i++ {
		if jurisCardPos(s[i]) {
			n++
		}
	}
	head, tail := jurisShowHead, jurisShowTail
	switch {
	case n < jurisPANMin && n > jurisShowTail:
		head = 0
	case n <= jurisShowTail:
		head, tail = 0, 0
	}
	// Find the first digit that must be hidden; most masked inputs have none.
	pos, first := 0, -1
	for i := 0; i < len(s); i++ {
		if !jurisCardPos(s[i]) {
			continue
		}
		if pos >= head && pos < n-tail && s[i] != jurisMaskChar {
			first = i
			break
		}
		pos++
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	for i := first; i < len(s); i++ {
		c := s[i]
		if jurisCardPos(c) {
			if pos >= head && pos < n-tail {
				c = jurisMaskChar
			}
			pos++
		}
		b.WriteByte(c)
	}
	return b.String()
}

// jurisCardPos reports whether c holds a digit position of a card number.
func jurisCardPos(c byte) bool { return c >= '0' && c <= '9' || c == jurisMaskChar }
