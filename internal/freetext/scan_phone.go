package freetext

import (
	"strings"
	"sync"

	"github.com/ef8f9424/pii/internal/phonetab"

	"github.com/nyaruka/phonenumbers"
)

// scanMaxGroups bounds the digit groups of one phone candidate region; a longer run of
// numbers is cut there (and the rest is examined as a new region).
const scanMaxGroups = 24

// scanPhoneBudget is how many checks (a phonenumbers.Parse, which costs microseconds,
// or a check of a number against the tables) the phone detector may spend on a region
// of n digit groups: a table of numbers must not turn the scan quadratic. Every check
// counts, so that what is found depends only on the region. It grows with
// the region, so that a run of numbers ("415-555-1200 415-555-1207 ...") is read number
// by number; when it runs out, the rest of the region is hidden as one phone finding,
// never passed through. A variable, so that a test can make it run out.
var scanPhoneBudget = func(n int) int { return 16 + 8*n }

// A scanGroup is one run of digits in a phone candidate region.
type scanGroup struct {
	start, end int  // byte offsets of the digits
	digits     int  // number of digits
	value      int  // the group's digits read as a number (capped)
	lead       byte // the group's first digit
	sep        byte // class of the separator before the group (0: none, see scanPhoneSepAt)
	sepLen     int  // number of separator characters before the group
	paren      bool // an opening bracket directly precedes the group
	closed     bool // a closing bracket directly follows the group
	excluded   bool // the group is money, a time, part of a word...: no phone may hold it
}

// A scanRegion is a run of digit groups and phone punctuation, the raw material of phone
// candidates.
type scanRegion struct {
	groups   [scanMaxGroups]scanGroup
	n        int
	start    int  // offset of the region, including a leading plus or bracket
	plus     bool // the region starts with a plus sign
	extStart int  // offset of the extension marker, or -1
	extEnd   int  // end of the extension digits
	end      int  // how far the region extraction looked
	// truncated says the region was cut at scanMaxGroups: its last groups may be the
	// start of a number that goes on after them.
	truncated bool
}

// scanPhoneAt finds phone numbers in the region that starts at text[i] (a digit, a plus
// sign or an opening bracket), appends them, and returns how far it looked. It reads
// the region into r, whatever r held.
func (s *textScanner) scanPhoneAt(text string, i int, r *scanRegion, dst []Finding) ([]Finding, int) {
	if !scanReadRegion(text, i, r) {
		return dst, r.end
	}
	total := 0
	for k := range r.n {
		total += r.groups[k].digits
	}
	if total < 6 || total < 7 && !r.plus {
		return dst, r.end // too short for any phone number: the common case in prose
	}
	s.scanMarkContext(text, r)
	budget := scanPhoneBudget(r.n)
	last := r.n // a number may end with the last group
	if r.truncated {
		// ... unless the region was cut: its last groups are read again as the start
		// of the next region, with what follows them.
		last = r.n - scanRereadGroups
	}
	resume := r.end
	if r.truncated {
		resume = r.spanStart(text, last)
	}
	for a := 0; a < last; {
		found := false
		for b := r.n; b > a; b-- {
			digits, excluded := 0, false
			for k := a; k < b; k++ {
				digits += r.groups[k].digits
				excluded = excluded || r.groups[k].excluded
			}
			plus := r.plus && a == 0
			if digits < 7 && !(plus && digits >= 6) {
				break // fewer groups only have fewer digits
			}
			if excluded || digits > 17 || !scanPhoneShapeOK(r, a, b) {
				continue
			}
			if budget <= 0 {
				// Out of budget: what is left of the region is hidden, fail closed.
				return append(dst, Finding{Kind: KindPhone, Start: r.spanStart(text, a), End: r.spanEnd(r.n)}), r.end
			}
			if !s.scanPhoneValid(text, r, a, b, plus, &budget) {
				continue
			}
			if b > last && a > 0 {
				// A number that may go on past the cut: the next region reads it.
				return dst, r.spanStart(text, a)
			}
			start := a
			if a == 1 && r.prefixGroup() {
				start = 0 // "+44 " or "1-" before a number belongs to it
			}
			dst = append(dst, Finding{Kind: KindPhone, Start: r.spanStart(text, start), End: r.spanEnd(b)})
			a, found = b, true
			break
		}
		if !found {
			a++
		}
	}
	return dst, resume
}

// scanRereadGroups is how many groups at the end of a region cut at scanMaxGroups are
// read again as the start of the next region.
const scanRereadGroups = 8

// prefixGroup reports whether the region's first group reads as the prefix of the
// number after it: a calling code after a plus sign, or NANPA's 1.
func (r *scanRegion) prefixGroup() bool {
	g := r.groups[0]
	return !g.excluded && (r.plus && g.digits <= 3 || g.digits == 1 && g.lead == '1' && r.n > 1 && r.groups[1].sep != ' ')
}

