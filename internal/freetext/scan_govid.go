package freetext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A scanGovID describes one national identifier with a check digit (or, for India's
// PAN, a checked structure): how it is written and how it is checked. The detectors
// are table-driven: scanGovIDs lists them, one small file per family (scan_govid_*.go).
// An identifier is reported, as kind govid, only where its check passes.
type scanGovID struct {
	name string
	// shape spells the identifier: 'd' a digit, 'L' an upper-case letter, 'A' an
	// upper-case letter or a digit, '_' an optional separator. The shape holds at least
	// one digit; the detector is tried at the first digit of a run.
	shape string
	seps  string // the separators allowed at '_'
	// mixed allows each '_' its own separator, or none; otherwise the separators are
	// all the same, or all absent.
	mixed bool
	// labels, when set, are the words one of which must come shortly before an
	// identifier written without separators: nine bare digits pass a Luhn or 11-proof
	// check one time in ten, which order numbers would.
	labels []string
	check  func(scanChars) bool // given the letters and digits of the shape

	// Made from shape by init, so that most digit runs are turned away at once.
	lead    int    // the offset in shape of the first digit
	letters int    // the letters before the first digit
	first   int    // the digits of the first run, written with separators
	groups  []int  // the digits of each run from the first, written with separators
	runs    uint32 // bit n: the first run of digits may be n digits long
	bare    int    // the characters of a shape of digits (and 'A'), written bare; 0 if it has letters
}

// scanGovIDsByRun lists, for each length of a first run of digits, the identifiers
// whose first run may have that length.
var scanGovIDsByRun [32][]*scanGovID

// scanGovIDLabels lists the labels of every identifier (lower case) by their first
// letter, for redaction's look for any label near an address (scanAnyLabelIn).
var scanGovIDLabels [128][]string

func init() {
	defer func() {
		for _, g := range scanGovIDs {
			for n := range scanGovIDsByRun {
				if g.runs&(1<<n) != 0 {
					scanGovIDsByRun[n] = append(scanGovIDsByRun[n], g)
				}
			}
			for _, l := range g.labels {
				scanGovIDLabels[l[0]] = append(scanGovIDLabels[l[0]], l)
			}
		}
	}()
	for _, g := range scanGovIDs {
		if !strings.Contains(g.shape, "L") {
			g.bare = len(g.shape) - strings.Count(g.shape, "_")
		}
		g.lead = strings.IndexByte(g.shape, 'd')
		g.letters = strings.Count(g.shape[:g.lead], "L") + strings.Count(g.shape[:g.lead], "A")
		// Written with separators, the first run ends at the first '_' or letter;
		// written bare, it runs on over the '_' and ends at a letter, which an 'A' may be.
		first := 0
		for _, c := range g.shape[g.lead:] {
			if c != 'd' {
				break
			}
			first++
		}
		g.first, g.runs = first, 1<<first
		for _, run := range strings.Split(g.shape[g.lead:], "_") {
			d := strings.IndexFunc(run, func(r rune) bool { return r != 'd' })
			if d < 0 {
				d = len(run)
			}
			if d == 0 {
				break
			}
			g.groups = append(g.groups, d)
			if d < len(run) {
				break
			}
		}
		n := 0
		for _, c := range g.shape[g.lead:] {
			switch c {
			case 'd':
				n++
				continue
			case '_':
				continue
			case 'A':
				g.runs |= 1 << n
				n++
				continue
			}
			break
		}
		g.runs |= 1 << n
	}
}

// scanChars holds the letters and digits of an identifier, by value, so that handing
// them to a check function allocates nothing.
type scanChars struct {
	b [24]byte
	n int
}

// scanGovIDs are the national identifiers the scanner knows.
var scanGovIDs = []*scanGovID{
	&scanSSN, &scanNINO, &scanSIN, &scanCPF, &scanCNPJ, &scanAadhaar, &scanPAN,
	&scanDNI, &scanNIE, &scanNIR, &scanCodiceFiscale, &scanBSN, &scanSteuerID,
}

// scanGovIDRun appends the national identifiers that the run of n ASCII digits at
// text[i] is part of.
func scanGovIDRun(text string, i, n int, dst []Finding) []Finding {
	if n > 31 {
		return dst
	}
	for _, g := range scanGovIDsByRun[n] {
		if n == g.bare {
			// The run is the whole identifier, written bare: nothing of the shape is
			// left to read.
			if end, ok := g.matchBare(text, i, n); ok {
				dst = append(dst, Finding{Kind: KindGovID, Start: i, End: end})
			}
			continue
		}
		if n == g.first && !g.continues(text, i+n) {
			continue
		}
		if start, end, ok := g.at(text, i); ok {
			dst = append(dst, Finding{Kind: KindGovID, Start: start, End: end})
		}
	}
	return dst
}

// continues reports whether the identifier can go on at text[j], after its first run of
// digits written with separators.
func (g *scanGovID) continues(text string, j int) bool {
	if j >= len(text) {
		return false
	}
	switch c := text[j]; g.shape[g.lead+g.first] {
	case '_':
		if strings.IndexByte(g.seps, c) < 0 {
			return scanIsUpper(c)
		}
		// The runs that follow must have the digits of the shape's groups.
		for _, want := range g.groups[1:] {
			if j >= len(text) || strings.IndexByte(g.seps, text[j]) < 0 {
				return true // a separator left out: the full match decides
			}
			end := scanDigitsEnd(text, j+1)
			if end-(j+1) != want {
				return false
			}
			j = end
		}
		return true
	case 'L':
		return scanIsUpper(c)
	default:
		return scanIsUpper(c) || scanIsASCIIDigit(c)
	}
}

// at reports where the identifier that has its first digit at text[i] starts and ends.
func (g *scanGovID) at(text string, i int) (int, int, bool) {
	starts := [2]int{i - g.letters, -1}
	if g.letters > 0 && (i == 0 || !scanIsUpper(text[i-1])) {
		if g.shape[g.lead-1] != '_' || i == 0 || strings.IndexByte(g.seps, text[i-1]) < 0 {
			return 0, 0, false
		}
		starts[0] = i - g.letters - 1
	}
	for _, start := range starts {
		if start < 0 || start > 0 && (scanIsASCIIAlnum(text[start-1]) || text[start-1] == '_') {
			continue
		}
		if end, ok := g.match(text, start); ok {
			return start, end, true
		}
	}
	return 0, 0, false
}

// matchBare is at and match for an identifier of digits written bare, whose n
// digits are the run at text[i:].
func (g *scanGovID) matchBare(text string, i, n int) (int, bool) {
	if i > 0 && (scanIsASCIIAlnum(text[i-1]) || text[i-1] == '_') || !scanNumberEndOK(text, i+n) {
		return 0, false
	}
	var chars scanChars
	chars.n = copy(chars.b[:], text[i:i+n])
	if !g.check(chars) || len(g.labels) > 0 && !scanLabelBefore(text, i, g.labels) {
		return 0, false
	}
	return i + n, true
}

// match reads the identifier at text[start:] and checks it, returning its end.
func (g *scanGovID) match(text string, start int) (int, bool) {
	var chars scanChars
	j := start
	var sep byte // the separator of the first '_', or 0 for none
	seen := false
	for k := 0; k < len(g.shape); k++ {
		if g.shape[k] == '_' {
			c := byte(0)
			if j < len(text) && strings.IndexByte(g.seps, text[j]) >= 0 {
				c = text[j]
			}
			if !g.mixed {
				if !seen {
					sep, seen = c, true
				} else if c != sep {
					return 0, false
				}
			} else if c != 0 {
				sep = c
			}
			if c != 0 {
				j++
			}
			continue
		}
		if j >= len(text) {
			return 0, false
		}
		c := text[j]
		switch g.shape[k] {
		case 'd':
			if !scanIsASCIIDigit(c) {
				return 0, false
			}
		case 'L':
			if !scanIsUpper(c) {
				return 0, false
			}
		case 'A':
			if !scanIsUpper(c) && !scanIsASCIIDigit(c) {
				return 0, false
			}
		}
		chars.b[chars.n] = c
		chars.n++
		j++
	}
	if !scanNumberEndOK(text, j) || !g.check(chars) {
		return 0, false
	}
	if sep == 0 && len(g.labels) > 0 && !scanLabelBefore(text, start, g.labels) {
		return 0, false
	}
	return j, true
}

// scanIsUpper reports whether c is an ASCII upper-case letter.
func scanIsUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// scanLabelBefore reports whether one of labels (lower case) ends within the 32 bytes
// before text[start], on a word boundary: "SSN: 123456789", "mijn BSN is 123456782".
//
// The labels are compared in place, rune by rune (scanLabelAt), and never against a
// lower-cased copy: lower case may change a rune's length (K, the Kelvin sign, is three
// bytes and k one; Ⱥ two and ⱥ three), so that offsets found in a copy would point
// elsewhere in text.
func scanLabelBefore(text string, start int, labels []string) bool {
	from := max(0, start-32)
	window := text[from:start]
	for k := 0; k < len(window); k++ {
		if b := from + k; b > 0 && scanIsASCIIAlnum(text[b-1]) {
			continue // inside a word: no label starts here
		}
		for _, l := range labels {
			end, ok := scanLabelAt(window, k, l)
			if !ok {
				continue
			}
			if after := from + end; after >= len(text) || !scanIsASCIIAlnum(text[after]) {
				return true
			}
		}
	}
	return false
}

// scanLabelAt reports whether the label l (ASCII, lower case) is written at s[k] in any
// case, and returns where it ends in s. A rune beyond ASCII matches a letter of l when
// its lower case or one of its simple case folds is that letter (K and k, İ and i,
// ſ and s): the label is read where lower case would read it, and a little more.
func scanLabelAt(s string, k int, l string) (int, bool) {
	for i := 0; i < len(l); i++ {
		if k >= len(s) {
			return 0, false
		}
		c := s[k]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != l[i] {
				return 0, false
			}
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[k:])
		if !scanRuneFoldsTo(r, rune(l[i])) {
			return 0, false
		}
		k += size
	}
	return k, true
}

// scanRuneFoldsTo reports whether the rune r, beyond ASCII, reads as the ASCII letter c
// in lower case or under simple case folding.
func scanRuneFoldsTo(r, c rune) bool {
	if r == utf8.RuneError || unicode.ToLower(r) == c {
		return r != utf8.RuneError
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == c {
			return true
		}
	}
	return false
}

// scanAllSame reports whether every byte of d is the same (000000000 is no identifier).
func scanAllSame(d []byte) bool {
	for _, c := range d {
		if c != d[0] {
			return false
		}
	}
	return true
}

// scanDigitsValue returns the ASCII digits d read as a number.
func scanDigitsValue(d []byte) int {
	v := 0
	for _, c := range d {
		v = v*10 + int(c-'0')
	}
	return v
}

// scanDigitsEnd returns the offset after the ASCII digits that start at text[j].
func scanDigitsEnd(text string, j int) int {
	for j < len(text) && scanIsASCIIDigit(text[j]) {
		j++
	}
	return j
}
