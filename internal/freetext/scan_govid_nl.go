package freetext

// scanBSN is the Dutch citizen service number (burgerservicenummer): nine digits that
// pass the 11-proof (weights 9 to 2, and -1 for the last digit); bare only after a label.
var scanBSN = scanGovID{
	name:   "Dutch BSN",
	shape:  "dddd_dd_ddd",
	seps:   ". ",
	labels: []string{"bsn", "burgerservicenummer", "sofinummer", "sofi"},
	check: func(id scanChars) bool {
		d := id.b[:id.n]
		sum := 0
		for k, c := range d[:8] {
			sum += int(c-'0') * (9 - k)
		}
		sum -= int(d[8] - '0')
		return sum%11 == 0 && !scanAllSame(d)
	},
}