// spanStart returns where a phone number that starts at group a begins: at the region's
// plus sign or bracket for the first group, at its bracket for a later one.
func (r *scanRegion) spanStart(text string, a int) int {
	start := r.groups[a].start
	switch {
	case a == 0:
		start = r.start
	case r.groups[a].paren:
		start -= scanParenLenBefore(text, start)
	}
	return start
}

// spanEnd returns where a phone number that ends with group b-1 ends: with the
// extension after the region's last group.
func (r *scanRegion) spanEnd(b int) int {
	if b == r.n && r.extStart >= 0 {
		return r.extEnd
	}
	return r.groups[b-1].end
}

// scanParenLenBefore returns the length of the bracket that ends at text[i].
func scanParenLenBefore(text string, i int) int {
	if i >= 3 && scanOpenParenAt(text, i-3) == 3 {
		return 3
	}
	return 1
}

// scanReadRegion reads the phone candidate region that starts at text[i] into r,
// whatever r held. It reports false when there is no digit group at all.
func scanReadRegion(text string, i int, r *scanRegion) bool {
	// Every group is written whole when it is read: only the rest needs clearing.
	r.n, r.plus, r.truncated, r.extEnd = 0, false, false, 0
	r.start, r.extStart, r.end = i, -1, i+1
	j := i
	parenPlus := false
	if n := scanOpenParenAt(text, j); n > 0 && j+n < len(text) && scanIsPlusAt(text, j+n) > 0 {
		j += n // "(+45) 12 34 56 78": the calling code in brackets
		parenPlus = true
	}
	if n := scanIsPlusAt(text, j); n > 0 {
		if j > 0 && scanIsASCIIDigit(text[j-1]) {
			return false // 650+253: arithmetic, not a country code
		}
		r.plus = true
		j += n
		if j < len(text) && scanIsPlusAt(text, j) > 0 { // "++1": a doubled plus
			j += scanIsPlusAt(text, j)
		}
	}
	var sep byte
	sepLen, paren := 0, parenPlus
	inGroup := false
	for j < len(text) {
		d, n := text[j], 1
		if d-'0' >= 10 {
			d, n = scanWideDigitAt(text, j)
		}
		if n > 0 {
			if !inGroup {
				if r.n == scanMaxGroups {
					r.truncated = true
					break
				}
				r.groups[r.n] = scanGroup{start: j, sep: sep, sepLen: sepLen, paren: paren, lead: d}
				r.n++
				inGroup, sep, sepLen, paren = true, 0, 0, false
			}
			g := &r.groups[r.n-1]
			digits, value := g.digits+1, min(g.value*10+int(d-'0'), 1<<20)
			j += n
			// The ASCII digits that follow join the group at once.
			for ; j < len(text) && text[j]-'0' < 10; j++ {
				digits++
				value = min(value*10+int(text[j]-'0'), 1<<20)
			}
			g.digits, g.value, g.end = digits, value, j
			continue
		}
		if text[j] == '~' && j > 0 && text[j-1] == ' ' && r.n > 0 { // "524 ~1234": an extension
			if e, end := scanExtAt(text, j); e {
				r.extStart, r.extEnd = j, end
				j = end
				break
			}
		}
		if n, class := scanPhoneSepAt(text, j); n > 0 {
			if r.n == 0 && class != '(' && class != ' ' {
				break // "+-1" or "(-": no phone starts so
			}
			if sepLen++; sepLen > 4 {
				break
			}
			if sep == 0 || sep == ' ' || class == '-' {
				sep = class // a dash anywhere in the run names it
			}
			if class == ')' && sepLen == 1 && r.n > 0 {
				r.groups[r.n-1].closed = true
			}
			paren = class == '('
			inGroup = false
			j += n
			continue
		}
		// "(0xx)" and "011xx54": an Argentinian carrier placeholder between digits.
		if inGroup && j+2 < len(text) && text[j] == 'x' && text[j+1] == 'x' &&
			(text[j+2] == ')' || scanIsASCIIDigit(text[j+2])) {
			j += 2
			inGroup = false
			continue
		}
		// An x right after a dot is the masked last octet of an IPv4 address
		// ("172.216.100.x:22"), not an extension marker.
		if r.n > 0 && sep != '/' && !(sep == '.' && sepLen == 1 && text[j]|0x20 == 'x') {
			if e, end := scanExtAt(text, j); e {
				r.extStart, r.extEnd = j, end
				j = end
				break
			}
		}
		if r.n > 0 && sep != ' ' && scanMaskAt(text, j) && !scanEmphasisCloses(text, r.start, j) {
			// The digits run into a mask (XXXX, ****): the text was redacted already,
			// and the group joined to the mask is what the mask left of a value, which
			// no number holds. A group set apart from a mask by a space is read as
			// usual: "415-555-2671 XXXX" is a number and a word.
			r.groups[r.n-1].excluded = true
		}
		break
	}
	r.end = j
	if r.n > 0 {
		r.end = max(j, r.groups[r.n-1].end)
	}
	return r.n > 0
}

