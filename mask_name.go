package pii

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maskInitials is the default redaction of a name and the redactInitials strategy for
// any kind: each word becomes the upper-cased first letter of it and a '.', and the
// words are joined by single spaces: "Jane Doe" gives "J. D.", "josé maría garcía"
// gives "J. M. G.".
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
func maskInitials(s string) string {
	// Initials are rarely longer than the name; twice covers "a b" -> "A. B.".
	out := maskLazy{src: s, grow: 2*len(s) + 4}
	words := 0
	for rest := s; rest != ""; {
		var word string
		word, rest = maskNextWord(rest)
		parts := 0
		for word != "" {
			var part string
			part, word = maskNextPart(word)
			var buf [16]byte
			ini := maskInitial(buf[:0], part)
			if len(ini) == 0 {
				continue
			}
			switch {
			case parts > 0:
				out.add("-")
			case words > 0:
				out.add(" ")
			}
			out.addBytes(ini)
			out.add(".")
			parts++
		}
		if parts > 0 {
			words++
		}
	}
	return out.String()
}

// maskNextWord splits the first white-space separated word off s.
func maskNextWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// maskNextPart splits the first hyphen-separated part off word.
func maskNextPart(word string) (part, rest string) {
	if i := strings.IndexAny(word, "-\u2010\u2011"); i >= 0 {
		_, size := utf8.DecodeRuneInString(word[i:])
		return word[:i], word[i+size:]
	}
	return word, ""
}

// maskInitial appends to dst the initial of part: its first letter upper-cased with
// the combining marks after it, or nothing when its first letter or digit is a digit or
// it has none. The marks appended are capped so that dst's array suffices.
func maskInitial(dst []byte, part string) []byte {
	for i, r := range part {
		if unicode.IsDigit(r) || unicode.IsNumber(r) {
			return dst
		}
		if !unicode.IsLetter(r) {
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToUpper(r))
		for _, m := range part[i+utf8.RuneLen(r):] {
			if !unicode.Is(unicode.Mn, m) || len(dst)+utf8.RuneLen(m) > cap(dst) {
				break
			}
			dst = utf8.AppendRune(dst, m)
		}
		return dst
	}
	return dst
}
