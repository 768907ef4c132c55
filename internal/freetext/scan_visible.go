package freetext

import (
	"math"
	"strings"
	"unicode/utf8"
)

// scanVisible appends the findings of a pass over text as a reader sees it, with their
// offsets in text: without its invisible characters (scanInvisibleAt); with the
// full-width forms of ASCII letters, digits and signs read as ASCII ("ＳＳＮ
// １２３-４５-６７８９"), and Unicode spaces, dashes and dots as ASCII ones; with HTML
// character references read as their characters and tags as nothing, a space, or a
// line break between cells (scanEntityAt, scanTagAt, scanCellTagAt); with a line break inside a number read as a space
// ("415\n555-2671"), and an underscore or star between digits as a dash
// ("415_555_2671"). A finding spans what is hidden inside it, and nothing around it.
func (s *textScanner) scanVisible(text string, dst []Finding) []Finding {
	if len(text) > math.MaxInt32 {
		return scanVisibleWith[int](s, text, dst)
	}
	return scanVisibleWith[int32](s, text, dst) // half the memory of a map in ints
}

// scanVisibleWith is scanVisible keeping where each byte read sits in text as a T.
func scanVisibleWith[T int32 | int](s *textScanner, text string, dst []Finding) []Finding {
	base := len(dst)
	b := make([]byte, 0, len(text))
	at := make([]T, 0, len(text)+1) // at[k]: where the character read as b[k] sits in text
	for j := 0; j < len(text); {
		if c := text[j]; c < utf8.RuneSelf && scanSplitClass[c] == 0 && c != '=' {
			b, at = append(b, c), append(at, T(j)) // a byte read as itself (scanVisibleUnit)
			j++
			continue
		}
		k := len(b)
		var n int
		b, n = scanVisibleUnit(text, j, b)
		for ; k < len(b); k++ {
			at = append(at, T(j))
		}
		j += n
	}
	visible := string(b)
	dst, _ = s.scanPass(visible, dst)
	var scratch [utf8.UTFMax]byte
	for k := base; k < len(dst); k++ {
		last := int(at[dst[k].End-1])
		_, n := scanVisibleUnit(text, last, scratch[:0]) // the byte read may stand for more
		dst[k].Start, dst[k].End = int(at[dst[k].Start]), last+n
	}
	return dst
}

// scanVisibleUnit appends to b what scanVisible reads for the character, reference,
// tag or line break at text[j], and returns b and the length in text of what it read.
func scanVisibleUnit(text string, j int, b []byte) ([]byte, int) {
	if n := scanInvisibleAt(text, j); n > 0 {
		return b, n
	}
	switch text[j] {
	case '&':
		if r, n := scanEntityAt(text, j); n > 0 {
			return scanAppendVisibleRune(b, r), n
		}
	case '<':
		if n, inline := scanTagAt(text, j); n > 0 {
			switch {
			case inline:
				return b, n
			case scanCellTagAt(text, j):
				return append(b, '\n'), n // cells of a table or items of a list: apart
			}
			return append(b, ' '), n
		}
	case '\n', '\r':
		if n := scanBreakJoinsAt(text, j); n > 0 {
			return append(b, ' '), n
		}
	case '=':
		if j+1 < len(text) && scanBreakJoinsAt(text, j+1) > 0 {
			return b, 1 // the soft line break of quoted-printable reads as nothing
		}
	case '\\':
		if n := scanEscapedBreakAt(text, j); n > 0 {
			return append(b, ' '), n
		}
		if scanEscapeSplitsAt(text, j) {
			r, n := scanEscapeAt(text, j)
			return scanAppendVisibleRune(b, r), n
		}
	case '_', '*', '`':
		if scanGlueJoinsAt(text, j) {
			return append(b, '-'), 1
		}
		if n := scanEmphasisRunAt(text, j); n > 0 {
			return b, n
		}
	}
	c, n := scanVisibleASCIIAt(text, j)
	return append(b, c), n
}

