package freetext

import "testing"

// TestScanNamesJoined checks that a record's names are found wherever text holds them:
// after an at sign, joined to other words by dots, slashes or dashes, and with their
// accents written as combining marks; but not inside a longer word.
func TestScanNamesJoined(t *testing.T) {
	tests := []struct {
		text  string
		names []string
		want  string
	}{
		{"@Jane said hi", []string{"Jane See"}, "@J. said hi"},
		{"Jane.See signed", []string{"Jane See"}, "J..S. signed"},
		{"Jane/Bob", []string{"Jane See"}, "J./Bob"},
		{"jane.doe and Jane-Doe", []string{"Jane Doe"}, "j..d. and J.-D."},
		{"Jane\u0301 here", []string{"Jane"}, "J. here"},
		{"Jose\u0301 here", []string{"José"}, "J. here"},
		{"Janet and Janeway", []string{"Jane"}, "Janet and Janeway"},
		{"cc jane@example.com", []string{"Jane"}, "cc ***@example.com"},
	}
	s := scanTestScanner(t, "", "valid")
	for _, tt := range tests {
		got := s.redact(tt.text, tt.names)
		if got != tt.want {
			t.Errorf("redact(%q, %q) = %q, want %q", tt.text, tt.names, got, tt.want)
		}
		if again := s.redact(got, tt.names); again != got {
			t.Errorf("redact is not a fixed point: %q -> %q", got, again)
		}
	}
}