// scanExtAt reports whether an extension starts at text[j] (after the main number):
// "ext. 503", ", ext 12", "x123", " X 456", "#3456", "int.3456", "extension 7". It
// returns the end of the extension digits.
func scanExtAt(text string, j int) (bool, int) {
	k := j
	if k < len(text) && text[k] == ',' {
		k++
		for k < len(text) && text[k] == ' ' {
			k++
		}
	}
	rest := text[k:]
	n := 0
	switch {
	case scanHasPrefixFold(rest, "extension"):
		n = 9
	case scanHasPrefixFold(rest, "ext"):
		n = 3
	case scanHasPrefixFold(rest, "int."):
		n = 4
	case len(rest) > 0 && (rest[0] == 'x' || rest[0] == 'X' || rest[0] == '#' || rest[0] == '~'):
		n = 1
	default:
		return false, 0
	}
	k += n
	for pad := 0; k < len(text) && pad < 3 && (text[k] == '.' || text[k] == ':' || text[k] == ' '); pad++ {
		k++
	}
	digits := 0
	for k < len(text) && digits < 8 {
		_, dn := scanDigitAt(text, k)
		if dn == 0 {
			break
		}
		k += dn
		digits++
	}
	if digits == 0 || digits > 7 {
		return false, 0
	}
	return true, k
}

// scanHasPrefixFold reports whether s starts with the lower-case ASCII prefix p, in any
// case.
func scanHasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if s[i]|0x20 != p[i] {
			return false
		}
	}
	return true
}

// scanMaskAt reports whether text[j] starts a mask that redaction wrote over digits:
// a run of 'X' or '*' (or "x" after a dot, the masked last octet of an IPv4 address)
// that ends the word. The digits before a mask are what redaction left visible.
func scanMaskAt(text string, j int) bool {
	k, upper := j, false
	for k < len(text) && (text[k] == 'X' || text[k] == 'x' || text[k] == '*') {
		upper = upper || text[k] != 'x'
		k++
	}
	if upper && k-j >= 4 {
		return true // the phone mask's four X: a mask even with letters glued after it
	}
	if k == j || k < len(text) && scanIsASCIIAlnum(text[k]) {
		return false
	}
	return upper || k-j >= 2 || j > 0 && text[j-1] == '.'
}

// scanEmphasisCloses reports whether the stars at text[j], after the digits of a
// region that starts at text[open], close markdown emphasis that as many stars opened
// just before the region ("**415-555-2671**", "*+1 415 555 2671*"): markup around the
// number, not a mask that redaction wrote after its digits.
func scanEmphasisCloses(text string, open, j int) bool {
	m := 0
	for j+m < len(text) && text[j+m] == '*' {
		m++
	}
	if m == 0 || m > 3 || j+m < len(text) && scanIsASCIIAlnum(text[j+m]) {
		return false
	}
	k := open
	for k > 0 && text[k-1] == '*' {
		k--
	}
	return open-k == m && (k == 0 || !scanIsASCIIAlnum(text[k-1]))
}

// scanMaskedBefore reports whether the '*' run that ends at text[i] sits between digits,
// as in the middle of a redacted card number, rather than, say, markdown bold.
func scanMaskedBefore(text string, i int) bool {
	for i > 0 && text[i-1] == '*' {
		i--
	}
	return i > 0 && scanIsASCIIDigit(text[i-1])
}