// scanAppendVisibleRune appends to b what scanVisible reads for r, written as a
// reference or an escape: nothing for an invisible character, the ASCII form of a
// full-width one or of a Unicode space, dash or dot, or r itself.
func scanAppendVisibleRune(b []byte, r rune) []byte {
	var buf [utf8.UTFMax]byte
	w := utf8.EncodeRune(buf[:], r)
	ref := string(buf[:w])
	if scanInvisibleAt(ref, 0) > 0 {
		return b
	}
	if c, cn := scanVisibleASCIIAt(ref, 0); cn == w {
		return append(b, c)
	}
	return append(b, ref...)
}

// scanVisibleASCIIAt returns the byte scanVisible reads for the character at text[j],
// and the length of that character: the ASCII form of a full-width one (3 bytes), an
// ASCII space, dash or dot for a Unicode one (scanCardWideSepAt), or text[j] itself.
func scanVisibleASCIIAt(text string, j int) (byte, int) {
	if c, ok := scanFullWidthASCIIAt(text, j); ok {
		return c, 3
	}
	if n, c := scanCardWideSepAt(text, j); n > 0 {
		return c, n
	}
	return text[j], 1
}

// scanBreakJoinsAt returns the length of the line break at text[j] ("\n", "\r\n" or
// "\r", and the indentation after it) when it breaks a number in two: a digit before
// it (perhaps followed by a dash, dot, slash or closing bracket, and spaces), and a
// digit after it (perhaps after an opening bracket or a dash); but for a break between
// two lines of bare digits, a column of numbers, or between words that are no parts of
// a number (scanBreakWordsOK). A number so broken ("415\n555-2671",
// "415-555-\r\n2671") is read as one, with a space for the break; 0 for any other
// character.
func scanBreakJoinsAt(text string, j int) int {
	n := 0
	switch {
	case strings.HasPrefix(text[j:], "\r\n"):
		n = 2
	case text[j] == '\n' || text[j] == '\r':
		n = 1
	default:
		return 0
	}
	if !scanDigitBeforeBreak(text, j) {
		return 0
	}
	e := j + n
	for e < len(text) && e-j-n < 8 && (text[e] == ' ' || text[e] == '\t') {
		e++
	}
	m := e
	if m < len(text) && (text[m] == '(' || text[m] == '-') {
		m++
	}
	if m >= len(text) || !scanIsASCIIDigit(text[m]) {
		return 0
	}
	if !scanBreakWordsOK(text, j, e) || scanNumberColumn(text, j, e, false) {
		return 0 // a column of numbers ("12\n34\n56"), one to a line
	}
	return e - j
}

// scanNumberColumn reports whether the line break text[j:e] (raw, or escaped when
// escaped is set) sits in a column of numbers, one to a line: the lines on both sides of
// it hold digits only, or the line after it does and so does the start of the line after
// that ("ports: 8080\n8443\n9090"). A number is broken across lines once, not twice.
func scanNumberColumn(text string, j, e int, escaped bool) bool {
	if !scanBareNumberLine(text, e, 1, escaped) {
		return false
	}
	if scanBareNumberLine(text, j, -1, escaped) {
		return true
	}
	k := e
	for k < len(text) && scanIsASCIIDigit(text[k]) {
		k++
	}
	switch {
	case escaped && k+1 < len(text) && text[k] == '\\' && (text[k+1] == 'n' || text[k+1] == 'r'):
		k += 2
	case !escaped && k < len(text) && (text[k] == '\n' || text[k] == '\r'):
		k++
	default:
		return false
	}
	for k < len(text) && (text[k] == '\n' || text[k] == '\r' || text[k] == ' ' || text[k] == '\\' && k+1 < len(text) && text[k+1] == 'n') {
		if text[k] == '\\' {
			k++
		}
		k++
	}
	return k < len(text) && scanIsASCIIDigit(text[k])
}

// scanDigitBeforeBreak reports whether a digit ends what comes before the line break
// at text[j], perhaps followed by spaces or by a dash, dot, slash or closing bracket
// and spaces, and perhaps by the '=' of a quoted-printable soft line break
// ("415-555-=\r\n2671"): a number goes on after the break.
func scanDigitBeforeBreak(text string, j int) bool {
	k := j
	if k > 0 && text[k-1] == '=' {
		k-- // a soft line break of quoted-printable, as mail bodies are encoded
	}
	for k > 0 && j-k < 4 && (text[k-1] == ' ' || text[k-1] == '\t') {
		k--
	}
	if k > 0 {
		switch text[k-1] {
		case '-', '.', '/', ')':
			k--
			for k > 0 && j-k < 6 && text[k-1] == ' ' {
				k--
			}
		}
	}
	return k > 0 && scanIsASCIIDigit(text[k-1])
}

