package freetext

import "testing"

// TestScanFullWidth checks that values written in the full-width forms of ASCII, as
// Japanese and Chinese input methods type them, are found by every detector, not only
// the phone and card finders, which read full-width digits: an SSN after its label, an
// IBAN, an IPv4 address and an email address passed through whole.
func TestScanFullWidth(t *testing.T) {
	tests := map[string]string{
		"SSN １２３４５６７８９":          "SSN *****６７８９",
		"ＳＳＮ：１２３－４５－６７８９":        "ＳＳＮ：***－**－６７８９",
		"ＤＥ８９３７０４００４４０５３２０１３０００": "ＤＥ****************３０００",
		"from １０．０．０．１":          "from x", // the mask cannot read it: all goes
		"ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ":       "***＠ｅｘａｍｐｌｅ．ｃｏｍ",
		"電話 ０９０－１２３４－５６７８":       "電話 ０９０－１２３４－XXXX",
		"ＡＢＣ ｄｅｆ":                "ＡＢＣ ｄｅｆ",
	}
	scanCheckRedactTable(t, scanTestScanner(t, "", "valid"), tests)
}
