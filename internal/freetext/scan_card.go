package freetext

// scanCardRun appends the payment card numbers found in the run of digit groups that
// starts at the digit text[i], and returns the end of the run, so that the scan does not
// look for cards again at the run's later groups. A run is a sequence of digit groups
// (ASCII or full-width digits) split by one or two spaces, a dash or a dot; it may hold
// several card numbers in a row, or other numbers before or after one, so it is split
// into cards at group boundaries: at each possible start the longest card found there
// is taken, and the search goes on after it. Each group is looked at no more than a
// card's length of times: the scan stays linear.
func scanCardRun(text string, i int, dst []Finding) ([]Finding, int) {
	e, n := scanCardGroupAt(text, i)
	return scanCardRunFrom(text, i, e, n, dst)
}

// scanCardRunFrom is scanCardRun told that the run's first group ends at text[e] and
// holds n digits.
func scanCardRunFrom(text string, i, e, n int, dst []Finding) ([]Finding, int) {
	start, startOK := i, scanCardStartOK(text, i)
	for first := true; ; first = false {
		if !first {
			e, n = scanCardGroupAt(text, start)
		}
		if startOK {
			if end := scanCardFrom(text, start, e, n); end > 0 && !scanCardContested(text, start, e, end) {
				dst = append(dst, Finding{Kind: KindCard, Start: start, End: end})
				sl, class := scanCardSepAt(text, end)
				if sl == 0 {
					return dst, end
				}
				// A group glued to the card by a dash or dot is not the start of another card.
				start, startOK = end+sl, class == ' '
				continue
			}
		}
		// No card starts here: go on at the next group after a space. Groups joined by
		// dashes or dots stay together: a card never starts inside such a number.
		j := e
		for {
			sl, class := scanCardSepAt(text, j)
			if sl == 0 {
				return dst, j
			}
			if class == ' ' {
				start, startOK = j+sl, true
				break
			}
			j, _ = scanCardGroupAt(text, j+sl)
		}
	}
}

// scanCardGroupAt returns the end of the digit group that starts at text[j], and its
// number of digits.
func scanCardGroupAt(text string, j int) (end, n int) {
	for j < len(text) {
		if text[j]-'0' < 10 {
			j++
			n++
			continue
		}
		_, dn := scanWideDigitAt(text, j)
		if dn == 0 {
			break
		}
		j += dn
		n++
	}
	return j, n
}

// scanCardSepAt returns the length and class (' ', '-' or '.') of the separator at
// text[j] between two digit groups of a card: one or two spaces or tabs, a dash or a
// dot, or a URL-encoded space or dash, followed by a digit. It returns 0 when there is
// none.
func scanCardSepAt(text string, j int) (int, byte) {
	k, class := j, byte(' ')
	if k < len(text) && (text[k] == '-' || text[k] == '.') {
		class = text[k]
		k++
	} else if k < len(text) && text[k] == '%' && scanPhoneEscapeLen(text, k) > 0 {
		n, c := scanPhoneSepAt(text, k)
		if c != ' ' && c != '-' {
			return 0, 0 // "%2B", "%28": no separator of a card's groups
		}
		class = c // "%20" or "%2D", URL-encoded
		k += n
	} else if n, c := scanCardWideSepAt(text, k); n > 0 {
		class = c // "\u00a0", "–", "−": the spaces and dashes the phone finder reads
		k += n
	} else {
		for k < len(text) && k-j < 2 && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k > j && k < len(text) {
			// " - " or " – ": a dash set apart by a space on each side.
			n, c := 0, byte(0)
			if text[k] == '-' {
				n, c = 1, '-'
			} else {
				n, c = scanCardWideSepAt(text, k)
			}
			if c == '-' && k+n < len(text) && (text[k+n] == ' ' || text[k+n] == '\t') {
				k += n + 1
				if k < len(text) && k+1 < len(text) && text[k] == ' ' {
					k++
				}
				class = '-'
			}
		}
	}
	if k == j || k >= len(text) {
		return 0, 0
	}
	if _, dn := scanDigitAt(text, k); dn == 0 {
		return 0, 0
	}
	return k - j, class
}

// scanCardWideSepAt returns the length and class (' ', '-' or '.') of a separator
// beyond ASCII at text[j] that may split a card's groups as it splits a phone
// number's: a no-break, thin or ideographic space, a hyphen, dash or minus sign, a
// full-width dash or full stop. It returns 0 for anything else.
func scanCardWideSepAt(text string, j int) (int, byte) {
	if j >= len(text) || text[j] < 0x80 {
		return 0, 0
	}
	n, c := scanPhoneSepAt(text, j)
	if c != ' ' && c != '-' && c != '.' {
		return 0, 0
	}
	return n, c
}

