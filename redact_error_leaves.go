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

// minIDDigits is the fewest digits of an identifier of another kind (a government ID,
// an account or card number) that rawLeafIn looks for, written with or without its
// separators.
const minIDDigits = 6

// rawLeafIn reports whether out holds data of raw, the tagged leaves of a chain's
// errors, that redaction changed (what kept holds, the leaves of their redacted copies,
// stays: an owned number, a kind the profile does not hide). Case is ignored. A leaf is
// looked for whole, and by the parts its kind shows on its own: each word of a name
// ("Li" of "Li Na") and its words run together ("MariaOkafor"); an address's local part
// and each of its words; a phone number's last seven digits, or its last four standing
// alone ("ending 2671"); the digits of an identifier. Digits are looked for in the runs
// of digits of out that only letters part (so "415_555-2671", "415 555 2671" and
// fullwidth digits are one run).
func rawLeafIn(out string, raw, kept []taggedText) bool {
	if len(raw) == 0 {
		return false
	}
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
	var runs []string // out's digit runs, made at the first leaf that needs them
	digitRunsOfOut := func() []string {
		if runs == nil {
			runs = append(digitRuns(out), "")
		}
		return runs
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
			ws := words(whole)
			if wordIn(lower, ws, 2, inKept) {
				return true
			}
			if run := strings.Join(ws, ""); len(ws) > 1 && len(run) >= minRawLeaf && !inKept(run) && strings.Contains(lower, run) {
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
			if wordIn(lower, words(local), 3, inKept) {
				return true
			}
		case KindPhone:
			d := longest(digitRuns(r.text)) // the number without its extension
			if len(d) >= minRawDigits && runHolds(digitRunsOfOut(), d[len(d)-minRawDigits:], false) ||
				len(d) >= 4 && runHolds(digitRunsOfOut(), d[len(d)-4:], true) {
				return true
			}
		default:
			if d := strings.Join(digitRuns(r.text), ""); len(d) >= minIDDigits && runHolds(digitRunsOfOut(), d, false) {
				return true
			}
		}
	}
	return false
}

// runHolds reports whether a run of runs holds d (is d, when whole).
func runHolds(runs []string, d string, whole bool) bool {
	for _, r := range runs {
		if whole && r == d || !whole && strings.Contains(r, d) {
			return true
		}
	}
	return false
}

// longest returns the longest of ss ("" for none).
func longest(ss []string) string {
	var l string
	for _, s := range ss {
		if len(s) > len(l) {
			l = s
		}
	}
	return l
}

// words returns the words of s: its runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// wordIn reports whether a word of ws, of min runes or more and not in what redaction
// kept, stands in text as a word of its own (not inside a longer one: "Anna" is not in
// "Annapolis").
func wordIn(text string, ws []string, min int, inKept func(string) bool) bool {
	for _, w := range ws {
		if utf8.RuneCountInString(w) >= min && !inKept(w) && hasWord(text, w) {
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

// digitRuns returns the runs of digits of s, each as ASCII digits, that only letters
// part: whatever else stands between digits (spaces, punctuation, symbols) is dropped
// from a run, as a number may be written with any of it. "call (415) 555_2671 ext 12"
// gives "4155552671" and "12"; "2671, 12" gives "267112".
func digitRuns(s string) []string {
	var runs []string
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			b.WriteByte(byte('0' + digitValue(r)))
		case unicode.IsLetter(r):
			if b.Len() > 0 {
				runs = append(runs, b.String())
				b.Reset()
			}
		}
	}
	if b.Len() > 0 {
		runs = append(runs, b.String())
	}
	return runs
}

// digitValue returns the value of the decimal digit r of any script: its place in the
// block of digits it belongs to (blocks of ten follow one another, as the mathematical
// digits do).
func digitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	start := r
	for unicode.IsDigit(start - 1) {
		start--
	}
	return int(r-start) % 10
}
