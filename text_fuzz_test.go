package pii

import "testing"

// FuzzRedactText checks the public promise: RedactText of its own output changes nothing.
func FuzzRedactText(f *testing.F) {
	f.Add("Call me at (415) 555-2671 or 06 12 34 56 78")
	f.Add("415-555-1200 415-555-1207 415-555-1214 415-555-1221 415-555-1228 415-555-1235")
	f.Add("bounce+jane.doe=example.com@example.net 4111 1111 1111 1111")
	f.Add("call 415\n555-2671, <b>415</b>-555-2671, &#43;1 415&nbsp;555&#8209;2671, 415_555_2671 or #4155552671")
	f.Add("mail jane @ example.com or jane@localhost; 13800138000; {\"msg\":\"415\\u00a0555\\n2671\"}")
	f.Fuzz(func(t *testing.T, text string) {
		once := RedactText(text)
		if twice := RedactText(once); twice != once {
			t.Fatalf("RedactText(%q) = %q, and again %q", text, once, twice)
		}
	})
}
