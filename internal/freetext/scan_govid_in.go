package freetext

// scanAadhaar is India's Aadhaar number: twelve digits, not starting with 0 or 1, the
// last a Verhoeff check digit; written in groups of four (bare only after a label).
var scanAadhaar = scanGovID{
	name:   "Indian Aadhaar",
	shape:  "dddd_dddd_dddd",
	seps:   " -",
	labels: []string{"aadhaar", "aadhar", "uid", "uidai"},
	check: func(id scanChars) bool {
		d := id.b[:id.n]
		return d[0] >= '2' && !scanAllSame(d) && scanVerhoeffOK(d)
	},
}

// scanPAN is India's Permanent Account Number, ABCPE1234F: five letters, four digits
// and a letter. It has no check digit; its fourth letter names the holder's type (P a
// person, C a company...), which is checked.
var scanPAN = scanGovID{
	name:  "Indian PAN",
	shape: "LLLLLddddL",
	check: func(id scanChars) bool {
		c := id.b[:id.n]
		switch c[3] {
		case 'P', 'C', 'H', 'F', 'A', 'T', 'B', 'L', 'J', 'G':
			return string(c[5:9]) != "0000"
		}
		return false
	},
}

// The tables of the Verhoeff check: the dihedral group D5's multiplication and the
// position permutation.
var (
	scanVerhoeffD = [10][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
		{2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
		{4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
		{8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	}
	scanVerhoeffP = [8][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
		{5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
		{9, 4, 5, 3, 1, 2, 7, 8, 0, 6}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
)

// scanVerhoeffOK reports whether the ASCII digits d end in a valid Verhoeff check digit.
func scanVerhoeffOK(d []byte) bool {
	c := byte(0)
	for k := range d {
		c = scanVerhoeffD[c][scanVerhoeffP[k%8][d[len(d)-1-k]-'0']]
	}
	return c == 0
}