// scanBreakWordsOK reports whether the words before and after the line break
// text[j:e] (raw or escaped) may be the two parts of a number: digits and the signs of
// a phone number only, at most one dot in each (no IPv4 address or version), no colon,
// slash or letter (no time, date or timestamp, as log lines start with), and not one
// digit alone before the break (but after a plus sign, "+1\n415..."). A word ends
// at white space, a quote, a tag, an escaped line break or, after it, at punctuation
// before white space.
func scanBreakWordsOK(text string, j, e int) bool {
	dots, digits, plus := 0, 0, false
	if scanISODateAt(text, e) {
		return false // a date starts the next line, as log lines do
	}
	for k := j; k > 0 && j-k < 24; k-- {
		c := text[k-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '>' ||
			(c == 'n' || c == 'r') && k >= 2 && text[k-2] == '\\' {
			break
		}
		if k >= 10 && scanISODateAt(text, k-10) {
			return false // a date ends the line before
		}
		switch {
		case c == '.':
			dots++
		case scanIsASCIIDigit(c):
			digits++
		case c == '+':
			plus = true
		case c != '-' && c != '(' && c != ')' && c != '=':
			return false
		}
	}
	if dots > 1 || digits == 1 && !plus {
		return false // one digit alone ends a line of prose or a list more often than it starts a number
	}
	dots = 0
	for k := e; k < len(text) && k-e < 24; k++ {
		c := text[k]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '<' || c == '\\' {
			break
		}
		switch {
		case c == '.':
			dots++
		case c == ',' || c == ';' || c == '!' || c == '?':
			if k+1 < len(text) && text[k+1] != ' ' && text[k+1] != '\n' {
				return false
			}
			return dots <= 1
		case !scanIsASCIIDigit(c) && c != '-' && c != '(' && c != ')':
			return false
		}
	}
	return dots <= 1
}

// scanISODateAt reports whether a date written as ISO 8601 writes it ("2024-05-01")
// starts at text[k].
func scanISODateAt(text string, k int) bool {
	if k < 0 || k+10 > len(text) || text[k+4] != '-' || text[k+7] != '-' {
		return false
	}
	for _, d := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !scanIsASCIIDigit(text[k+d]) {
			return false
		}
	}
	return true
}

// scanBareNumberLine reports whether the line that ends at text[j] (dir -1) or starts
// at text[j] (dir 1) holds ASCII digits only. Lines end at a line break, or, in a JSON
// string (escaped), at an escaped one ("\n") or a quote.
func scanBareNumberLine(text string, j, dir int, escaped bool) bool {
	k := j
	if dir < 0 {
		for k > 0 && scanIsASCIIDigit(text[k-1]) {
			k--
		}
		switch {
		case k == 0:
			return true
		case escaped:
			return text[k-1] == '"' || k >= 2 && text[k-2] == '\\' && (text[k-1] == 'n' || text[k-1] == 'r')
		}
		return text[k-1] == '\n' || text[k-1] == '\r'
	}
	for k < len(text) && scanIsASCIIDigit(text[k]) {
		k++
	}
	switch {
	case k == len(text):
		return true
	case escaped:
		return text[k] == '"' || k+1 < len(text) && text[k] == '\\' && (text[k+1] == 'n' || text[k+1] == 'r')
	}
	return text[k] == '\n' || text[k] == '\r'
}

