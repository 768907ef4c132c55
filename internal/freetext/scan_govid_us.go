package freetext

// scanSSN is the US Social Security number, AAA-GG-SSSS (dashes, spaces or dots), where
// the area is not 000, 666 or 900-999, the group not 00 and the serial not 0000. Nine
// bare digits count only after a label.
var scanSSN = scanGovID{
	name:   "US SSN",
	shape:  "ddd_dd_dddd",
	seps:   "- .",
	labels: []string{"ssn", "social security", "ss#", "ssn#"},
	check: func(id scanChars) bool {
		d := id.b[:id.n]
		area := string(d[:3])
		return area != "000" && area != "666" && d[0] != '9' && string(d[3:5]) != "00" && string(d[5:]) != "0000"
	},
}
