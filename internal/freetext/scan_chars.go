package freetext

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// scanIsASCIIDigit reports whether c is '0'..'9'.
func scanIsASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanIsASCIIAlnum reports whether c is an ASCII letter or digit.
func scanIsASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// scanDigitAt returns the digit at text[i] as an ASCII digit, and its length in bytes (0
// when text[i] starts no digit). ASCII, full-width (０-９) and Arabic-Indic digits count,
// as SMS in Japanese, Chinese and Arabic use them for phone numbers, and so do the
// decimal digits of every other script (Devanagari, Bengali, Thai...).
func scanDigitAt(text string, i int) (byte, int) {
	if c := text[i]; c-'0' < 10 {
		return c, 1 // the common case, small enough to be inlined
	}
	return scanWideDigitAt(text, i)
}

// scanWideDigitAt is scanDigitAt for a byte that is no ASCII digit. It is small enough
// to be inlined: ASCII, the common case, costs no call.
func scanWideDigitAt(text string, i int) (byte, int) {
	if text[i] < 0x80 {
		return 0, 0
	}
	return scanNonASCIIDigitAt(text, i)
}

// scanNonASCIIDigitAt is scanWideDigitAt for a byte beyond ASCII.
func scanNonASCIIDigitAt(text string, i int) (byte, int) {
	if i+1 >= len(text) {
		return 0, 0
	}
	c, d := text[i], text[i+1]
	switch c {
	case 0xD9: // U+0660..U+0669
		if d >= 0xA0 && d <= 0xA9 {
			return '0' + d - 0xA0, 2
		}
	case 0xDB: // U+06F0..U+06F9
		if d >= 0xB0 && d <= 0xB9 {
			return '0' + d - 0xB0, 2
		}
	case 0xEF: // U+FF10..U+FF19
		if d == 0xBC && i+2 < len(text) && text[i+2] >= 0x90 && text[i+2] <= 0x99 {
			return '0' + text[i+2] - 0x90, 3
		}
	case 0xDF, 0xE0, 0xE1, 0xEA, 0xF0: // where the other scripts' digits are encoded
		// The code point, from the bytes as they would be if valid: most letters of
		// these scripts are told from digits by one bit, without decoding.
		var r rune
		switch {
		case c < 0xE0:
			r = rune(c&0x1F)<<6 | rune(d&0x3F)
		case c < 0xF0 && i+2 < len(text):
			r = rune(c&0x0F)<<12 | rune(d&0x3F)<<6 | rune(text[i+2]&0x3F)
		case c == 0xF0 && i+3 < len(text):
			r = rune(d&0x3F)<<12 | rune(text[i+2]&0x3F)<<6 | rune(text[i+3]&0x3F)
		}
		if int(r) >= len(scanOtherDigitBits)*64 || scanOtherDigitBits[r>>6]&(1<<(r&63)) == 0 {
			return 0, 0
		}
		if dr, n := utf8.DecodeRuneInString(text[i:]); dr == r {
			v, _ := scanOtherDigit(r)
			return '0' + v, n
		}
	}
	return 0, 0
}

// scanOtherDigitBits marks the code points, below U+20000, of the decimal digits that
// scanOtherDigit reads.
var scanOtherDigitBits = func() (bits [0x20000 / 64]uint64) {
	for _, z := range scanDigitZeros() {
		for r := z; r < z+10 && r < 0x20000; r++ {
			if r >= 0x7C0 { // below, the ASCII and Arabic-Indic digits have their own cases
				bits[r>>6] |= 1 << (r & 63)
			}
		}
	}
	return bits
}()

// scanOtherDigit returns the value of r, a decimal digit of a script other than Latin,
// Arabic and the full-width forms (Devanagari, Bengali, Tamil, Thai, Myanmar, Khmer,
// the mathematical digits...), and whether it is one: phone numbers are written in
// them, and digits a reader takes for digits must be read as such.
func scanOtherDigit(r rune) (byte, bool) {
	zeros := scanDigitZeros()
	k, found := slices.BinarySearch(zeros, r)
	if !found {
		k--
	}
	if k < 0 || r-zeros[k] >= 10 {
		return 0, false
	}
	return byte(r - zeros[k]), true
}

// scanDigitZeros lists the zero of every run of ten decimal digits in Unicode (they
// come in such runs, from zero to nine), in order.
var scanDigitZeros = sync.OnceValue(func() []rune {
	var zeros []rune
	for _, rg := range unicode.Nd.R16 {
		for z := rune(rg.Lo); z <= rune(rg.Hi); z += 10 {
			zeros = append(zeros, z)
		}
	}
	for _, rg := range unicode.Nd.R32 {
		for z := rune(rg.Lo); z <= rune(rg.Hi); z += 10 {
			zeros = append(zeros, z)
		}
	}
	return zeros
})

// scanInvisibleAt returns the length of a character at text[j] that shows nothing and
// may sit unseen inside a number: a zero-width space, non-joiner or joiner (U+200B to
// U+200D), a word joiner (U+2060), a byte order mark (U+FEFF) or a soft hyphen
// (U+00AD); 0 for anything else.
func scanInvisibleAt(text string, j int) int {
	if j+1 >= len(text) || text[j] < 0xC2 {
		return 0
	}
	switch c, d := text[j], text[j+1]; {
	case c == 0xC2 && d == 0xAD:
		return 2
	case j+2 >= len(text):
		return 0
	case c == 0xE2 && d == 0x80 && text[j+2] >= 0x8B && text[j+2] <= 0x8D,
		c == 0xE2 && d == 0x81 && text[j+2] == 0xA0,
		c == 0xEF && d == 0xBB && text[j+2] == 0xBF:
		return 3
	}
	return 0
}

