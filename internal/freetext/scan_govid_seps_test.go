package freetext

import "testing"

// TestScanGovIDUnicodeSeparators checks that a national identifier grouped by Unicode
// spaces or dashes is found as one: the identifier finder reads ASCII separators, so
// "123\u00a045\u00a06789" was taken for a phone number and kept its first five digits,
// the identifier's area and group, readable.
func TestScanGovIDUnicodeSeparators(t *testing.T) {
	s := scanTestScanner(t, "", "valid")
	ascii := map[string]string{
		"SSN 123 45 6789": "",
		"SSN 123-45-6789": "",
	}
	for in := range ascii {
		ascii[in] = s.redact(in, nil)
	}
	tests := map[string]string{
		"SSN 123\u00a045\u00a06789": ascii["SSN 123 45 6789"][:7] + "\u00a0" + ascii["SSN 123 45 6789"][8:10] + "\u00a0" + ascii["SSN 123 45 6789"][11:],
		"SSN 123\u202f45\u202f6789": ascii["SSN 123 45 6789"][:7] + "\u202f" + ascii["SSN 123 45 6789"][8:10] + "\u202f" + ascii["SSN 123 45 6789"][11:],
		"SSN 123–45–6789":           ascii["SSN 123-45-6789"][:7] + "–" + ascii["SSN 123-45-6789"][8:10] + "–" + ascii["SSN 123-45-6789"][11:],
		// Phone numbers so written are found as before.
		"call 415\u00a0555\u00a02671": "call 415\u00a0555\u00a0XXXX",
		// A dash between words is no separator of anything.
		"a – b": "a – b",
	}
	scanCheckRedactTable(t, s, tests)
}
