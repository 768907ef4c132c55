package freetext

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanLabelCaseFolding checks the labels of national identifiers after runes whose
// lower case has another length (İ, ẞ, Ⱥ, the Kelvin sign K), after bytes that are no
// UTF-8, and written with such runes (ſ for s): the findings are where the identifier is
// in the text, a label glued to a word stays no label, and redaction is a fixed point.
func TestScanLabelCaseFolding(t *testing.T) {
	tests := []struct {
		text string
		want []Finding
	}{
		{"\u0130\u0130 SSN 123456789", []Finding{{KindGovID, 9, 18}}},
		{"\u212a SSN 123456789", []Finding{{KindGovID, 8, 17}}},
		{"\u1e9e SSN 123456789", []Finding{{KindGovID, 8, 17}}},
		{"\u023a\u023a BSN 123456782", []Finding{{KindGovID, 9, 18}}},
		{"\u212a\u212a: BSN 123456782", []Finding{{KindGovID, 12, 21}}},
		{"\u0130\u0130\u0130 Aadhaar 234123412346", []Finding{{KindGovID, 15, 27}}},
		{"\u212a\u212a passport \u0130 ssn 123456789", []Finding{{KindGovID, 23, 32}}},
		{"\u017f\u017fn 123456789", []Finding{{KindGovID, 6, 15}}}, // ſ folds to s
		{"\u212ala BSN 123456782", []Finding{{KindGovID, 10, 19}}}, // the Kelvin sign before the label
		// Lower case grows these: the label sits at the end of the 32 bytes before the
		// number, and offsets read in a lower-cased copy ran past the text.
		{strings.Repeat("\u023a", 14) + "ssn 123456789", []Finding{{KindGovID, 32, 41}}},
		{strings.Repeat("\xff", 10) + "ssn 123456789", []Finding{{KindGovID, 14, 23}}},
		// A label glued to a word is none, whatever precedes it.
		{strings.Repeat("\u212a", 6) + " SSNx 123456789", nil},
		{strings.Repeat("\u212a", 6) + " xSSN 123456789", nil},
		{strings.Repeat("\u0130", 6) + " xBSN 123456782", nil},
		{"\u212a\u212a\u212a no label 123456789", nil},
	}
	s := scanTestScanner(t, "", "valid")
	for _, tt := range tests {
		got := s.scan(tt.text, nil, nil)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("scan(%q) (-want +got):\n%s", tt.text, diff)
		}
		red := s.redact(tt.text, nil)
		if again := s.redact(red, nil); again != red {
			t.Errorf("redact is not a fixed point: %q -> %q", red, again)
		}
		for _, f := range got {
			if strings.Contains(red, tt.text[f.Start:f.End]) {
				t.Errorf("redact(%q) = %q, keeps %q", tt.text, red, tt.text[f.Start:f.End])
			}
		}
	}
}

// TestScanLabelAt checks the in-place comparison of a label: offsets are those of the
// text, whatever the length of the runes' lower case.
func TestScanLabelAt(t *testing.T) {
	tests := []struct {
		s, label string
		k        int
		end      int
		ok       bool
	}{
		{"SSN", "ssn", 0, 3, true},
		{"x\u017fSN", "ssn", 1, 5, true},
		{"\u212aey", "key", 0, 5, true},
		{"\u0130d", "id", 0, 3, true},
		{"\u023asn", "asn", 0, 0, false},
		{"SS", "ssn", 0, 0, false},
		{"S\xffN", "ssn", 0, 0, false},
	}
	for _, tt := range tests {
		end, ok := scanLabelAt(tt.s, tt.k, tt.label)
		if diff := cmp.Diff([2]any{tt.end, tt.ok}, [2]any{end, ok}); diff != "" {
			t.Errorf("scanLabelAt(%q, %d, %q) (-want +got):\n%s", tt.s, tt.k, tt.label, diff)
		}
	}
}
