package freetext

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanNamesMarkup checks that a record's name is found when markup surrounds it
// (markdown emphasis, strike-through, code spans, underscores of a handle): punctuation
// that no name holds ends the name. A name inside a longer word, or glued to digits,
// is still no finding.
func TestScanNamesMarkup(t *testing.T) {
	tests := []struct {
		text  string
		names []string
		want  []Finding
		red   string
	}{
		{"hi **Jane** ok", []string{"Jane"}, []Finding{{KindName, 5, 9}}, "hi **J.** ok"},
		{"hi *Jane Doe* ok", []string{"Jane Doe"}, []Finding{{KindName, 4, 12}}, "hi *J. D.* ok"},
		{"hi _Jane_ ok", []string{"Jane"}, []Finding{{KindName, 4, 8}}, "hi _J._ ok"},
		{"hi __Jane__ ok", []string{"Jane"}, []Finding{{KindName, 5, 9}}, "hi __J.__ ok"},
		{"hi ~~Jane~~ ok", []string{"Jane"}, []Finding{{KindName, 5, 9}}, "hi ~~J.~~ ok"},
		{"hi `Jane` ok", []string{"Jane"}, []Finding{{KindName, 4, 8}}, "hi `J.` ok"},
		{"***Jane Doe***", []string{"Jane Doe"}, []Finding{{KindName, 3, 11}}, "***J. D.***"},
		{"**Doe**, *Jane*", []string{"Jane Doe"}, []Finding{{KindName, 2, 5}, {KindName, 10, 14}}, "**D.**, *J.*"},
		{"user_jane_doe", []string{"Jane Doe"}, []Finding{{KindName, 5, 9}, {KindName, 10, 13}}, "user_j._d."},
		{"*Ｊａｎｅ*", []string{"Jane"}, []Finding{{KindName, 1, 13}}, "*Ｊ.*"},
		{"_José_", []string{"Jose"}, []Finding{{KindName, 1, 6}}, "_J._"},
		// What must stay: a name inside a longer word, or glued to letters or digits.
		{"**Janet** and _Janeway_", []string{"Jane"}, nil, "**Janet** and _Janeway_"},
		{"*Jane2* and *2Jane*", []string{"Jane"}, nil, "*Jane2* and *2Jane*"},
		{"`MaryJane`", []string{"Jane"}, nil, "`MaryJane`"},
		{"see https://example.com/_janeway_/x_janet", []string{"Jane"}, nil, "see https://example.com/_janeway_/x_janet"},
		{"mail janet_doe@example.com", []string{"Jane"}, []Finding{{KindEmail, 5, 26}}, "mail ***@example.com"},
	}
	s := scanTestScanner(t, "", "valid")
	for _, tt := range tests {
		got := s.scan(tt.text, tt.names, nil)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("scan(%q, %q) (-want +got):\n%s", tt.text, tt.names, diff)
		}
		red := s.redact(tt.text, tt.names)
		if diff := cmp.Diff(tt.red, red); diff != "" {
			t.Errorf("redact(%q, %q) (-want +got):\n%s", tt.text, tt.names, diff)
		}
		if again := s.redact(red, tt.names); again != red {
			t.Errorf("redact is not a fixed point: %q -> %q", red, again)
		}
	}
}