// scanMarkContext marks the groups that no phone may contain because of what surrounds
// them: money, percentages, times, thousands separators, and (depending on the leniency)
// letters glued to the digits.
func (s *textScanner) scanMarkContext(text string, r *scanRegion) {
	first, last := &r.groups[0], &r.groups[r.n-1]
	if !r.plus && scanDottedVersion(r) {
		// "Chrome 120.0.6099.109": a version, no part of it a phone.
		for k := range r.n {
			r.groups[k].excluded = true
		}
	}
	if r.start == first.start { // the region starts with a digit
		before := scanBaseRuneBefore(text, first.start)
		switch {
		case before == '#' && scanHashedPhoneShape(r):
			// "#4155552671", "#415-555-2671": a number of a phone's length or shape
			// after a hash sign, as forms and chats write it; a shorter one is an
			// issue or item number (#1234), and one after a label ("order #...")
			// an identifier (below).
			if scanIdentifierBefore(text, first.start) {
				for k := range r.n {
					r.groups[k].excluded = true
				}
			}
		case scanIsCurrency(before) || before == '#' || before == '№':
			first.excluded = true
		case before == ' ' && scanIsCurrency(scanRuneBefore(text, first.start-1)):
			first.excluded = true
		case before == ',' && first.digits == 3 && first.start >= 2 && scanIsASCIIDigit(text[first.start-2]):
			first.excluded = true // 1,234,567: a thousands group is three digits
		case (before == ':' || before == '.') && first.start >= 2 && scanIsASCIIDigit(text[first.start-2]):
			first.excluded = true // 10:30 or 3.1415...
		case before == '-' && first.start >= 2 && text[first.start-2] >= 'A' && text[first.start-2] <= 'Z':
			// "PO-2125551234", "INV-2024-000123", "SKU-415-555-2671": digits joined to a
			// code in capitals by a dash are an identifier, none of the region a phone
			// number ("my number-415-666-7777" still is one).
			for k := range r.n {
				r.groups[k].excluded = true
			}
		case before == '*' && scanMaskedBefore(text, first.start):
			// The last digits of a redacted card (411111******1111): with the digits after
			// them, they would read as a phone number in redacted text.
			first.excluded = true
		case scanVersionBefore(text, first.start) || scanIdentifierBefore(text, first.start):
			// "build 4.18.0-372.9.1", "ISBN 978-3-16-148410-0", "order no. 5635605671":
			// a version or an identifier, none of it a phone.
			for k := range r.n {
				r.groups[k].excluded = true
			}
		case scanIsCasedLetter(before) && s.scanGluedBefore(text, first.start) &&
			!(first.start >= 3 && scanURLEscapeAt(text, first.start-3)):
			// The digits continue a word or code (AB12345678, a mistyped IBAN): none
			// of the region is a phone number.
			for k := range r.n {
				r.groups[k].excluded = true
			}
		case first.digits >= 10 && r.n == 1 && scanQuantityAround(text, first.start, first.end):
			first.excluded = true // "17179869184 bytes", "Content-Length: 13958643712"
		}
	}
	for k := 1; k < r.n; k++ {
		// "0.4155552671", "37.4155552671": seven digits or more right after a decimal
		// point are a fraction, and the digits before it its whole part; but for a
		// calling code ("+1.4155552671", as WHOIS records write numbers).
		if g := &r.groups[k]; g.digits >= 7 && g.start-1 == r.groups[k-1].end && text[g.start-1] == '.' &&
			!(k == 1 && r.plus) {
			g.excluded, r.groups[k-1].excluded = true, true
		}
	}
	end := last.end
	if r.extStart >= 0 {
		end = r.extEnd
	}
	after := scanRuneAt(text, end)
	switch {
	case scanIsCasedLetter(after) && s.scanGluedAfter(text, end):
		last.excluded = true
		r.extStart = -1
	case r.extStart >= 0:
	case scanIsCurrency(after) || after == '%' && !scanURLEscapeAt(text, end) || after == '‰':
		last.excluded = true // 15%, not "%20" or "%2C", a URL's space or comma
	case after == ' ' && end+1 < len(text) && (scanIsCurrency(scanRuneAt(text, end+1)) ||
		text[end+1] == '%' && !scanURLEscapeAt(text, end+1)):
		last.excluded = true
	case after == ',' && last.digits <= 3 && end+1 < len(text) && scanIsASCIIDigit(text[end+1]):
		last.excluded = true // 1,234: what comes before a thousands group is one to three digits
	case after == ':' && end+1 < len(text) && scanIsASCIIDigit(text[end+1]):
		last.excluded = true // 10:30
	}
}

// scanQuantityAround reports whether the digits text[i:j], written in one piece, are a
// quantity as logs write one: a unit of size or time after them ("17179869184 bytes",
// "13800138000 ns"), or a key that names a size, a length or a duration before them
// ("Content-Length: ", "\"total_bytes\":", "elapsed_ns="). Ten digits or more in one
// piece are a phone number only by their shape; these are not.
func scanQuantityAround(text string, i, j int) bool {
	if j+1 < len(text) && text[j] == ' ' {
		w := j + 1
		for w < len(text) && w-j <= 8 && scanIsASCIIAlnum(text[w]) {
			w++
		}
		if w == len(text) || !scanIsASCIIAlnum(text[w]) {
			if scanWordIn(text[j+1:w], scanQuantityUnits[:]) {
				return true
			}
		}
	}
	k := i
	for k > 0 && i-k < 3 && (text[k-1] == ' ' || text[k-1] == ':' || text[k-1] == '=' || text[k-1] == '"') {
		k--
	}
	w := k
	for w > 0 && k-w < 12 && scanIsASCIIAlnum(text[w-1]) {
		w--
	}
	return k < i && w < k && scanWordIn(text[w:k], scanQuantityKeys[:])
}

