package freetext

import (
	"testing"
)

// TestScanDecimalFractions checks that the digits after a decimal point are not read as
// a phone number: "0.4155552671" and the coordinate "37.4155552671" lost their last
// four digits, the fraction read as a NANPA number. A calling code written with a dot
// ("+1.4155552671", as WHOIS records write numbers) is still a number.
func TestScanDecimalFractions(t *testing.T) {
	tests := map[string]string{
		"p=0.4155552671":                 "p=0.4155552671",
		"lat 37.4155552671":              "lat 37.4155552671",
		"at -122.4194155552, 37.1234567": "at -122.4194155552, 37.1234567",
		"ratio 1.4155552671":             "ratio 1.4155552671",
		"tel +1.4155552671":              "tel +1.415555XXXX",
		"call 415.555.2671":              "call 415.555.XXXX",
		"+33.6.12.34.56.78":              "+33.6.12.34.XX.XX",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}
