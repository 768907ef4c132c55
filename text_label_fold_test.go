package pii_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ef8f9424/pii"
)

// TestScanLabelAfterLengthChangingRunes checks Scan and RedactText on identifiers whose
// label follows runes whose lower case has another length: the finding is where the
// number is, RedactText hides it, is a fixed point, and does not panic.
func TestScanLabelAfterLengthChangingRunes(t *testing.T) {
	tests := []struct {
		text string
		want []pii.Finding
		red  string
	}{
		{"\u0130\u0130 SSN 123456789", []pii.Finding{{Kind: pii.KindGovID, Start: 9, End: 18}}, "\u0130\u0130 SSN *****6789"},
		{"\u212a SSN 123456789", []pii.Finding{{Kind: pii.KindGovID, Start: 8, End: 17}}, "\u212a SSN *****6789"},
		{"\u1e9e SSN 123456789", []pii.Finding{{Kind: pii.KindGovID, Start: 8, End: 17}}, "\u1e9e SSN *****6789"},
		{strings.Repeat("\u023a", 14) + "ssn 123456789", []pii.Finding{{Kind: pii.KindGovID, Start: 32, End: 41}}, strings.Repeat("\u023a", 14) + "ssn *****6789"},
		{strings.Repeat("\u212a", 6) + " SSNx 123456789", nil, strings.Repeat("\u212a", 6) + " SSNx 123456789"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, pii.Scan(tt.text)); diff != "" {
			t.Errorf("Scan(%q) (-want +got):\n%s", tt.text, diff)
		}
		red := pii.RedactText(tt.text)
		if diff := cmp.Diff(tt.red, red); diff != "" {
			t.Errorf("RedactText(%q) (-want +got):\n%s", tt.text, diff)
		}
		if again := pii.RedactText(red); again != red {
			t.Errorf("RedactText is not a fixed point: %q -> %q", red, again)
		}
	}
}