// scanCardFrom returns the end of the longest payment card number that starts at the
// digit group text[s:e] of n digits, or -1 if none does. A card is 13 to 19 digits with
// a known issuer prefix and a valid Luhn check digit, written either as one group or,
// starting with a group of four, in groups split by spaces, dashes or dots, mixed or
// not (4-4-4-4, 4-6-5, 4-4-4-4-3). A group of 13 or more digits is a whole card or none:
// "4539148803436467 123" is a card and a short number, not a 19-digit card. A number
// joined by dashes or dots longer than any card is an identifier of another sort and
// holds no card.
func scanCardFrom(text string, s, e, n int) int {
	if n < 13 && (n != 4 || !scanCardSepFollows(text, e)) || n > 19 || scanCardJoinedDigits(text, s) > 19 {
		return -1 // the common case, short numbers, leaves here
	}
	var buf [19]byte
	digits := scanAppendDigits(buf[:0], text[s:e])
	if n >= 13 {
		if scanCardEndOK(text, e) && scanLooksLikeCard(digits) {
			return e
		}
		return -1
	}
	best := -1
	for j := e; ; {
		sl, _ := scanCardSepAt(text, j)
		if sl == 0 {
			break
		}
		ge, gn := scanCardGroupAt(text, j+sl)
		if len(digits)+gn > len(buf) {
			break
		}
		digits = scanAppendDigits(digits, text[j+sl:ge])
		j = ge
		if len(digits) >= 13 && scanCardEndOK(text, j) && scanLooksLikeCard(digits) {
			best = j
		}
	}
	return best
}

// scanAppendDigits appends the digits of s, read as ASCII digits, to dst.
func scanAppendDigits(dst []byte, s string) []byte {
	for j := 0; j < len(s); {
		d, dn := scanDigitAt(s, j)
		if dn == 0 {
			j++
			continue
		}
		dst = append(dst, d)
		j += dn
	}
	return dst
}

// scanCardSepFollows reports whether another digit group follows text[:j].
func scanCardSepFollows(text string, j int) bool {
	n, _ := scanCardSepAt(text, j)
	return n > 0
}

// scanCardContested reports whether the card text[s:end], whose first group ends at e,
// had better not be taken: a card starting at one of its later groups runs on past its
// end, and no card follows it. In "415 555 2671 4111 1111 1111 1111" the groups
// "2671 4111 1111 1111" may pass the checks by chance; the card is the last four groups.
// Two cards in a row ("4539 1488 0343 6467 5555 5555 5555 4444") are not contested.
func scanCardContested(text string, s, e, end int) bool {
	if e == end {
		return false
	}
	if _, class := scanCardSepAt(text, e); class != ' ' {
		return false
	}
	if sl, class := scanCardSepAt(text, end); sl > 0 && class == ' ' {
		ne, nn := scanCardGroupAt(text, end+sl)
		if scanCardFrom(text, end+sl, ne, nn) > 0 {
			return false
		}
	}
	for j := e; j < end; {
		sl, _ := scanCardSepAt(text, j)
		if sl == 0 {
			break
		}
		ge, gn := scanCardGroupAt(text, j+sl)
		if scanCardFrom(text, j+sl, ge, gn) > end {
			return true
		}
		j = ge
	}
	return false
}

// scanCardEndOK reports whether a card may end at text[j]: where the number ends, before
// a further group of its run, or before a comma, slash or semicolon and the next number
// (an expiry date, another card).
func scanCardEndOK(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	if sl, class := scanCardSepAt(text, j); sl > 0 {
		return class != '.' // "4111 1111 1111 1111.5" is a decimal
	}
	switch c := text[j]; {
	case scanIsASCIIAlnum(c) || c == '_':
		return false
	case c == ':' && j+1 < len(text) && scanIsASCIIDigit(text[j+1]):
		return false
	}
	return true
}

// scanCardStartOK reports whether a card may start at the digit text[i]: not inside a
// longer number or a decimal, but glued to a word ("card-4111...", "card4111...") or
// after another number and a comma, slash or semicolon it may.
func scanCardStartOK(text string, i int) bool {
	if i == 0 {
		return true
	}
	c := text[i-1]
	switch {
	case scanIsASCIIDigit(c) || c == '_':
		return false
	case (c == '.' || c == ':') && i >= 2 && scanIsASCIIDigit(text[i-2]):
		return false // "3.14", "10:30"
	}
	return true
}

// scanCardJoinedDigits counts the digits of the groups joined by dashes or dots that
// start at the digit text[s], stopping once there are more than 19.
func scanCardJoinedDigits(text string, s int) int {
	n, j := 0, s
	for {
		k, gn := scanCardGroupAt(text, j)
		n += gn
		if n > 19 || k+1 >= len(text) || text[k] != '-' && text[k] != '.' {
			return n
		}
		if _, dn := scanDigitAt(text, k+1); dn == 0 {
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
	if i >= 3 && scanURLEscapeAt(text, i-3) {
		return true // "ip=10.0.0.1%2C10.0.0.2": after a URL escape, as after its character
	}
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
	return len(d) >= 13 && len(d) <= 19 && scanCardPrefixOK(d) && scanLuhnOK(d)
}

// scanLuhnOK reports whether the ASCII digits d end in a valid Luhn check digit.
func scanLuhnOK(d []byte) bool {
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
// Mastercard, Amex, Diners, Discover, JCB, UnionPay, Maestro, Mir, RuPay) and has a
// length that network issues.
func scanCardPrefixOK(d []byte) bool {
	p2 := int(d[0]-'0')*10 + int(d[1]-'0')
	p4 := p2*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	switch n := len(d); {
	case d[0] == '4': // Visa
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720: // Mastercard
		return n == 16
	case p2 == 34 || p2 == 37: // Amex
		return n == 15
	case p4 >= 2200 && p4 <= 2204: // Mir
		return n >= 16
	case p2 == 36 || p2 == 38 || p2 == 39 || p4 >= 3000 && p4 <= 3059, p4 >= 3528 && p4 <= 3589:
		return n >= 14 // Diners, JCB
	case p2 == 50 || p2 >= 56 && p2 <= 69, p2 == 81 || p2 == 82: // Maestro, Discover, UnionPay, RuPay
		return true
	}
	return false
}
