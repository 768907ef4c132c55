package freetext

import (
	"strings"
	"testing"
)

// TestReviewEmailStarsKeepEarlierAddress checks that an address whose domain runs into
// stars and another address's local part ("jane@example.com*bob@example.com") is hidden
// with the other: since stars are read into a local part, the second address reached
// back into the first one's domain, won the overlap, and left "jane" readable, which no
// later pass finds (its domain is gone).
func TestReviewEmailStarsKeepEarlierAddress(t *testing.T) {
	s := scanTestScanner(t, "", "valid")
	for _, text := range []string{
		"jane@example.com*bob@example.com",
		"**jane@example.com**bob@example.com",
		"mail jane@example.com*@example.com",
		"jane@example.com**@x.org",
		"jane@example.com/bob@example.com",
	} {
		got := s.redact(text, nil)
		if strings.Contains(got, "jane") || strings.Contains(got, "bob") {
			t.Errorf("redact(%q) = %q: a local part is readable", text, got)
		}
		if again := s.redact(got, nil); again != got {
			t.Errorf("redact(%q) = %q, and again %q", text, got, again)
		}
	}
}
