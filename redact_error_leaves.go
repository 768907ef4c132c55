package pii

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds the data of a chain's tagged leaves in the text of the error that
// wraps them, where no replacement of an error's own text reaches: a wrapper that
// formatted the data itself beside %w (fmt.Errorf("welcome %s: %w", u.Email, err)),
// whole, in another case, or in part (the local part of an address, a first name, the
// digits of a number written another way). Any of it there withholds the whole text.

// minRawLeaf is the shortest text of a tagged leaf, or part of one, that rawLeafIn looks
// for: a shorter one (an initial, a two-letter code) stands in too many words by chance.
const minRawLeaf = 4

// minRawDigits is the fewest digits of a phone number that rawLeafIn looks for, written
// any way: its last seven, the subscriber part of most national numbers, which no other
// number of a text shares by chance.
const minRawDigits = 7

// rawLeafIn reports whether out holds data of raw, the tagged leaves of a chain's
// errors, that redaction changed (what kept holds, the leaves of their redacted copies,
// stays: an owned number, a kind the profile does not hide). Case is ignored. A leaf is
// looked for whole, and by the parts its kind shows on its own: each word of a name,
// an address's local part and each of its words, a phone number's last seven digits
// with any separators between them.
func rawLeafIn(out string, raw, kept []taggedText) bool {
	lower := strings.ToLower(out)
	var keptLower []string
	for _, k := range kept {
		keptLower = append(keptLower, strings.ToLower(k.text))
	}
	inKept := func(s string) bool {
		for _, k := range keptLower {
			if strings.Contains(k, s) {
				return true
			}
		}
		return false
	}
	for _, r := range raw {
		whole := strings.ToLower(r.text)
		if inKept(whole) {
			continue // left as it was
		}
		if len(whole) >= minRawLeaf && strings.Contains(lower, whole) {
			return true
		}
		switch r.kind {
		case KindName:
			if wordIn(lower, words(whole), inKept) {
				return true
			}
		case KindEmail:
			at := strings.LastIndexByte(whole, '@')
			if at < 0 {
				break
			}
			local := whole[:at]
			if len(local) >= minRawLeaf && !inKept(local) && strings.Contains(lower, local) {
				return true
			}
			if wordIn(lower, words(local), inKept) {
				return true
			}
		case KindPhone:
			if d := digitsOf(whole); len(d) >= minRawDigits && strings.Contains(digitRuns(lower), d[len(d)-minRawDigits:]) {
				return true
			}
		}
	}
	return false
}

// words returns the words of s: its runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// wordIn reports whether a word of ws, of minRawLeaf bytes or more and not in what
// redaction kept, stands in text as a word of its own (not inside a longer one: "Anna"
// is not in "Annapolis").
func wordIn(text string, ws []string, inKept func(string) bool) bool {
	for _, w := range ws {
		if len(w) >= minRawLeaf && !inKept(w) && hasWord(text, w) {
			return true
		}
	}
	return false
}

// hasWord reports whether w stands in text with no letter or digit right before or
// after it.
func hasWord(text, w string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = i + 1
	}
}

// isWordRune reports whether r is a letter or digit (utf8.RuneError, at either end of a
// text, is neither).
func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// digitsOf returns the ASCII digits of s, in order.
func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// digitRuns returns the digits of s with the separators a phone number is written with
// (" -.()/") dropped from between them, and a space between runs that anything else
// parts: "call (415) 555-2671 now, 12" gives "4155552671 12".
func digitRuns(s string) string {
	var b strings.Builder
	inRun := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			b.WriteByte(c)
			inRun = true
		case inRun && strings.IndexByte(" -.()/", c) >= 0:
		default:
			if inRun {
				b.WriteByte(' ')
				inRun = false
			}
		}
	}
	return b.String()
}
