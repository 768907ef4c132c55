package freetext

// scanSIN is the Canadian Social Insurance number: nine digits with a Luhn check digit,
// written 123-456-789 or 123 456 789 (bare only after a label); none starts with 8.
var scanSIN = scanGovID{
	name:   "Canadian SIN",
	shape:  "ddd_ddd_ddd",
	seps:   "- ",
	labels: []string{"sin", "social insurance", "nas"},
	check: func(id scanChars) bool {
		d := id.b[:id.n]
		return d[0] != '8' && scanLuhnOK(d)
	},
}
