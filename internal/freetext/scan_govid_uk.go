package freetext

import "strings"

// scanNINO is the UK National Insurance number, AB123456C: a two-letter prefix from
// the allowed letters (not D, F, I, Q, U or V; the second not O; never BG, GB, KN, NK,
// NT, TN or ZZ), six digits (often in pairs) and a suffix A to D.
var scanNINO = scanGovID{
	name:  "UK NINO",
	shape: "LL_dd_dd_dd_L",
	seps:  " ",
	check: func(id scanChars) bool {
		c := id.b[:id.n]
		p := string(c[:2])
		return !strings.ContainsAny(p, "DFIQUV") && c[1] != 'O' && c[8] >= 'A' && c[8] <= 'D' &&
			p != "BG" && p != "GB" && p != "KN" && p != "NK" && p != "NT" && p != "TN" && p != "ZZ"
	},
}