// scanEmphasisRunAt returns the length of the run of one to three '*', '_' or '`' at
// text[j] when it opens or closes markdown emphasis or code around digits inside a
// value ("**415**-555-2671", "`415`-555-2671"), as the same run on the other side of
// the digits (and the dashes, dots and spaces between them) shows; 0 otherwise. A
// reader sees no such run. A run between a letter or digit and the value's digits is
// no emphasis: "2*3*5*7" is a product.
func scanEmphasisRunAt(text string, j int) int {
	c := text[j]
	if j > 0 && text[j-1] == c {
		return 0 // inside a run: its start decides
	}
	m := 0
	for j+m < len(text) && text[j+m] == c {
		m++
	}
	if m > 3 {
		return 0
	}
	run := text[j : j+m]
	if e := j + m; e < len(text) && scanIsASCIIDigit(text[e]) && (j == 0 || !scanIsASCIIAlnum(text[j-1])) { // an opening run
		k := e
		for k < len(text) && k-e < 24 && scanEmphasisInner(text[k]) {
			k++
		}
		if scanIsASCIIDigit(text[k-1]) && strings.HasPrefix(text[k:], run) && (k+m == len(text) || text[k+m] != c) {
			return m
		}
	}
	if j > 0 && scanIsASCIIDigit(text[j-1]) && (j+m == len(text) || !scanIsASCIIAlnum(text[j+m])) { // a closing run
		k := j
		for k > 0 && j-k < 24 && scanEmphasisInner(text[k-1]) {
			k--
		}
		if scanIsASCIIDigit(text[k]) && strings.HasSuffix(text[:k], run) && (k-m == 0 || text[k-m-1] != c) {
			return m
		}
	}
	return 0
}

// scanEmphasisInner reports whether c may sit between the runs of markdown around a
// value's digits: a digit, dash, dot or space.
func scanEmphasisInner(c byte) bool { return scanIsASCIIDigit(c) || c == '-' || c == '.' || c == ' ' }

// scanGlueJoinsAt reports whether the underscore or star at text[j] joins two digits
// as a dash would ("415_555_2671", "415*555*2671"): one alone, between ASCII digits;
// a star only between two of them on each side, as a product of single digits
// ("3*4*5*6*7*8*9*10") is arithmetic, not a number's groups.
func scanGlueJoinsAt(text string, j int) bool {
	if j == 0 || j+1 >= len(text) || !scanIsASCIIDigit(text[j-1]) || !scanIsASCIIDigit(text[j+1]) {
		return false
	}
	return text[j] != '*' || j >= 2 && j+2 < len(text) && scanIsASCIIDigit(text[j-2]) && scanIsASCIIDigit(text[j+2])
}

// scanSplitAfter looks at the byte of scanSplitClass at text[i] for the scan pass: it
// returns where the pass goes on (after a run of '*', '_' or '`', which is looked at
// once and only when a digit touches it), and whether what it looked at may split a
// value (scanSplitsValueAt); seen says the pass knows that already, and nothing is
// looked at. Apart from the pass, to keep its loop small.
func scanSplitAfter(text string, i int, seen bool) (int, bool) {
	c := text[i]
	if scanSplitClass[c] == scanSplitOne {
		return i + 1, !seen && scanSplitsValueAt(text, i)
	}
	j := i + 1
	for j < len(text) && text[j] == c {
		j++
	}
	return j, !seen && (i > 0 && scanIsASCIIDigit(text[i-1]) || j < len(text) && scanIsASCIIDigit(text[j])) &&
		scanSplitsValueAt(text, i)
}

// scanSplitsValueAt reports whether the '&', '<', '\\', line break, '_', '*' or '`' at text[i]
// may split what a reader sees as one value, so that the text must be read again as a
// reader sees it: a reference to a character that matters (scanEntityMatters), a tag
// that touches a digit or sign (scanTagTouchesValue), a line break inside a number
// (scanBreakJoinsAt) or escaped in a JSON string, an escape that matters
// (scanEscapeSplitsAt), an underscore or star between digits (scanGlueJoinsAt), markdown
// emphasis or code around some of a value's digits (scanEmphasisRunAt).
func scanSplitsValueAt(text string, i int) bool {
	switch text[i] {
	case '&':
		r, n := scanEntityAt(text, i)
		return n > 0 && scanEntityMatters(r)
	case '<':
		n, _ := scanTagAt(text, i)
		return n > 0 && scanTagTouchesValue(text, i, n)
	case '\n', '\r':
		return scanBreakJoinsAt(text, i) > 0
	case '\\':
		return scanEscapeSplitsAt(text, i)
	}
	return scanGlueJoinsAt(text, i) || scanEmphasisRunAt(text, i) > 0
}
