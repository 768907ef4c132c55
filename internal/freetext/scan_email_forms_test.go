package freetext

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanEmailForms checks addresses that passed through whole: a local part that ends
// with a dot (Japanese mobile carriers issued such addresses, "taro.@docomo.ne.jp"), and
// domains whose labels are split by the full stops IDNA reads as dots (ideographic,
// full-width and half-width: "jane@example。com", as Japanese and Chinese input methods
// type them).
func TestScanEmailForms(t *testing.T) {
	tests := map[string]string{
		"mail taro.@docomo.ne.jp":     "mail ***@docomo.ne.jp",
		"mail taro..@ezweb.ne.jp now": "mail ***@ezweb.ne.jp now",
		"jane@example。com":            "***@example。com",
		"jane@example．com":            "***@example．com",
		"jane@example｡co｡jp":          "***@example｡co｡jp",
		"メール: jane@example。co。jp です":  "メール: ***@example。co。jp です",
		// A mailbox on a host whose name has no dot, before a CJK full stop.
		"jane@example。": "***@example。",
		// What is no address stays.
		"see .@example.com":  "see .@example.com",
		"end.@ mention":      "end.@ mention",
		"ok。@example。com。hi": "ok。@example。com。hi",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
	// A full stop that ends a CJK sentence ends the address.
	text := "jane@example.com。次は"
	if diff := cmp.Diff([]Finding{{KindEmail, 0, len("jane@example.com")}}, s.scan(text, nil, nil)); diff != "" {
		t.Errorf("scan(%q) (-want +got):\n%s", text, diff)
	}
}
