package pii

import (
	"unicode"
	"unicode/utf8"
)

// maskInitialsMaxWords is the most words of a name; real ones have far fewer.
const maskInitialsMaxWords = 12

// maskAppendInitials appends the default redaction of a name, which is also the
// redactInitials strategy for any kind: each word becomes the upper-cased first letter
// of it and a '.', and the words are joined by single spaces: "Jane Doe" gives "J. D.",
// "josé maría garcía" gives "J. M. G.".
//
//   - Words are separated by white space; the parts of a hyphenated word keep their
//     hyphen: "Jean-Luc O'Neil" gives "J.-L. O.". An apostrophe does not split a word
//     ("O'Neil" is one word, "d'Artagnan" gives "D.").
//   - The initial is the first letter of the word or part, with the combining marks
//     that follow it ("E\u0301mile" gives "E\u0301."), upper-cased by Unicode's simple
//     mapping. Punctuation before it is skipped: "(Jane)" gives "J.".
//   - A word or part whose first letter or digit is a digit gives no initial ("3rd",
//     "+1"), so that initials never carry digits: a phone number under redact=initials
//     gives "". A value with no initial at all gives "".
//   - Scripts without spaces between words (Chinese, Japanese) give the first
//     character of the run: "山田太郎" gives "山.".
//   - Idempotent: "J. D." and "J.-L. O." are their own initials.
//   - Fail closed: a value of more than maskInitialsMaxWords words is text, not a
//     name, and gives "": the initials of a sentence would spell it out.
//
// The initials are built in one pass over the runes of s. ASCII bytes are classified
// by a table; only other runes are decoded and looked up in the Unicode tables. An ASCII
// name is masked by maskFastInitials' own loop, which gives the same bytes.
func maskAppendInitials(dst []byte, s string) []byte {
	out, _ := maskFastInitials(dst, s)
	return out
}

// maskAppendInitialsGeneral is maskAppendInitials for any value.
func maskAppendInitialsGeneral(dst []byte, s string) []byte {
	start := len(dst)
	words := 0      // words of s that gave an initial so far
	parts := 0      // parts of the current word that gave an initial so far
	seeking := true // the current part's initial is still to be found
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		var class maskRuneClass
		if r < utf8.RuneSelf {
			class = maskASCIIClass[r]
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			class = maskClassOf(r)
		}
		switch {
		case class == maskClassSpace: // the end of a word
			if parts > 0 {
				words++
			}
			parts = 0
			seeking = true
		case class == maskClassHyphen: // the end of a part
			seeking = true
		case !seeking:
		case class == maskClassNumber:
			seeking = false // a part that starts with a digit has no initial
		case class == maskClassLetter:
			switch {
			case parts > 0:
				dst = append(dst, '-')
			case words >= maskInitialsMaxWords:
				return dst[:start]
			case words > 0:
				dst = append(dst, ' ')
			}
			dst = maskAppendInitial(dst, r, s[i+size:])
			dst = append(dst, '.')
			parts++
			seeking = false
		}
		i += size
	}
	return dst
}

// A maskRuneClass is what a rune is to maskAppendInitials.
type maskRuneClass uint8

const (
	maskClassOther  maskRuneClass = iota // punctuation, symbols: skipped
	maskClassSpace                       // white space: ends a word
	maskClassHyphen                      // '-', U+2010, U+2011: ends a part
	maskClassNumber                      // a digit or other number: no initial
	maskClassLetter                      // a letter: an initial
)

// maskClassOf classifies r with the Unicode tables.
func maskClassOf(r rune) maskRuneClass {
	switch {
	case unicode.IsSpace(r):
		return maskClassSpace
	case r == '-' || r == '\u2010' || r == '\u2011':
		return maskClassHyphen
	case unicode.IsNumber(r): // Nd, the digits, is part of N
		return maskClassNumber
	case unicode.IsLetter(r):
		return maskClassLetter
	}
	return maskClassOther
}

// maskASCIIClass is maskClassOf for the ASCII runes, computed once.
var maskASCIIClass = func() (t [utf8.RuneSelf]maskRuneClass) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = maskClassOf(r)
	}
	return t
}()

// maskInitialMax bounds the bytes of one initial: its letter and the combining marks
// kept after it.
const maskInitialMax = 16

// maskAppendInitial appends to dst the initial whose letter is r: r upper-cased, with
// the combining marks that follow it in rest, as many as fit in maskInitialMax bytes.
func maskAppendInitial(dst []byte, r rune, rest string) []byte {
	start := len(dst)
	if 'a' <= r && r <= 'z' {
		dst = append(dst, byte(r)-'a'+'A')
	} else {
		dst = utf8.AppendRune(dst, unicode.ToUpper(r))
	}
	for _, m := range rest {
		if m < utf8.RuneSelf || !unicode.Is(unicode.Mn, m) || len(dst)-start+utf8.RuneLen(m) > maskInitialMax {
			break
		}
		dst = utf8.AppendRune(dst, m)
	}
	return dst
}
