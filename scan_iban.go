package pii

// scanIBANLengths holds the length of the IBAN of each country that issues them, by
// ISO 3166 code (from the IBAN registry).
var scanIBANLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
	"BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
	"DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
	"FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
	"GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
	"JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
	"LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27,
	"MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28,
	"PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
	"SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
	"TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// scanIsUpper reports whether c is an ASCII upper-case letter.
func scanIsUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// scanIBANAt appends the IBAN whose check digits start at the digit text[i], if any: a
// country code, two check digits and the country's number of letters and digits, in one
// piece or in groups of four split by single spaces, that passes the mod-97 check.
func scanIBANAt(text string, i int, dst []Finding) []Finding {
	if i < 2 || !scanIsUpper(text[i-2]) || !scanIsUpper(text[i-1]) ||
		i > 2 && (scanIsASCIIAlnum(text[i-3]) || text[i-3] == '_') {
		return dst
	}
	want, ok := scanIBANLengths[text[i-2:i]]
	if !ok {
		return dst
	}
	var buf [34]byte
	n, j := 0, i-2
	for n < want && j < len(text) {
		c := text[j]
		switch {
		case scanIsASCIIDigit(c) || scanIsUpper(c):
			buf[n] = c
			n++
			j++
		case c == ' ' && n%4 == 0 && j+1 < len(text) && scanIsASCIIAlnum(text[j+1]):
			j++
		default:
			return dst
		}
	}
	if n < want || !scanIsASCIIDigit(buf[2]) || !scanIsASCIIDigit(buf[3]) ||
		j < len(text) && (scanIsASCIIAlnum(text[j]) || text[j] == '_') {
		return dst
	}
	// mod 97 of the number made by moving the first four characters to the end and
	// reading letters as 10..35.
	rem := 0
	for k := 0; k < want; k++ {
		c := buf[(k+4)%want]
		if scanIsASCIIDigit(c) {
			rem = (rem*10 + int(c-'0')) % 97
		} else {
			rem = (rem*100 + int(c-'A') + 10) % 97
		}
	}
	if rem != 1 {
		return dst
	}
	return append(dst, Finding{Kind: KindAccount, Start: i - 2, End: j})
}