// scanWordIn reports whether the ASCII word is one of words, in any case.
func scanWordIn(word string, words []string) bool {
	for _, x := range words {
		if len(word) == len(x) && scanHasPrefixFold(word, x) {
			return true
		}
	}
	return false
}

// scanQuantityUnits are the units written after a quantity of bytes or time.
var scanQuantityUnits = [...]string{"b", "bytes", "byte", "kb", "ns", "us", "ms", "nanos", "ticks"}

// scanQuantityKeys are the last words of keys that name a quantity of bytes or time
// (the word after an underscore or dash: "total_bytes", "Content-Length").
var scanQuantityKeys = [...]string{"bytes", "size", "length", "len", "free", "used", "memory", "mem",
	"ns", "nanos", "elapsed", "duration", "offset"}

// scanHashedPhoneShape reports whether the region, after a hash sign, is shaped like a
// phone number from its first group: ten digits or more in one piece, or NANPA's
// three groups.
func scanHashedPhoneShape(r *scanRegion) bool {
	return r.groups[0].digits >= 10 || r.n >= 3 && scanNANPAShape(r, 0, 3)
}

// scanIdentifierBefore reports whether the words before text[i] name what follows as an
// identifier that is no phone number: "ISBN", "order", "invoice no.", "tracking #".
func scanIdentifierBefore(text string, i int) bool {
	for words := 0; words < 2; words++ {
		k := i
		for k > 0 && i-k < 3 && (text[k-1] == ' ' || text[k-1] == ':' || text[k-1] == '.' || text[k-1] == '#') {
			k--
		}
		w := k
		for w > 0 && k-w < 12 && scanIsASCIIAlnum(text[w-1]) {
			w--
		}
		if w == k || w > 0 && scanIsASCIIAlnum(text[w-1]) {
			return false
		}
		word := text[w:k]
		for _, id := range [...]string{"isbn", "issn", "zip", "order", "invoice", "ref", "reference",
			"tracking", "ticket", "sku", "serial", "case", "po", "receipt", "transaction"} {
			if len(word) == len(id) && scanHasPrefixFold(word, id) { // word is ASCII
				return true
			}
		}
		// "no.", "nr", "number" after the label: look at the word before them.
		if !strings.EqualFold(word, "no") && !strings.EqualFold(word, "nr") && !strings.EqualFold(word, "number") {
			return false
		}
		i = w
	}
	return false
}

// scanDottedVersion reports whether the region is three or more groups joined by single
// dots with a one-digit group among them, or four groups of at most three digits: a
// version number or an IPv4 address.
func scanDottedVersion(r *scanRegion) bool {
	if r.n < 3 {
		return false
	}
	tiny, short := false, true
	for k := range r.n {
		g := r.groups[k]
		if k > 0 && (g.sep != '.' || g.sepLen != 1) {
			return false
		}
		tiny = tiny || g.digits == 1
		short = short && g.digits <= 3
	}
	return tiny || short && r.n == 4
}

// scanGluedBefore reports whether the letters that end at text[i] make the digits after
// them part of a word or code. At LeniencyValid any such letter does (as libphonenumber
// says); at LeniencyPossible only codes do: an upper-case prefix (AB12345678) or
// letters between digits (a hash or GUID).
func (s *textScanner) scanGluedBefore(text string, i int) bool {
	if s.leniency == LeniencyValid {
		return true
	}
	k, upper := i, true
	for k > 0 && scanIsASCIIAlnum(text[k-1]) && !scanIsASCIIDigit(text[k-1]) {
		upper = upper && text[k-1] <= 'Z'
		k--
	}
	return k < i && (upper && i-k >= 2 || k > 0 && scanIsASCIIDigit(text[k-1]))
}

// scanGluedAfter is scanGluedBefore for letters that start at text[i].
func (s *textScanner) scanGluedAfter(text string, i int) bool {
	if s.leniency == LeniencyValid {
		return true
	}
	k, upper := i, true
	for k < len(text) && scanIsASCIIAlnum(text[k]) && !scanIsASCIIDigit(text[k]) {
		upper = upper && text[k] <= 'Z'
		k++
	}
	return k > i && (upper && k-i >= 2 || k < len(text) && scanIsASCIIDigit(text[k]))
}

