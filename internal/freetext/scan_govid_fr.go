package freetext

// scanNIR is the French social security number (NIR): sex, year, month, department
// (2A and 2B for Corsica), commune, order and a two-digit key, 97 minus the rest of the
// thirteen digits mod 97; written 1 85 05 78 006 084 36 or bare.
var scanNIR = scanGovID{
	name:  "French NIR",
	shape: "d_dd_dd_AA_ddd_ddd_dd",
	seps:  " ",
	check: func(id scanChars) bool {
		c := id.b[:id.n]
		switch c[0] {
		case '1', '2', '3', '4', '7', '8':
		default:
			return false
		}
		month := scanDigitsValue(c[3:5])
		if month < 1 || month > 12 && month < 20 || month > 42 && month < 50 {
			return false
		}
		n := 0
		for k, ch := range c[:13] {
			v := int(ch - '0')
			if k == 6 && (ch == 'A' || ch == 'B') && c[5] == '2' {
				// Corsica: 2A and 2B are read as 19 and 18 for the key: the 2 just
				// added becomes a 1.
				n = (n + 96) % 97
				v = 9
				if ch == 'B' {
					v = 8
				}
			} else if ch < '0' || ch > '9' {
				return false
			}
			n = (n*10 + v) % 97
		}
		return 97-n == scanDigitsValue(c[13:])
	},
}
