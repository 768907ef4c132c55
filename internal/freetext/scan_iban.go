package freetext

// scanIBANLengths holds the length of the IBAN of each country that issues them, by
// ISO 3166 code: the 89 countries of the IBAN registry (release 100, 2025).
var scanIBANLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
	"BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
	"DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
	"FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
	"GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
	"JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
	"LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27,
	"MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28,
	"PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
	"SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
	"TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// scanIBANTerritories are the territories of the IBAN registry's partial-participation
// list: they issue IBANs in the format, and so of the length, of the country named.
var scanIBANTerritories = map[string]string{
	"AX": "FI", // Åland Islands
	"GF": "FR", "GP": "FR", "MQ": "FR", "RE": "FR", "PF": "FR", "TF": "FR", "YT": "FR",
	"NC": "FR", "BL": "FR", "MF": "FR", "PM": "FR", "WF": "FR",
	"GG": "GB", "IM": "GB", "JE": "GB", // Guernsey, Isle of Man, Jersey
}

// scanIBANLength returns the length of the IBANs of country (two upper-case letters),
// or 0 when it issues none.
func scanIBANLength(country [2]byte) int {
	if !scanIsUpper(country[0]) || !scanIsUpper(country[1]) {
		return 0
	}
	return int(scanIBANTable[int(country[0]-'A')*26+int(country[1]-'A')])
}

// scanIBANTable is scanIBANLengths and scanIBANTerritories as one table, indexed by the
// two letters of the country code, made once: the detector looks it up at every pair
// of letters before a number.
var scanIBANTable = func() (t [26 * 26]uint8) {
	for c, n := range scanIBANLengths {
		t[int(c[0]-'A')*26+int(c[1]-'A')] = uint8(n)
	}
	for c, parent := range scanIBANTerritories {
		t[int(c[0]-'A')*26+int(c[1]-'A')] = uint8(scanIBANLengths[parent])
	}
	return t
}()

// scanUpper returns c in upper case, if it is an ASCII letter.
func scanUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// scanIsIBANSep reports whether c may separate the characters of an IBAN as people
// write them: a space, a dash or a dot, in any grouping.
func scanIsIBANSep(c byte) bool { return c == ' ' || c == '-' || c == '.' }

// scanIBANAt appends the IBAN whose check digits start at the digit text[i], if any: a
// country code (in either case, perhaps followed by a separator), two check digits and
// the country's number of letters and digits, split by single spaces, dashes or dots in
// any grouping ("NO 02 1503 7577 003", "ES72 2013-0692-81-0201150993"), that passes the
// mod-97 check.
func scanIBANAt(text string, i int, dst []Finding) []Finding {
	c := i // the end of the country code
	if c >= 3 && scanIsIBANSep(text[c-1]) && text[c-1] != '.' {
		c--
	}
	if c < 2 || !scanIsASCIIAlnum(text[c-2]) || scanIsASCIIDigit(text[c-2]) ||
		!scanIsASCIIAlnum(text[c-1]) || scanIsASCIIDigit(text[c-1]) ||
		c > 2 && (scanIsASCIIAlnum(text[c-3]) || text[c-3] == '_') {
		return dst
	}
	country := [2]byte{scanUpper(text[c-2]), scanUpper(text[c-1])}
	want := scanIBANLength(country)
	if want == 0 {
		return dst
	}
	var buf [34]byte
	buf[0], buf[1] = country[0], country[1]
	n, j := 2, i
	for n < want && j < len(text) {
		ch := text[j]
		switch {
		case scanIsASCIIAlnum(ch):
			buf[n] = scanUpper(ch)
			n++
			j++
		case scanIsIBANSep(ch) && n > 2 && j+1 < len(text) && scanIsASCIIAlnum(text[j+1]):
			j++
		case ch >= 0x80 && n > 2:
			// A no-break space or a dash beyond ASCII, as the card finder reads them.
			sl, _ := scanCardWideSepAt(text, j)
			if sl == 0 || j+sl >= len(text) || !scanIsASCIIAlnum(text[j+sl]) {
				return dst
			}
			j += sl
		default:
			return dst
		}
	}
	if n < want || !scanIsASCIIDigit(buf[2]) || !scanIsASCIIDigit(buf[3]) ||
		j < len(text) && (scanIsASCIIAlnum(text[j]) || text[j] == '_') {
		return dst
	}
	if !scanMod97OK(buf[:want]) {
		return dst
	}
	return append(dst, Finding{Kind: KindAccount, Start: c - 2, End: j})
}

// scanMod97OK reports whether the IBAN iban (upper case, no separators) passes the
// ISO 7064 mod-97 check: the number made by moving the first four characters to the end
// and reading letters as 10..35 leaves 1.
func scanMod97OK(iban []byte) bool {
	rem := 0
	for k := range iban {
		ch := iban[(k+4)%len(iban)]
		if scanIsASCIIDigit(ch) {
			rem = (rem*10 + int(ch-'0')) % 97
		} else {
			rem = (rem*100 + int(ch-'A') + 10) % 97
		}
	}
	return rem == 1
}