// scanPhoneShapeOK rejects spans of groups [a, b) that are shaped like something other
// than a phone number: dates, version numbers, IPv4 addresses and card numbers.
func scanPhoneShapeOK(r *scanRegion, a, b int) bool {
	g := r.groups[a:b]
	// Brackets must match, inside the span (the digits end it, so a bracket that closes
	// after its last group does not count), and there are at most two pairs.
	open, closed := 0, 0
	for k := range g {
		if g[k].paren {
			open++
		}
		if g[k].closed && k < len(g)-1 {
			closed++
		}
	}
	if open == closed+1 && g[0].paren && g[len(g)-1].closed {
		closed++ // the whole number in brackets: "(415-555-2671)", "(07700 900123)"
	}
	if open != closed || open > 2 {
		return false
	}
	// A number that starts with a trunk prefix ("06 12 34 56 78") ends before a group
	// shaped like its start: in a run of such numbers, that is the next one.
	if g[0].lead == '0' && g[0].digits >= 2 && g[0].digits <= 4 {
		for k := 1; k < len(g); k++ {
			if g[k].lead == '0' && g[k].digits == g[0].digits && g[k].sep == ' ' {
				return false
			}
		}
	}
	// A date: three groups joined by the same single '-', '/' or '.'.
	for k := 0; k+2 < len(g); k++ {
		sep := g[k+1].sep
		if g[k+1].sepLen == 1 && g[k+2].sepLen == 1 && g[k+2].sep == sep &&
			(sep == '-' || sep == '/' || sep == '.') && scanIsDate(r, a+k) &&
			// 01.23.45.67.89 is no date: a date has three parts, not more.
			!(a+k > 0 && r.groups[a+k].sepLen == 1 && r.groups[a+k].sep == sep) &&
			!(a+k+3 < r.n && r.groups[a+k+3].sepLen == 1 && r.groups[a+k+3].sep == sep) {
			return false
		}
	}
	// Dotted numbers: versions (1.2.3, 10.0.19045.2965) and IPv4 addresses.
	if len(g) >= 3 {
		dotted, short, tiny := true, true, false
		for k := range g {
			if k > 0 && (g[k].sep != '.' || g[k].sepLen != 1) {
				dotted = false
			}
			short = short && g[k].digits <= 3
			tiny = tiny || g[k].digits == 1
		}
		if dotted && (tiny || short && len(g) == 4) && !(a == 0 && r.plus) {
			return false
		}
	}
	return true
}

// scanIsDate reports whether groups k, k+1, k+2 of r read as a calendar date:
// year-month-day, or day-month-year and month-day-year with a 2 or 4 digit year.
func scanIsDate(r *scanRegion, k int) bool {
	g0, g1, g2 := r.groups[k], r.groups[k+1], r.groups[k+2]
	if g0.digits == 4 && g1.digits <= 2 && g2.digits <= 2 {
		y, m, d := g0.value, g1.value, g2.value
		return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31
	}
	if g0.digits <= 2 && g1.digits <= 2 && (g2.digits == 2 || g2.digits == 4) {
		x, y := g0.value, g1.value
		return x >= 1 && y >= 1 && (x <= 31 && y <= 12 || x <= 12 && y <= 31)
	}
	return false
}

// scanPhoneValid reports whether the digits of groups [a, b) of r make a phone number,
// possible or valid as the leniency says (phonenumbers' answers, mostly from the tables
// compiled out of its metadata). Each check it makes costs one of budget.
func (s *textScanner) scanPhoneValid(text string, r *scanRegion, a, b int, plus bool, budget *int) bool {
	var buf [24]byte
	n := 0
	if plus {
		buf[0] = '+'
		n = 1
	}
	for k := a; k < b; k++ {
		g := r.groups[k]
		for j := g.start; j < g.end; {
			d, dn := text[j], 1
			if d-'0' >= 10 {
				d, dn = scanWideDigitAt(text, j)
			}
			if dn == 0 { // not a digit: an "xx" placeholder inside the group's span
				j++
				continue
			}
			if n == len(buf) {
				return false
			}
			buf[n] = d
			n++
			j += dn
		}
	}
	digits := buf[:n]
	if plus {
		return s.scanIntlOK(digits, budget)
	}
	if scanLooksLikeCard(digits) {
		return false // a payment card: its own kind
	}
	// An international prefix, 00 (most of the world) or 011 (NANPA), whatever the
	// region: people write the prefix of the country they dial from.
	if p := scanIntlPrefixLen(digits); p > 0 {
		var intl [24]byte
		intl[0] = '+'
		m := 1 + copy(intl[1:], digits[p:])
		if s.scanIntlOK(intl[:m], budget) {
			return true
		}
	}
	grouped := b-a > 1 || r.groups[a].paren
	if (s.region == "" || s.nanpa) && scanZIP4Shape(r, a, b) {
		return false // 94105-1234: a ZIP+4 code
	}
	if grouped && s.scanShapedOK(r, a, b, digits, budget) {
		return true
	}
	if s.region == "" {
		return s.scanNationalOK(digits, grouped, budget)
	}
	if !grouped && s.trunk != "" && string(digits[:min(len(digits), len(s.trunk))]) != s.trunk {
		return false // "52323221" in DE: written so, an order number, not a phone
	}
	return s.scanNumberOK(digits, s.region, false, budget)
}

