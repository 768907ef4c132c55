package freetext

import "testing"

// TestScanGovIDUnicodeSeparators checks that a national identifier grouped by Unicode
// spaces or dashes is found as one, masked as with ASCII separators: the identifier
// finder reads ASCII separators, so "123\u00a045\u00a06789" was taken for a phone number
// and kept its first five digits, the identifier's area and group, readable.
func TestScanGovIDUnicodeSeparators(t *testing.T) {
	tests := map[string]string{
		"SSN 123 45 6789":           "SSN *** ** 6789",
		"SSN 123\u00a045\u00a06789": "SSN ***\u00a0**\u00a06789",
		"SSN 123\u202f45\u202f6789": "SSN ***\u202f**\u202f6789",
		"SSN 123–45–6789":           "SSN ***–**–6789",
		// Phone numbers so written are found as before.
		"call 415\u00a0555\u00a02671": "call 415\u00a0555\u00a0XXXX",
		// A dash between words is no separator of anything.
		"a – b": "a – b",
	}
	scanCheckRedactTable(t, scanTestScanner(t, "", "valid"), tests)
}
