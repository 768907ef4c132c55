package freetext

// scanDNILetters maps a DNI's number mod 23 to its check letter.
const scanDNILetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// scanDNI is the Spanish national identity number: eight digits and a check letter,
// 12345678Z or 12345678-Z.
var scanDNI = scanGovID{
	name:  "Spanish DNI",
	shape: "dddddddd_L",
	seps:  "- ",
	check: func(id scanChars) bool {
		c := id.b[:id.n]
		return scanDNILetters[scanDigitsValue(c[:8])%23] == c[8]
	},
}

// scanNIE is the Spanish foreigner's identity number: X, Y or Z (read as 0, 1, 2),
// seven digits and a check letter, X1234567L or X-1234567-L.
var scanNIE = scanGovID{
	name:  "Spanish NIE",
	shape: "L_ddddddd_L",
	seps:  "- ",
	check: func(id scanChars) bool {
		c := id.b[:id.n]
		if c[0] < 'X' {
			return false
		}
		n := int(c[0]-'X')*10_000_000 + scanDigitsValue(c[1:8])
		return scanDNILetters[n%23] == c[8]
	},
}
