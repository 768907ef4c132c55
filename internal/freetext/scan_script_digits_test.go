package freetext

import (
	"testing"
)

// TestScanOtherScriptDigits checks that phone and card numbers written in the decimal
// digits of scripts other than Latin, Arabic and the full-width forms are found: the
// finder read only those three, and "+1 ४१५ ५५५ २६७१" (Devanagari), a Bengali or Thai
// number, or one in mathematical bold digits passed through.
func TestScanOtherScriptDigits(t *testing.T) {
	tests := map[string]string{
		"+1 ४१५ ५५५ २६७१":      "+1 ४१५ ५५५ XXXX",
		"फ़ोन ४१५-५५५-२६७१ पर": "फ़ोन ४१५-५५५-XXXX पर",
		"+৯১ ৯৮৭৬৫ ৪৩২১০":      "+৯১ ৯৮৭৬৫ ৪XXXX",
		"โทร +66 ๘๑ ๒๓๔ ๕๖๗๘":  "โทร +66 ๘๑ ๒๓๔ XXXX",
		"+95 ၉ ၁၂၃ ၄၅၆ ၇၈၉":    "+95 ၉ ၁၂၃ ၄၅X XXX",
		"𝟒𝟏𝟓-𝟓𝟓𝟓-𝟐𝟔𝟕𝟏":         "𝟒𝟏𝟓-𝟓𝟓𝟓-XXXX",
		"४१११ ११११ ११११ ११११":  "४१११ ११** **** ११११",
		// What is no number stays.
		"वर्ष २०२४-०१-१५": "वर्ष २०२४-०१-१५",
		"नमस्ते दुनिया":   "नमस्ते दुनिया",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}
