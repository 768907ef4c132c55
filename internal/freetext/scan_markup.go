package freetext

import (
	"strconv"
	"unicode/utf8"
)

// Text taken from HTML (a message body, a rich-text field, a templated email) writes
// characters as references ("&#43;1 415 555 2671", "415&nbsp;555&nbsp;2671") and puts
// tags inside what a reader sees as one value ("<b>415</b>-555-2671"). The pass over
// what a reader sees (scanVisible) reads a reference as its character and a tag as
// nothing (an inline element, "<b>", "<span class=x>"), a line break that joins
// nothing (a cell, row or list item: "<td>", "<li>") or a space (any other: "<br>",
// "<h2>"); the masks treat a reference as the character it stands for and a
// tag as markup, which they keep (scanMarkupAt).

// scanEntityAt returns the character that the HTML character reference at text[j]
// stands for ("&#43;", "&#x2B;", "&plus;", "&nbsp;"), and the reference's length; 0
// when none starts there. Numeric references are read for every character; named ones
// only for those that may sit inside a phone number, a card or an address.
func scanEntityAt(text string, j int) (rune, int) {
	if j+3 >= len(text) || text[j] != '&' {
		return 0, 0
	}
	end := j + 1
	for end < len(text) && end-j <= 32 && text[end] != ';' {
		if c := text[end]; !scanIsASCIIAlnum(c) && !(c == '#' && end == j+1) {
			return 0, 0
		}
		end++
	}
	if end >= len(text) || text[end] != ';' || end == j+1 {
		return 0, 0
	}
	body := text[j+1 : end]
	if body[0] == '#' {
		num, base := body[1:], 10
		if len(num) > 0 && num[0]|0x20 == 'x' {
			num, base = num[1:], 16
		}
		v, err := strconv.ParseUint(num, base, 32)
		if err != nil || v == 0 || v > utf8.MaxRune {
			return 0, 0
		}
		return rune(v), end + 1 - j
	}
	for _, e := range scanNamedEntities {
		if e.name == body {
			return e.r, end + 1 - j
		}
	}
	return 0, 0
}

// scanNamedEntities are the named references scanEntityAt reads: those of the signs and
// spaces that join the parts of a number or an address. Names are case-sensitive.
var scanNamedEntities = [...]struct {
	name string
	r    rune
}{
	{"nbsp", '\u00a0'}, {"NonBreakingSpace", '\u00a0'}, {"thinsp", '\u2009'}, {"ensp", '\u2002'},
	{"emsp", '\u2003'}, {"numsp", '\u2007'}, {"puncsp", '\u2008'}, {"hairsp", '\u200a'},
	{"plus", '+'}, {"commat", '@'}, {"period", '.'}, {"sol", '/'}, {"num", '#'},
	{"lpar", '('}, {"rpar", ')'}, {"hyphen", '\u2010'}, {"dash", '\u2010'},
	{"ndash", '\u2013'}, {"mdash", '\u2014'}, {"minus", '\u2212'}, {"shy", '\u00ad'},
	{"zwj", '\u200d'}, {"zwnj", '\u200c'}, {"NoBreak", '\u2060'},
}

// scanEntityMatters reports whether the reference for r may hide a value from the
// finder: a digit, a sign or space of a number or address, or any character beyond
// ASCII (a Unicode digit, space or dash, a full-width form, an invisible character).
func scanEntityMatters(r rune) bool {
	if r >= 0x80 {
		return true
	}
	switch c := byte(r); {
	case scanIsASCIIDigit(c):
		return true
	default:
		switch c {
		case '+', '@', '(', ')', '-', '.', '/', ' ', '#':
			return true
		}
	}
	return false
}

