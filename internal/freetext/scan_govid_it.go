package freetext

// scanCodiceFiscale is the Italian tax code: six letters of the name, two digits of the
// year, a month letter, two digits of the day, a letter and three digits of the place
// of birth, and a check letter, RSSMRA85T10A562S.
var scanCodiceFiscale = scanGovID{
	name:  "Italian codice fiscale",
	shape: "LLLLLLddLddLdddL",
	check: func(id scanChars) bool {
		c := id.b[:id.n]
		sum := 0
		for k, ch := range c[:15] {
			v := int(ch - 'A')
			if ch <= '9' {
				v = int(ch - '0')
			}
			if k%2 == 0 { // odd positions, counting from 1
				v = int(scanCFOdd[v])
			}
			sum += v
		}
		return byte('A'+sum%26) == c[15] && scanCFMonths[c[8]-'A']
	},
}

// scanCFOdd is the value of a digit (by value) or letter (A=0...) in an odd position.
var scanCFOdd = [26]byte{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// scanCFMonths marks the letters that name a month: A B C D E H L M P R S T.
var scanCFMonths = func() (t [26]bool) {
	for _, c := range "ABCDEHLMPRST" {
		t[c-'A'] = true
	}
	return t
}()
