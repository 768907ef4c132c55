package freetext

import (
	"fmt"
	"strings"
	"testing"
)

// scanRun returns n numbers in format f (one %04d verb for the last four digits),
// separated by sep, and the last-four digits of each.
func scanRun(n int, f, sep string) (string, []string) {
	var nums, lasts []string
	for k := range n {
		last := fmt.Sprintf("%04d", 1200+7*k)
		nums = append(nums, fmt.Sprintf(f, last))
		lasts = append(lasts, last)
	}
	return strings.Join(nums, sep), lasts
}

// TestScanRunsOfNumbers checks that every number of a long run is hidden, whatever the
// region, and that one redaction is enough.
func TestScanRunsOfNumbers(t *testing.T) {
	formats := []struct{ name, format, sep string }{
		{"dashed", "415-555-%s", " "},
		{"brackets", "(415) 666-%s", " "},
		{"plus", "+1 415 666 %s", ", "},
		{"e164", "+1415666%s", " "},
		{"french", "06 12 34 %s", " "},
	}
	for _, region := range []string{"", "US", "FR"} {
		for _, f := range formats {
			t.Run(region+"/"+f.name, func(t *testing.T) {
				if f.name == "french" && region == "US" || region == "FR" && f.format[0] != '+' && f.name != "french" {
					t.Skip("a national number of another region")
				}
				s := scanTestScanner(t, region, "valid")
				text, lasts := scanRun(30, f.format, f.sep)
				red := s.redact(text, nil)
				for _, last := range lasts {
					if strings.Contains(red, last) {
						t.Fatalf("redact left %s readable:\n%s", last, red)
					}
				}
				if again := s.redact(red, nil); again != red {
					t.Errorf("a second redaction changed the text:\n%s\n%s", red, again)
				}
			})
		}
	}
}

// TestScanBudgetHidesTheRest checks that when the phone detector runs out of checks,
// what it has not examined is hidden, every digit of it.
func TestScanBudgetHidesTheRest(t *testing.T) {
	saved := scanPhoneBudget
	defer func() { scanPhoneBudget = saved }()
	scanPhoneBudget = func(int) int { return 2 }
	s := scanTestScanner(t, "US", "valid")
	text, _ := scanRun(6, "415-555-%s", " ")
	got := s.redact(text, nil)
	// The budget runs out within the run: the rest loses every digit.
	if !strings.HasSuffix(got, " XXX-XXX-XXXX XXX-XXX-XXXX XXX-XXX-XXXX XXX-XXX-XXXX") {
		t.Errorf("redact(%q) = %q, want the rest all X", text, got)
	}
}