// scanTagAt returns the length of the HTML tag at text[j] ("<b>", "</span>",
// "<br/>", "<td class=x>", "<!-- c -->"), 0 when none starts there, and whether the
// tag is of an inline element, which a browser joins to the text around it.
func scanTagAt(text string, j int) (int, bool) {
	if j+2 >= len(text) || text[j] != '<' {
		return 0, false
	}
	k := j + 1
	if text[k] == '!' && k+2 < len(text) && text[k+1] == '-' && text[k+2] == '-' {
		for e := k + 3; e+2 < len(text) && e-j < 512; e++ {
			if text[e] == '-' && text[e+1] == '-' && text[e+2] == '>' {
				return e + 3 - j, true
			}
		}
		return 0, false
	}
	if text[k] == '/' {
		k++
	}
	name := k
	for k < len(text) && k-name < 16 && scanIsASCIIAlnum(text[k]) {
		k++
	}
	if k == name || !(text[name]|0x20 >= 'a' && text[name]|0x20 <= 'z') || k >= len(text) {
		return 0, false
	}
	if c := text[k]; c != '>' && c != ' ' && c != '/' && c != '\t' && c != '\n' {
		return 0, false
	}
	inline := scanInlineTag(text[name:k])
	for e := k; e < len(text) && e-j < 512; e++ {
		switch text[e] {
		case '>':
			return e + 1 - j, inline
		case '<':
			return 0, false
		}
	}
	return 0, false
}

// scanInlineTag reports whether name is an inline element of HTML, in any case.
func scanInlineTag(name string) bool {
	for _, t := range [...]string{"b", "i", "u", "s", "a", "q", "em", "strong", "span", "font",
		"small", "big", "sub", "sup", "mark", "code", "tt", "wbr", "del", "ins", "abbr", "kbd",
		"samp", "var", "bdi", "bdo", "nobr", "strike", "cite", "dfn", "time", "data"} {
		if len(name) == len(t) && scanHasPrefixFold(name, t) {
			return true
		}
	}
	return false
}

// scanCellTagAt reports whether the tag at text[j] opens or closes a cell, row or
// table, an item of a list, or an option: what stands in two of them is read apart,
// as a line break that joins nothing ("<td>415</td><td>555</td><td>2671</td>" holds
// three numbers, not one).
func scanCellTagAt(text string, j int) bool {
	k := j + 1
	if k < len(text) && text[k] == '/' {
		k++
	}
	name := k
	for k < len(text) && k-name < 8 && scanIsASCIIAlnum(text[k]) {
		k++
	}
	for _, t := range [...]string{"td", "th", "tr", "table", "thead", "tbody", "tfoot", "li", "ul", "ol",
		"dt", "dd", "option", "caption"} {
		if k-name == len(t) && scanHasPrefixFold(text[name:k], t) {
			return true
		}
	}
	return false
}

// scanTagTouchesValue reports whether the tag text[j:j+n] touches what may be part of a
// value: a digit, a plus or an at sign just before or just after it
// ("<b>415</b>-555-2671", "jane<b>@</b>example.com"). Only then is the text read again
// without its tags.
func scanTagTouchesValue(text string, j, n int) bool {
	touches := func(c byte) bool { return scanIsASCIIDigit(c) || c == '+' || c == '@' }
	return j > 0 && touches(text[j-1]) || j+n < len(text) && touches(text[j+n])
}

// scanMarkupAt returns the length of the HTML character reference or tag, or the
// backslash escape (scanEscapeAt), at v[j] (0 when none starts there) and, for a
// reference or escape to a decimal digit of any script, the digit in ASCII (0
// otherwise): the masks copy markup as it is and treat a reference to a digit as that
// digit, so that the digits of "&#8209;" or "<h2>" count for nothing and "&#x34;"
// counts as one.
func scanMarkupAt(v string, j int) (n int, digit byte) {
	if c := v[j]; c == '&' || c == '<' || c == '\\' {
		n, digit = scanMarkupLenAt(v, j)
	}
	return n, digit
}

