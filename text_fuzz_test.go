package pii

import "testing"

// FuzzRedactText checks the public promise: RedactText of its own output changes nothing.
func FuzzRedactText(f *testing.F) {
	f.Add("Call me at (415) 555-2671 or 06 12 34 56 78")
	f.Add("415-555-1200 415-555-1207 415-555-1214 415-555-1221 415-555-1228 415-555-1235")
	f.Add("bounce+jane.doe=example.com@example.net 4111 1111 1111 1111")
	f.Fuzz(func(t *testing.T, text string) {
		once := RedactText(text)
		if twice := RedactText(once); twice != once {
			t.Fatalf("RedactText(%q) = %q, and again %q", text, once, twice)
		}
	})
}
