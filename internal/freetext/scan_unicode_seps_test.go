package freetext

import (
	"testing"
)

// TestScanCardUnicodeSeparators checks that a card number whose groups are split by the
// spaces and dashes that the phone finder reads (no-break, thin and ideographic spaces,
// en dashes, minus signs, " - ") is found as a card: the card finder knew only ASCII
// spaces, dashes and dots, and the phone finder then hid four of the sixteen digits,
// leaving twelve readable ("4111\u00a0XXXX\u00a01111\u00a01111").
func TestScanCardUnicodeSeparators(t *testing.T) {
	tests := map[string]string{
		"4111\u00a01111\u00a01111\u00a01111": "4111\u00a011**\u00a0****\u00a01111",
		"4111\u20091111\u20091111\u20091111": "4111\u200911**\u2009****\u20091111",
		"4111\u202f1111\u202f1111\u202f1111": "4111\u202f11**\u202f****\u202f1111",
		"4111\u30001111\u30001111\u30001111": "4111\u300011**\u3000****\u30001111",
		"4111–1111–1111–1111":                "4111–11**–****–1111",
		"4111−1111−1111−1111":                "4111−11**−****−1111",
		"4111－1111－1111－1111":                "4111－11**－****－1111",
		"4111 - 1111 - 1111 - 1111":          "4111 - 11** - **** - 1111",
		"card: 5500 – 0000 – 0000 – 0004.":   "card: 5500 – 00** – **** – 0004.",
		// A failed Luhn check is no card, whatever the separators: its digits are read
		// as with ASCII spaces ("4111 1111 1111 1112" -> "4111 XXXX 1111 1112").
		"4111\u00a01111\u00a01111\u00a01112": "4111\u00a0XXXX\u00a01111\u00a01112",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}

// TestScanIBANUnicodeSeparators checks that an IBAN grouped by no-break spaces or en
// dashes is found: the IBAN finder read only ASCII spaces, dashes and dots between its
// groups, and nothing else found such an IBAN (its letters start no phone number).
func TestScanIBANUnicodeSeparators(t *testing.T) {
	tests := map[string]string{
		"DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000": "DE**\u00a0****\u00a0****\u00a0****\u00a0**30\u00a000",
		"DE89–3704–0044–0532–0130–00":                          "DE**–****–****–****–**30–00",
		"GB82\u202fWEST\u202f1234\u202f5698\u202f7654\u202f32": "GB**\u202f****\u202f****\u202f****\u202f**54\u202f32",
		// The check still decides.
		"DE88\u00a03704\u00a00044\u00a00532\u00a00130\u00a000": "DE88\u00a03704\u00a00044\u00a00532\u00a00130\u00a000",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}

// TestScanInvisibleCharacters checks that characters that show nothing (zero-width
// space, joiners, word joiner, byte order mark, soft hyphen) hide no finding of any
// kind: inside a card number, an identifier, an IBAN, an address, they ended what the
// detectors read, and the value passed through whole.
func TestScanInvisibleCharacters(t *testing.T) {
	tests := map[string]string{
		"4111\u200b1111\u200b1111\u200b1111": "4111\u200b11**\u200b****\u200b1111",
		"41\u200b11111111111111":             "41\u200b1111******1111",
		"SSN 123\u200b-45-6789":              "SSN ***\u200b-**-6789",
		"DE89\u200b370400440532013000":       "DE**\u200b**************3000",
		"10.0.0\u200b.1":                     "x", // the mask cannot read it: all goes
		"jane\u200b@example.com":             "***@example.com",
		"jane@exa\u200bmple.com":             "***@exa\u200bmple.com",
		"ja\u00adne@example.com":             "***@example.com",
		"\ufeff4111111111111111":             "\ufeff411111******1111",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}