// scanMarkupLenAt is scanMarkupAt for a byte that may start markup.
func scanMarkupLenAt(v string, j int) (int, byte) {
	switch v[j] {
	case '&':
		r, n := scanEntityAt(v, j)
		if n == 0 {
			return 0, 0
		}
		var buf [utf8.UTFMax]byte
		w := utf8.EncodeRune(buf[:], r)
		if d, dn := scanDigitAt(string(buf[:w]), 0); dn == w {
			return n, d
		}
		return n, 0
	case '<':
		n, _ := scanTagAt(v, j)
		return n, 0
	case '\\':
		r, n := scanEscapeAt(v, j)
		if n == 0 {
			return 0, 0
		}
		if n >= 4 && r < 0x80 && scanIsASCIIDigit(byte(r)) {
			return n, byte(r)
		}
		if n >= 4 {
			var buf [utf8.UTFMax]byte
			w := utf8.EncodeRune(buf[:], r)
			if d, dn := scanDigitAt(string(buf[:w]), 0); dn == w {
				return n, d
			}
		}
		return n, 0
	}
	return 0, 0
}

// scanEscapeAt returns the character that the backslash escape at text[j] stands for,
// and the escape's length; 0 when none starts there. Text logged as a JSON or
// JavaScript string writes characters as "\u00a0" or "\u002B" (JavaScript and
// Python also as "\x2d") and line breaks as "\n"; markdown escapes signs
// ("415\-555\-2671").
func scanEscapeAt(text string, j int) (rune, int) {
	if j+1 >= len(text) || text[j] != '\\' {
		return 0, 0
	}
	switch c := text[j+1]; c {
	case 'u':
		if j+6 > len(text) {
			return 0, 0
		}
		v, err := strconv.ParseUint(text[j+2:j+6], 16, 32)
		if err != nil || v == 0 {
			return 0, 0
		}
		return rune(v), 6
	case 'x':
		// "\x2d": JavaScript and Python write a byte so, as their logs show it.
		if j+4 > len(text) {
			return 0, 0
		}
		v, err := strconv.ParseUint(text[j+2:j+4], 16, 8)
		if err != nil || v == 0 || v >= 0x80 {
			return 0, 0
		}
		return rune(v), 4
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case '-', '.', '(', ')', '+', '#', '@', '/', '*', '_', '`':
		return rune(c), 2
	}
	return 0, 0
}

// scanEscapeSplitsAt reports whether the backslash escape at text[j] may split a value:
// one for a character that matters (scanEntityMatters) next to a digit, or a line
// break or tab inside a number or before one.
func scanEscapeSplitsAt(text string, j int) bool {
	r, n := scanEscapeAt(text, j)
	if n == 0 {
		return false
	}
	if r == '\n' || r == '\r' || r == '\t' {
		// Inside a number, or glued to the start of one ("\n10.0.0.2", "\n+1 415..."),
		// which the escape's letter would make part of a word.
		return scanEscapedBreakAt(text, j) > 0 ||
			j+n < len(text) && (scanIsASCIIDigit(text[j+n]) || text[j+n] == '+')
	}
	return scanEntityMatters(r) && (j > 0 && scanIsASCIIDigit(text[j-1]) || n >= 4 ||
		j+n < len(text) && scanIsASCIIDigit(text[j+n]))
}

// scanEscapedBreakAt returns the length of the escaped line breaks and tabs at text[j]
// ("\n", "\r\n", "\t") when they sit between two digits, as in a number broken across
// lines and logged as a JSON string ("415\n555-2671"); 0 otherwise.
func scanEscapedBreakAt(text string, j int) int {
	if !scanDigitBeforeBreak(text, j) {
		return 0
	}
	e := j
	for e-j < 6 {
		r, n := scanEscapeAt(text, e)
		if n == 0 || r != '\n' && r != '\r' && r != '\t' {
			break
		}
		e += n
	}
	if e == j || e >= len(text) || !scanIsASCIIDigit(text[e]) {
		return 0
	}
	if !scanBreakWordsOK(text, j, e) || scanNumberColumn(text, j, e, true) {
		return 0 // a column of numbers ("12\\n34\\n56"), one to a line
	}
	return e - j
}