// scanShapedOK reports whether the digits of groups [a, b) of r, written in the shape
// of a national number (NANPA's (415) 555-2671 or 415-555-2671 in a NANPA region or
// with none; the region's trunk prefix and groups, 07700 900123 in GB), have a possible
// length there. Written so, they are a phone number, assigned or not: test numbers
// (555-123-4567) and numbers in ranges kept for fiction are hidden too (fail closed).
func (s *textScanner) scanShapedOK(r *scanRegion, a, b int, digits []byte, budget *int) bool {
	var key scanVerdictKey
	switch {
	case (s.region == "" || s.nanpa) && scanNANPAShape(r, a, b):
		key.cc, key.nsn = 1, digits[len(digits)-10:]
	case s.trunk != "" && len(digits) > len(s.trunk) && string(digits[:len(s.trunk)]) == s.trunk:
		key.cc, key.nsn = s.cc, digits[len(s.trunk):]
	default:
		return false
	}
	if key.nsn[0] == '0' {
		return false
	}
	*budget--
	return scanKeyPossible(key)
}

// scanNANPAShape reports whether groups [a, b) of r are written as a NANPA number:
// three, three and four digits, perhaps after a 1.
func scanNANPAShape(r *scanRegion, a, b int) bool {
	g := r.groups[a:b]
	if len(g) == 4 && g[0].digits == 1 && g[0].value == 1 {
		g = g[1:]
	}
	return len(g) == 3 && g[0].digits == 3 && g[1].digits == 3 && g[2].digits == 4
}

// scanZIP4Shape reports whether groups [a, b) of r are five digits, a dash and four.
func scanZIP4Shape(r *scanRegion, a, b int) bool {
	return b-a == 2 && r.groups[a].digits == 5 && r.groups[a+1].digits == 4 &&
		r.groups[a+1].sep == '-' && r.groups[a+1].sepLen == 1
}

// scanIntlPrefixLen returns the length of the international prefix that starts digits
// ("00" or "011" before a calling code), or 0.
func scanIntlPrefixLen(digits []byte) int {
	switch {
	case len(digits) > 4 && string(digits[:3]) == "011":
		return 3
	case len(digits) > 3 && digits[0] == '0' && digits[1] == '0' && digits[2] != '0':
		return 2
	}
	return 0
}

// scanIntlOK reports whether digits, a plus sign and a number with its calling code,
// are a phone number. Written so, digits are a phone number as soon as their length is
// possible for the calling code, at either leniency: a number announced by + or an
// international prefix is one, assigned or not (fail closed).
func (s *textScanner) scanIntlOK(digits []byte, budget *int) bool {
	if len(digits) == 14 && string(digits[:4]) == "+521" {
		// Mexico's mobile 1 after +52, dropped in 2019 and still written.
		digits = append(digits[:3:3], digits[4:]...)
	}
	if key, ok := s.scanFastNumber(digits, true); ok {
		*budget--
		return scanKeyPossible(key)
	}
	*budget--
	num, err := phonenumbers.Parse(string(digits), "ZZ")
	if err != nil {
		return false
	}
	*budget--
	return scanFullLength(num)
}

// scanFullLength is scanPossible without the lengths that are possible only for local
// dialling: a number announced by its calling code or its shape has its full length.
func scanFullLength(num *phonenumbers.PhoneNumber) bool {
	return !scanOneDigitRepeated(num.GetNationalNumber()) &&
		phonenumbers.IsPossibleNumberWithReason(num) == phonenumbers.IS_POSSIBLE
}

// scanPossible reports whether num has a possible length for its calling code and is
// not one digit repeated (0000000 is a placeholder, never a number). The lengths come
// from the tables phonetab compiled out of phonenumbers' metadata: no parse, no regular
// expression.
func scanPossible(num *phonenumbers.PhoneNumber) bool {
	return !scanOneDigitRepeated(num.GetNationalNumber()) &&
		phonetab.PossibleNumber(int(num.GetCountryCode()), phonenumbers.GetNationalSignificantNumber(num))
}

// scanNumberOK reports whether digits, written in region (after a plus sign when plus
// is set, and then region is "ZZ"), are a phone number at the scanner's leniency.
func (s *textScanner) scanNumberOK(digits []byte, region string, plus bool, budget *int) bool {
	if s.nanpa && s.leniency == LeniencyValid && !plus && len(digits) != 10 && len(digits) != 11 {
		// A valid NANPA number has ten digits, or 1 and ten; anything else would need
		// the international prefix. Spares the parse of most numbers in prose.
		return false
	}
	if key, ok := s.scanFastNumber(digits, plus); ok {
		// Read without a parse: the tables answer, with nothing built for phonenumbers.
		if *budget--; s.scanKeyAccept(key) {
			return true
		}
	} else if s.scanParseOK(string(digits), region, budget) {
		return true
	}
	// Mexico dropped its national prefixes (01, 044, 045) and the mobile 1 after +52 in
	// 2019, and the metadata with them; people still write them.
	switch {
	case plus && len(digits) == 14 && string(digits[:4]) == "+521":
		return s.scanParseOK("+52"+string(digits[4:]), region, budget)
	case !plus && region == "MX" && len(digits) == 12 && string(digits[:2]) == "01":
		return s.scanParseOK(string(digits[2:]), region, budget)
	case !plus && region == "MX" && len(digits) == 13 && (string(digits[:3]) == "044" || string(digits[:3]) == "045"):
		return s.scanParseOK(string(digits[3:]), region, budget)
	}
	return false
}