// scanIsPlusAt returns the length of a plus sign ('+', '＋', or "%2B" as URLs encode
// it) at text[i], or 0.
func scanIsPlusAt(text string, i int) int {
	if text[i] == '+' {
		return 1
	}
	if text[i] == '%' && i+2 < len(text) && text[i+1] == '2' && text[i+2]|0x20 == 'b' {
		return 3
	}
	if text[i] == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && text[i+2] == 0x8B {
		return 3
	}
	return 0
}

// scanOpenParenAt returns the length of an opening bracket ('(', '（' or "%28") at text[i], or 0.
func scanOpenParenAt(text string, i int) int {
	if text[i] == '(' {
		return 1
	}
	if text[i] == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && text[i+2] == 0x88 {
		return 3
	}
	if text[i] == '%' && i+2 < len(text) && text[i+1] == '2' && text[i+2] == '8' {
		return 3 // URL-encoded
	}
	return 0
}

// scanPhoneSepAt returns the length of a character that may separate the digit groups
// of a phone number at text[i] (spaces, dashes, dots, slashes, brackets, the tilde of
// "0~0", and the URL encodings of spaces, dashes and brackets), and a class byte for it: ' ', '-', '.', '/', '(', ')' or '~'. 0 if none.
func scanPhoneSepAt(text string, i int) (int, byte) {
	c := text[i]
	switch c {
	case ' ', '-', '.', '/', '(', ')', '~':
		return 1, c
	case '\t':
		return 1, ' '
	case '[':
		return 1, '('
	case ']':
		return 1, ')'
	case '%':
		// URL-encoded: "phone=%2B1%20415%20555%202671" in a logged query string.
		if i+2 < len(text) && text[i+1] == '2' {
			switch text[i+2] {
			case '0':
				return 3, ' '
			case 'D', 'd':
				return 3, '-'
			case '8':
				return 3, '('
			case '9':
				return 3, ')'
			}
		}
		return 0, 0
	}
	if c < 0x80 || i+1 >= len(text) {
		return 0, 0
	}
	d := text[i+1]
	switch {
	case c == 0xC2 && d == 0xA0: // no-break space
		return 2, ' '
	case c == 0xC2 && d == 0xB7: // middle dot
		return 2, '.'
	case i+2 >= len(text):
		return 0, 0
	}
	e := text[i+2]
	switch {
	case c == 0xE3 && d == 0x80 && e == 0x80: // ideographic space
		return 3, ' '
	case c == 0xE3 && d == 0x80 && e == 0x82, c == 0xE3 && d == 0x83 && e == 0xBB, // ideographic full stop, katakana middle dot
		c == 0xEF && d == 0xBD && (e == 0xA1 || e == 0xA5), // their half-width forms
		c == 0xE2 && d == 0x80 && (e == 0xA4 || e == 0xA7): // one dot leader, hyphenation point
		return 3, '.'
	case c == 0xEF && d == 0xB9 && (e == 0xA3 || e == 0x98), c == 0xE2 && d == 0x81 && e == 0x83: // small hyphen-minus, small em dash, hyphen bullet
		return 3, '-'
	case c == 0xE2 && d == 0x80 && (e >= 0x90 && e <= 0x95 || e == 0x89 || e == 0xAF): // hyphens, dashes; thin and narrow no-break spaces
		if e == 0x89 || e == 0xAF {
			return 3, ' '
		}
		return 3, '-'
	case c == 0xE2 && d == 0x88 && e == 0x92: // minus sign
		return 3, '-'
	case c == 0xEF && d == 0xBC:
		switch e {
		case 0x8D:
			return 3, '-'
		case 0x8E:
			return 3, '.'
		case 0x8F:
			return 3, '/'
		case 0x88:
			return 3, '('
		case 0x89:
			return 3, ')'
		}
	case c == 0xEF && d == 0xBD && e == 0x9E: // full-width tilde
		return 3, '~'
	}
	return 0, 0
}

// scanRuneBefore returns the rune that ends just before text[i], or utf8.RuneError at
// the start of text.
func scanRuneBefore(text string, i int) rune {
	if i <= 0 {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// scanRuneAt returns the rune at text[i], or utf8.RuneError at the end of text.
func scanRuneAt(text string, i int) rune {
	if i >= len(text) {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// scanIsCasedLetter reports whether r is a letter of an alphabet with case (Latin,
// Greek, Cyrillic...): digits glued to such letters are part of a word or code, while
// scripts without spaces (Chinese, Japanese) and Arabic touch numbers in ordinary text.
func scanIsCasedLetter(r rune) bool {
	if r < 0x80 {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r)
}

// scanIsCurrency reports whether r is a currency sign.
func scanIsCurrency(r rune) bool {
	if r < 0x80 {
		return r == '$' // the only one in ASCII
	}
	return unicode.Is(unicode.Sc, r)
}

// scanIsWordRune reports whether r is a letter, digit or combining mark.
func scanIsWordRune(r rune) bool {
	if r < 0x80 {
		return scanIsASCIIAlnum(byte(r)) || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// scanBaseRuneBefore is scanRuneBefore that looks past combining marks to the letter
// they sit on ("e\u0301" is an é).
func scanBaseRuneBefore(text string, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.Is(unicode.Mn, r) {
			return r
		}
		i -= n
	}
	return utf8.RuneError
}
