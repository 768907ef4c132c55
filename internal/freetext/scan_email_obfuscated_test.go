package freetext

import (
	"testing"
)

// TestScanEmailObfuscated checks addresses written with a bracketed "at" to keep them
// from address harvesters ("jane [at] example [dot] com", "jane(at)example.com"): they
// are still a person's address, and passed through. Only the bracketed forms count: a
// plain " at " is a word of prose ("meet at home dot com" stays). The mask hides the
// whole address, as it has no at sign to keep the domain after.
func TestScanEmailObfuscated(t *testing.T) {
	tests := map[string]string{
		"mail jane [at] example [dot] com":          "mail ***",
		"mail jane[at]example[dot]com now":          "mail *** now",
		"mail jane(at)example.com, thanks":          "mail ***, thanks",
		"mail jane.doe {at} mail.example.org":       "mail ***",
		"mail Jane [AT] Example (DOT) Co (dot) UK.": "mail ***.",
		"j_doe+x [at] sub.example.de":               "***",
		// Prose, and brackets that hold no address.
		"meet at home dot com":     "meet at home dot com",
		"jane [at] home":           "jane [at] home",
		"[at] example.com":         "[at] example.com",
		"see (at) example (dot) 1": "see (at) example (dot) 1",
		"f(at)":                    "f(at)",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}
