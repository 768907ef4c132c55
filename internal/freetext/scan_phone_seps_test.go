package freetext

import (
	"testing"
)

// TestScanPhoneInvisibleAndOddSeparators checks that a phone number is found when
// characters that show nothing (zero-width space and joiners, word joiner, byte order
// mark, soft hyphen) sit between its digits, as copy and paste or a deliberate attempt
// to slip past a filter leaves them, and when its groups are split by dots and dashes
// beyond ASCII (middle dots, the katakana middle dot, the ideographic full stop, small
// and bullet hyphens). Each of these ended the digits before it, and the number passed
// through.
func TestScanPhoneInvisibleAndOddSeparators(t *testing.T) {
	tests := map[string]string{
		"415\u200b555\u200b2671": "415\u200b555\u200bXXXX",
		"4155\u200c552671":       "4155\u200c55XXXX",
		"415\u200d555\u200d2671": "415\u200d555\u200dXXXX",
		"415\u2060555\u20602671": "415\u2060555\u2060XXXX",
		"415\ufeff555\ufeff2671": "415\ufeff555\ufeffXXXX",
		"415\u00ad555\u00ad2671": "415\u00ad555\u00adXXXX",
		"+4\u200b4 20 7946 0958": "+4\u200b4 20 7946 XXXX",
		"call 4\u200b1\u200b5\u200b5\u200b5\u200b5\u200b2\u200b6\u200b7\u200b1": "call 4\u200b1\u200b5\u200b5\u200b5\u200b5\u200bX\u200bX\u200bX\u200bX",
		"415·555·2671": "415·555·XXXX",
		"415・555・2671": "415・555・XXXX",
		"415･555･2671": "415･555･XXXX",
		"415‧555‧2671": "415‧555‧XXXX",
		"415․555․2671": "415․555․XXXX",
		"415。555。2671": "415。555。XXXX",
		"415﹣555﹣2671": "415﹣555﹣XXXX",
		"415⁃555⁃2671": "415⁃555⁃XXXX",
		"03・1234・5678": "03・1234・XXXX",
		// What is no number stays.
		"v1·2·3":           "v1·2·3",
		"2024\u200b-01-15": "2024\u200b-01-15",
		"a\u200bb":         "a\u200bb",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}
