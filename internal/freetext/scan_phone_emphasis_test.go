package freetext

import (
	"testing"
)

// TestScanPhoneEmphasis checks that a phone number inside markdown emphasis is found:
// the closing stars of "**415-555-2671**" were read as a mask that redaction had written
// after the number's digits, the last group was taken for what a mask left, and the
// whole number passed through. Stars that close what stars opened before the number
// are markup; the digits of a redacted card before its stars ("4111 11** ****") still
// start no number.
func TestScanPhoneEmphasis(t *testing.T) {
	tests := map[string]string{
		"**415-555-2671**":               "**415-555-XXXX**",
		"*415-555-2671*":                 "*415-555-XXXX*",
		"***415-555-2671***":             "***415-555-XXXX***",
		"**+14155552671**":               "**+1415555XXXX**",
		"**4155552671**":                 "**415555XXXX**",
		"*+1 415 555 2671*":              "*+1 415 555 XXXX*",
		"**+44 20 7946 0958**":           "**+44 20 7946 XXXX**",
		"call **415-555-2671** now":      "call **415-555-XXXX** now",
		"**(415) 555-2671**":             "**(415) 555-XXXX**",
		"call me: **415 555 2671**, bye": "call me: **415 555 XXXX**, bye",
		// Masks stay masks.
		"4111 11** **** 1111":     "4111 11** **** 1111",
		"**4111 11** **** 1111**": "**4111 11** **** 1111**",
		"415-555-XXXX**":          "415-555-XXXX**",
		"**415-555-XXXX**":        "**415-555-XXXX**",
		// Unbalanced stars are not emphasis of the number.
		"415-555-2671**": "415-555-2671**",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}
