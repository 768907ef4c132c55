package freetext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// scanFolder folds text for name matching: width (ＪＯＳＥ -> JOSE), compatibility
// decomposition, removal of combining marks (José -> Jose) and case folding. A
// transform.Transformer keeps state, so each scanNames call builds its own.
type scanFolder struct {
	t   transform.Transformer
	out [64]byte
}

func scanNewFolder() *scanFolder {
	return &scanFolder{t: transform.Chain(width.Fold, norm.NFKD, runes.Remove(runes.In(unicode.Mn)), cases.Fold())}
}

// foldRune appends the folded form of the rune r to dst.
func (f *scanFolder) foldRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		c := byte(r)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		return append(dst, c)
	}
	var src [utf8.UTFMax]byte
	n := utf8.EncodeRune(src[:], r)
	f.t.Reset()
	nDst, _, err := f.t.Transform(f.out[:], src[:n], true)
	if err != nil {
		return append(dst, src[:n]...)
	}
	return append(dst, f.out[:nDst]...)
}

// foldString returns the folded form of s.
func (f *scanFolder) foldString(s string) string {
	var b []byte
	for _, r := range s {
		b = f.foldRune(b, r)
	}
	return string(b)
}

// scanNoSpaceScript reports whether r belongs to a script written without spaces
// between words, where a name touches the words around it.
func scanNoSpaceScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai)
}

// scanNameNeedles returns the folded forms to look for: each name in full and each of
// its words of two letters or more (digits do not count), without duplicates.
func scanNameNeedles(f *scanFolder, names []string) []string {
	var needles []string
	add := func(s string) {
		letters := 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 2 {
			return
		}
		for _, n := range needles {
			if n == s {
				return
			}
		}
		needles = append(needles, s)
	}
	for _, name := range names {
		words := strings.FieldsFunc(f.foldString(name), func(r rune) bool { return !scanIsWordRune(r) })
		// Bounds: every text position is tried against every needle, and a "name" of
		// thousands of words would make that quadratic. No name has more words than
		// this; the words themselves are needles, so a long name is still hidden.
		if len(words) > scanMaxNameWords {
			words = words[:scanMaxNameWords]
		}
		for _, w := range words {
			if len(w) <= scanMaxNameBytes {
				add(w)
			}
		}
		if full := strings.Join(words, " "); len(words) > 1 && len(full) <= scanMaxNameBytes {
			add(full)
		}
	}
	return needles
}

// The bounds of the needles made from one name.
const (
	scanMaxNameWords = 8
	scanMaxNameBytes = 128
)

// scanNames appends a finding for every place where one of names, or one of its words,
// appears in text on word boundaries, regardless of case, accents and width.
//
// The text is not folded as a whole (folding changes lengths, and would need a map
// back to the original bytes): matching walks the original text and folds rune by rune,
// so offsets are the original ones by construction.
func scanNames(text string, names []string, dst []Finding) []Finding {
	f := scanNewFolder()
	needles := scanNameNeedles(f, names)
	if len(needles) == 0 {
		return dst
	}
	var first [256]bool // the first bytes of the folded needles
	for _, n := range needles {
		first[n[0]] = true
	}
	var buf [64]byte
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 || !scanIsWordRune(r) {
			i += size
			continue
		}
		fold := f.foldRune(buf[:0], r)
		if len(fold) > 0 && first[fold[0]] {
			best := -1
			for _, n := range needles {
				if end, ok := scanMatchFolded(f, text, i, n); ok && end > best &&
					!scanNameGlued(text, i, r, true) && !scanNameGlued(text, end, r, false) {
					best = end
				}
			}
			if best > 0 {
				dst = append(dst, Finding{Kind: KindName, Start: i, End: best})
			}
		}
		i += size
	}
	return dst
}

// scanMatchFolded reports whether the folded needle matches text from text[i], rune by
// rune folded, with any run of white space in the text matching one space of the needle.
// It returns the end of the match in text.
func scanMatchFolded(f *scanFolder, text string, i int, needle string) (int, bool) {
	var buf [64]byte
	k := 0
	for k < len(needle) && i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if needle[k] != ' ' {
				return 0, false
			}
			k++
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += size
			}
			continue
		}
		if r == utf8.RuneError && size == 1 {
			return 0, false
		}
		fold := f.foldRune(buf[:0], r)
		if len(fold) > len(needle)-k || string(fold) != needle[k:k+len(fold)] {
			return 0, false
		}
		k += len(fold)
		i += size
	}
	// Combining marks after the last letter belong to it ("Jane\u0301").
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		i += size
	}
	return i, k == len(needle)
}

// scanNameGlued reports whether the text next to a match (before text[i] when before
// is set, else at text[i]) continues the word, so that the match is only part of a
// longer word. edge is the match's rune on that side. Only what a name may hold (a
// letter, digit or mark, scanIsNameRune) continues it; any other character ends it. So
// punctuation ends a name: a mention (@Jane), a handle or address (jane.doe, Jane/Bob,
// Jane-Doe, jane_doe, jane@) holds the name as much as prose does, and so does markup
// around it (**Jane**, _Jane_, ~~Jane~~, `Jane`), and the stars a mask left next to it.
func scanNameGlued(text string, i int, edge rune, before bool) bool {
	var r rune
	if before {
		r = scanRuneBefore(text, i)
	} else {
		r = scanRuneAt(text, i)
		edge = scanRuneBefore(text, i)
	}
	if r == utf8.RuneError || !scanIsNameRune(r) {
		return false
	}
	return !scanNoSpaceScript(r) && !scanNoSpaceScript(edge)
}

// scanIsNameRune reports whether r may be part of a name's word: a letter, digit or
// combining mark. Unlike scanIsWordRune, the underscore is none: it joins words of a
// handle (jane_doe) and marks emphasis (_Jane_).
func scanIsNameRune(r rune) bool {
	if r < utf8.RuneSelf {
		return scanIsASCIIAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
