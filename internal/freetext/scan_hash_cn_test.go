package freetext

import "testing"

// TestScanHashedPhone checks a phone number written after a hash sign, as forms and
// chats write it ("#4155552671"), which passed through whole: ten digits or more, or
// NANPA's groups, after '#' are a phone number; fewer are an issue or item number,
// and any after an identifier's label stay.
func TestScanHashedPhone(t *testing.T) {
	tests := map[string]string{
		"call #4155552671":            "call #415555XXXX",
		"call #415-555-2671 now":      "call #415-555-XXXX now",
		"call #(415) 555-2671":        "call #(415) 555-XXXX",
		"fax:#4155552671":             "fax:#415555XXXX",
		"#4155552671":                 "#415555XXXX",
		"ping #14155552671":           "ping #1415555XXXX",
		"call #+1 415 555 2671":       "call #+1 415 555 XXXX",
		"issue #12345 closed":         "issue #12345 closed",
		"see #1234567 and #123456789": "see #1234567 and #123456789",
		"order #4155552671":           "order #4155552671",
		"ticket #415-555-2671":        "ticket #415-555-2671",
		"tracking #4155552671":        "tracking #4155552671",
	}
	scanCheckRedactRegions(t, tests, "", "US")
}

// scanCheckRedactRegions is scanCheckRedactTable for a scanner of each region, at
// LeniencyValid.
func scanCheckRedactRegions(t *testing.T, tests map[string]string, regions ...string) {
	t.Helper()
	for _, region := range regions {
		t.Run("region="+region, func(t *testing.T) {
			scanCheckRedactTable(t, scanTestScanner(t, region, "valid"), tests)
		})
	}
}

// TestScanBareCNMobile checks Chinese mobile numbers written as eleven bare digits
// ("13800138000"), as they mostly are: without a region they passed through, as bare
// digits counted only with a trunk prefix or as a NANPA number. With the region CN, and
// without one, they are found; eleven digits of another shape, and any after an
// identifier's label, stay.
func TestScanBareCNMobile(t *testing.T) {
	found := map[string]string{
		"call 13800138000":          "call 1380013XXXX",
		"手机13800138000":             "手机1380013XXXX",
		"手机：15912345678，谢谢":         "手机：1591234XXXX，谢谢",
		"tel 18612345678 or 139...": "tel 1861234XXXX or 139...",
		"order 13800138000":         "order 13800138000",
		"ref 13800138000":           "ref 13800138000",
		"id 12800138000":            "id 12800138000",
		"SKU13800138000":            "SKU13800138000",
		"v13800138000":              "v13800138000",
	}
	scanCheckRedactRegions(t, found, "", "CN")
	// A region whose numbers are no such digits reads them as what they are there.
	scanCheckRedactTable(t, scanTestScanner(t, "DE", "valid"), map[string]string{
		"call 13800138000": "call 13800138000",
	})
}
