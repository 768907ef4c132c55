package pii

import (
	"encoding/base64"
	"encoding/hex"
	"iter"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
//
// out is read once (its words, its runs of digits), and a leaf is matched against that,
// allocating nothing unless it may be there: an error can hold thousands of records
// (a batch that failed), each with leaves to look for.
func rawLeafIn(out string, raw, kept []taggedText) bool {
	if len(raw) == 0 {
		return false
	}
	out += encodedText(out)
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
	// The words of out, for the words of leaves that must stand in it as words of
	// their own, not inside longer ones ("Anna" is not in "Annapolis"), and its runs
	// of digits.
	outWords := make(map[string]bool)
	for w := range eachWord(lower) {
		outWords[w] = true
	}
	wordIn := func(whole string, min int) bool {
		for w := range eachWord(whole) {
			if outWords[w] && utf8.RuneCountInString(w) >= min && !inKept(w) {
				return true
			}
		}
		return false
	}
	runs := digitRuns(out)
	var buf []byte // each leaf in lower case, in turn: no string of it outlives its turn
	for _, r := range raw {
		buf = appendLower(buf[:0], r.text)
		whole := unsafe.String(unsafe.SliceData(buf), len(buf))
		if inKept(whole) {
			continue // left as it was
		}
		if len(whole) >= minRawLeaf && strings.Contains(lower, whole) {
			return true
		}
		switch r.kind {
		case KindName:
			if wordIn(whole, 2) {
				return true
			}
			if run := runTogether(lower, whole); len(run) >= minRawLeaf && !inKept(run) && strings.Contains(lower, run) {
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
			if wordIn(local, 3) {
				return true
			}
		case KindPhone:
			if len(runs) == 0 {
				break
			}
			d := longest(digitRuns(r.text)) // the number without its extension
			if len(d) >= minRawDigits && runHolds(runs, d[len(d)-minRawDigits:], false) ||
				len(d) >= 4 && runHolds(runs, d[len(d)-4:], true) {
				return true
			}
		default:
			if len(runs) == 0 {
				break
			}
			if d := strings.Join(digitRuns(r.text), ""); len(d) >= minIDDigits && runHolds(runs, d, false) {
				return true
			}
		}
	}
	return false
}

// minEncoded is the shortest run of base64 or hexadecimal digits that encodedText
// decodes: shorter ones are words and numbers, and hold no leaf rawLeafIn looks for.
const minEncoded = 8

// encodedText returns, each after a line break, the text that out holds encoded as fmt
// and encoding/json write bytes: a list of byte values ("[106 97 110 101]" for "jane",
// a []byte beside others), base64 (a []byte in JSON) and hexadecimal (%x), so that a
// leaf printed so is found as its text. It returns "" when there is none.
func encodedText(out string) string {
	var text []byte
	add := func(b []byte) {
		if len(b) >= minRawLeaf {
			text = append(append(text, '\n'), b...)
		}
	}
	for rest := out; ; {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			break
		}
		if b, ok := byteList(rest[:end]); ok {
			add(b)
		}
	}
	for run := range encodedRuns(out) {
		if len(run)%2 == 0 {
			if b, err := hex.DecodeString(run); err == nil {
				add(b)
				continue
			}
		}
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
			if b, err := enc.DecodeString(run); err == nil {
				add(b)
				break
			}
		}
	}
	return string(text)
}

// encodedRuns yields the runs of out, minEncoded or longer, of the characters base64
// and hexadecimal write.
func encodedRuns(out string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i <= len(out); i++ {
			if i < len(out) && isEncodedByte(out[i]) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 && i-start >= minEncoded && !yield(out[start:i]) {
				return
			}
			start = -1
		}
	}
}

// isEncodedByte reports whether c is a character of base64 (standard or URL) or of
// hexadecimal.
func isEncodedByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '+' || c == '/' || c == '-' || c == '_' || c == '='
}

// byteList reads list, the inside of a printed []byte ("106 97 110"), as its bytes.
func byteList(list string) ([]byte, bool) {
	var b []byte
	for f := range strings.FieldsSeq(list) {
		n, err := strconv.ParseUint(f, 10, 8)
		if err != nil {
			return nil, false
		}
		b = append(b, byte(n))
	}
	return b, true
}

// appendLower appends s in lower case to dst, as strings.ToLower writes it.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		} else if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			dst = append(dst, c)
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}

// runTogether returns the words of name run together ("mariaokafor"), or "" when name
// has one word or when text does not hold its first (the run cannot be in text then).
func runTogether(text, name string) string {
	var run strings.Builder
	n := 0
	for w := range eachWord(name) {
		if n == 0 && !strings.Contains(text, w) {
			return ""
		}
		run.WriteString(w)
		n++
	}
	if n < 2 {
		return ""
	}
	return run.String()
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

// eachWord yields the words of s: its runs of letters and digits.
func eachWord(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range s {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if start < 0 {
					start = i
				}
			case start >= 0:
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
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
