package pii

// scanCardRun appends the payment card numbers found in the run of digit groups that
// starts at the digit text[i], and returns the end of the run, so that the scan does not
// look for cards again at the run's later groups. A run is a sequence of digit groups
// split by single spaces or dashes; it may hold several card numbers in a row, or other
// numbers before or after one, so it is split into cards at group boundaries: at each
// possible start the longest card found there is taken, and the search goes on after it.
// Each group is looked at no more than a card's length of times: the scan stays linear.
func scanCardRun(text string, i int, dst []Finding) ([]Finding, int) {
	start, startOK := i, scanNumberStartOK(text, i)
	for {
		e := scanDigitsEnd(text, start)
		if startOK {
			if end := scanCardFrom(text, start, e); end > 0 && !scanCardContested(text, start, e, end) {
				dst = append(dst, Finding{Kind: KindCard, Start: start, End: end})
				if !scanGroupFollows(text, end) {
					return dst, end
				}
				// A group glued to the card by a dash is not the start of another card.
				start, startOK = end+1, text[end] == ' '
				continue
			}
		}
		// No card starts here: go on at the next group after a space. Groups joined by
		// dashes stay together: a card never starts inside a dashed number.
		j := e
		for scanGroupFollows(text, j) && text[j] == '-' {
			j = scanDigitsEnd(text, j+1)
		}
		if !scanGroupFollows(text, j) {
			return dst, j
		}
		start, startOK = j+1, true
	}
}

// scanCardFrom returns the end of the longest payment card number that starts at the
// digit group text[s:e], or -1 if none does. A card is 13 to 19 digits with a known issuer
// prefix and a valid Luhn check digit, written either as one group or, starting with a
// group of four, in groups split by one kind of separator (4-4-4-4, 4-6-5, 4-4-4-4-3).
// A group of 13 or more digits is a whole card or none: "4539148803436467 123" is a card
// and a short number, not a 19-digit card. A dashed number longer than any card is an
// identifier of another sort and holds no card.
func scanCardFrom(text string, s, e int) int {
	if e-s < 13 && (e-s != 4 || !scanGroupFollows(text, e)) || e-s > 19 || scanDashedDigits(text, s) > 19 {
		return -1 // the common case, short numbers, leaves here
	}
	var digits [19]byte
	n := copy(digits[:], text[s:e])
	if n >= 13 {
		if scanCardEndOK(text, e) && scanLooksLikeCard(digits[:n]) {
			return e
		}
		return -1
	}
	sep, best := text[e], -1
	for j := e; scanGroupFollows(text, j) && text[j] == sep; {
		k := scanDigitsEnd(text, j+1)
		if n+k-j-1 > len(digits) {
			break
		}
		n += copy(digits[n:], text[j+1:k])
		j = k
		if n >= 13 && scanCardEndOK(text, j) && scanLooksLikeCard(digits[:n]) {
			best = j
		}
	}
	return best
}

// scanCardContested reports whether the card text[s:end], whose first group ends at e,
// had better not be taken: a card starting at one of its later groups runs on past its
// end, and no card follows it. In "415 555 2671 4111 1111 1111 1111" the groups
// "2671 4111 1111 1111" may pass the checks by chance; the card is the last four groups.
// Two cards in a row ("4539 1488 0343 6467 5555 5555 5555 4444") are not contested.
func scanCardContested(text string, s, e, end int) bool {
	if e == end || text[e] != ' ' || scanGroupFollows(text, end) && text[end] == ' ' &&
		scanCardFrom(text, end+1, scanDigitsEnd(text, end+1)) > 0 {
		return false
	}
	for j := e; j < end; j = scanDigitsEnd(text, j+1) {
		if scanCardFrom(text, j+1, scanDigitsEnd(text, j+1)) > end {
			return true
		}
	}
	return false
}

// scanDigitsEnd returns the offset after the ASCII digits that start at text[j].
func scanDigitsEnd(text string, j int) int {
	for j < len(text) && scanIsASCIIDigit(text[j]) {
		j++
	}
	return j
}

// scanGroupFollows reports whether another digit group follows the group that ends at
// text[j]: a single space or dash, then a digit.
func scanGroupFollows(text string, j int) bool {
	return j+1 < len(text) && (text[j] == ' ' || text[j] == '-') && scanIsASCIIDigit(text[j+1])
}

// scanCardEndOK reports whether a card may end at text[j]: where the number ends, or
// before a further group of its run.
func scanCardEndOK(text string, j int) bool {
	return scanGroupFollows(text, j) || scanNumberEndOK(text, j)
}

// scanDashedDigits counts the digits of the groups joined by dashes that start at the
// digit text[s], stopping once there are more than 19.
func scanDashedDigits(text string, s int) int {
	n, j := 0, s
	for {
		k := scanDigitsEnd(text, j)
		n += k - j
		if n > 19 || k+1 >= len(text) || text[k] != '-' || !scanIsASCIIDigit(text[k+1]) {
			return n
		}
		j = k + 1
	}
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
	if i < 2 {
		return true
	}
	switch c {
	case '-': // "INV-2024", "AB-12": digits glued to a word by a dash are an identifier
		return !scanIsASCIIAlnum(text[i-2])
	case '.', ',', '/', ':': // "3.14", "10:30", "1/2"; but "SSN:123-45-6789" is a label
		return !scanIsASCIIDigit(text[i-2])
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