// scanParseOK parses number (digits, perhaps after a plus) for region and reports
// whether it is possible or valid, as the leniency asks. The parse costs one of budget.
func (s *textScanner) scanParseOK(number, region string, budget *int) bool {
	*budget--
	num, err := phonenumbers.Parse(number, region)
	if err != nil {
		return false
	}
	return s.scanAccept(num, budget)
}

// scanAccept reports whether num is a phone number at the scanner's leniency. The
// possibility check (lengths) is cheap and goes first; validity takes regular
// expressions.
func (s *textScanner) scanAccept(num *phonenumbers.PhoneNumber, budget *int) bool {
	*budget--
	return s.scanCheck(num)
}

// scanOneDigitRepeated reports whether n is written with one digit only (0, 7777777).
func scanOneDigitRepeated(n uint64) bool {
	d := n % 10
	for ; n > 0; n /= 10 {
		if n%10 != d {
			return false
		}
	}
	return true
}

// scanCheck asks phonenumbers whether num is possible and, at LeniencyValid, valid.
func (s *textScanner) scanCheck(num *phonenumbers.PhoneNumber) bool {
	if !scanPossible(num) {
		return false
	}
	return s.leniency == LeniencyPossible || s.scanValid(num)
}

// scanValid is phonenumbers' validity check, answered by the tables phonetab compiled
// out of phonenumbers' own metadata (the same answers, checked by phonetab's tests, in a
// table step per digit instead of microseconds of regular expressions).
func (s *textScanner) scanValid(num *phonenumbers.PhoneNumber) bool {
	_, ok := phonetab.ValidNumber(int(num.GetCountryCode()), phonenumbers.GetNationalSignificantNumber(num))
	return ok
}

// scanFastNumber builds the number without phonenumbers.Parse (which costs
// microseconds, where the tables check a number in a fraction of one) in the two plain
// cases: +CC followed by a national number that
// does not start with 0, and ten digits (or 1 and ten digits) in a NANPA region. It
// reports false for anything else, which Parse then handles.
func (s *textScanner) scanFastNumber(digits []byte, plus bool) (scanVerdictKey, bool) {
	var cc int
	var nsn []byte
	switch {
	case plus:
		d := digits[1:]
		for l := 1; l <= 3 && l < len(d); l++ {
			v := 0
			for _, c := range d[:l] {
				v = v*10 + int(c-'0')
			}
			if code := &scanCallingCodes()[v]; code.known {
				cc, nsn = v, d[l:]
				// People write the national prefix after the country code too
				// ("+7 8 954...", "+36 06 1..."): Parse knows when to strip it.
				if np := code.nationalPrefix; np != "" && len(nsn) > len(np) && string(nsn[:len(np)]) == np {
					return scanVerdictKey{}, false
				}
				break
			}
		}
	case s.nanpa && len(digits) == 10:
		cc, nsn = 1, digits
	case s.nanpa && len(digits) == 11 && digits[0] == '1':
		cc, nsn = 1, digits[1:]
	}
	if cc == 0 || len(nsn) < 2 || len(nsn) > 17 || nsn[0] == '0' || cc == 1 && nsn[0] == '1' {
		return scanVerdictKey{}, false
	}
	return scanVerdictKey{cc: int32(cc), nsn: nsn}, true
}

// scanCallingCode is what the fast path needs to know of a country calling code.
type scanCallingCode struct {
	known          bool   // a calling code in use
	nationalPrefix string // its main region's national (trunk) prefix, digits only
}

// scanCallingCodes is a table of every calling code, made once from phonenumbers'
// metadata: the fast path looks codes up here instead of in phonenumbers' maps.
var scanCallingCodes = sync.OnceValue(func() *[1000]scanCallingCode {
	var t [1000]scanCallingCode
	for cc := range t {
		if region := phonenumbers.GetRegionCodeForCountryCode(cc); region != "ZZ" {
			t[cc] = scanCallingCode{known: true, nationalPrefix: phonenumbers.GetNddPrefixForRegion(region, true)}
		}
	}
	return &t
})
