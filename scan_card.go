package pii

// scanCardAt appends the payment card number that starts at the digit text[i], if any:
// 13 to 19 digits, plain or in groups split by single spaces or dashes, with a known
// issuer prefix and a valid Luhn check digit.
func scanCardAt(text string, i int, dst []Finding) []Finding {
	if !scanNumberStartOK(text, i) {
		return dst
	}
	var digits [19]byte
	var ends [19]int // ends[k]: offset after the group that holds digit k, if it ends one
	n, j := 0, i
	var sep byte
	for {
		for j < len(text) && scanIsASCIIDigit(text[j]) {
			if n == len(digits) {
				return dst // longer than any card: an identifier of some other sort
			}
			digits[n] = text[j]
			n++
			j++
		}
		ends[n-1] = j
		if j+1 >= len(text) || !scanIsASCIIDigit(text[j+1]) || (text[j] != ' ' && text[j] != '-') ||
			sep != 0 && text[j] != sep {
			break
		}
		sep = text[j]
		j++
	}
	if n < 13 {
		return dst
	}
	if j == ends[n-1] && !scanNumberEndOK(text, j) {
		return dst
	}
	for k := n; k >= 13; k-- {
		if ends[k-1] != 0 && scanLooksLikeCard(digits[:k]) {
			return append(dst, Finding{Kind: KindCard, Start: i, End: ends[k-1]})
		}
	}
	return dst
}

// scanNumberStartOK reports whether a number may start at the digit text[i]: it is not
// glued to a word, nor the continuation of a decimal or a dotted or dashed number.
func scanNumberStartOK(text string, i int) bool {
	if i == 0 {
		return true
	}
	c := text[i-1]
	if scanIsASCIIAlnum(c) || c == '_' {
		return false
	}
	if (c == '.' || c == ',' || c == '-' || c == '/' || c == ':') && i >= 2 && scanIsASCIIAlnum(text[i-2]) {
		return false
	}
	return true
}

// scanNumberEndOK is scanNumberStartOK for the end of a number at text[j].
func scanNumberEndOK(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	c := text[j]
	if scanIsASCIIAlnum(c) || c == '_' {
		return false
	}
	if (c == '.' || c == ',' || c == '-' || c == '/' || c == ':') && j+1 < len(text) && scanIsASCIIDigit(text[j+1]) {
		return false
	}
	return true
}

// scanLooksLikeCard reports whether the ASCII digits d form a payment card number.
func scanLooksLikeCard(d []byte) bool {
	if len(d) < 13 || len(d) > 19 || !scanCardPrefixOK(d) {
		return false
	}
	sum, double := 0, false
	for k := len(d) - 1; k >= 0; k-- {
		v := int(d[k] - '0')
		if double {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

// scanCardPrefixOK reports whether d starts with the prefix of a card network (Visa,
// Mastercard, Amex, Diners, Discover, JCB, UnionPay, Maestro, Mir, RuPay).
func scanCardPrefixOK(d []byte) bool {
	p2 := int(d[0]-'0')*10 + int(d[1]-'0')
	p4 := p2*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	switch {
	case d[0] == '4':
		return true
	case p2 >= 51 && p2 <= 55, p4 >= 2200 && p4 <= 2204, p4 >= 2221 && p4 <= 2720:
		return true
	case p2 == 34 || p2 == 37:
		return len(d) == 15
	case p2 == 36 || p2 == 38 || p2 == 39 || p4 >= 3000 && p4 <= 3059, p4 >= 3528 && p4 <= 3589:
		return true
	case p2 == 50 || p2 >= 56 && p2 <= 69, p2 == 81 || p2 == 82:
		return true
	}
	return false
}

// scanSSNAt appends the US Social Security number that starts at the digit text[i], if
// any: AAA-GG-SSSS (or with spaces) where the area is not 000, 666 or 900-999, the group
// not 00 and the serial not 0000. Nine bare digits are not taken: too many other numbers
// have nine digits.
func scanSSNAt(text string, i int, dst []Finding) []Finding {
	if i+11 > len(text) || !scanNumberStartOK(text, i) {
		return dst
	}
	t := text[i : i+11]
	sep := t[3]
	if sep != '-' && sep != ' ' || t[6] != sep {
		return dst
	}
	for _, k := range [...]int{0, 1, 2, 4, 5, 7, 8, 9, 10} {
		if !scanIsASCIIDigit(t[k]) {
			return dst
		}
	}
	if !scanNumberEndOK(text, i+11) || i+12 < len(text) && text[i+11] == sep && scanIsASCIIDigit(text[i+12]) {
		return dst
	}
	area := t[:3]
	if area == "000" || area == "666" || area[0] == '9' || t[4:6] == "00" || t[7:] == "0000" {
		return dst
	}
	return append(dst, Finding{Kind: KindGovID, Start: i, End: i + 11})
}
