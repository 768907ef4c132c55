package freetext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanMaskPasses is how many times redact masks what it finds before it gives up on
// masks and blots findings out with stars.
const scanMaskPasses = 4

// redact returns text with every finding replaced by its kind's mask, or text itself
// when nothing is found. What it returns holds nothing the scanner finds, so that
// redact(redact(t)) == redact(t) for every t: a mask keeps some characters (a card's
// last four digits, an IBAN's country, an IP address's network) that may read, with the
// text around them, as something to hide, and a finding that lost to an overlapping one
// may be left readable by the winner's mask; so such output is scanned again until
// nothing is found. Should masking not settle within scanMaskPasses passes, findings
// are blotted out with stars, which no detector reads, and as a last resort every
// character but white space is.
func (s *textScanner) redact(text string, names []string) string {
	out := text
	for pass := 0; ; pass++ {
		var buf [8]Finding
		fs, dropped, reread := s.scanAll(out, names, buf[:0])
		switch {
		case len(fs) == 0:
			return out
		case pass < scanMaskPasses:
			settled := !dropped && !reread && s.settled(out, fs, names)
			out = scanApply(out, fs, false, reread)
			if settled {
				return out
			}
		case pass < scanMaskPasses+2:
			out = scanApply(out, fs, true, reread)
		default:
			return scanBlotAll(out)
		}
	}
}

// settled reports whether the masks of the findings fs of text leave nothing to find,
// so that no further pass is needed: a phone number's mask ends in X, and the digits it
// leaves readable are too few for any number (see scanPhoneMaskReadable); an email's
// leaves its domain, which holds no number. And each finding stands apart from its
// neighbours (white space or plain punctuation around it, no digits in the words next
// to it), so that what its mask changes is no context another detector reads. The
// other masks keep digits; at LeniencyPossible a phone's kept digits may make a
// number with what follows; and with names to look for there is always another pass,
// as a name may match what a mask writes.
func (s *textScanner) settled(text string, fs []Finding, names []string) bool {
	if s.leniency != LeniencyValid || len(names) > 0 {
		return false // a name may be anything, the letters of a mask too
	}
	for _, f := range fs {
		switch {
		case f.Kind == KindPhone:
			if scanPhoneMaskReadable(text[f.Start:f.End]) > 5 || !scanPhoneMaskEnds(text[f.Start:f.End]) ||
				scanIBANMayStart(text, f.Start) || !scanQuietAfter(text, f.End) {
				return false
			}
		case f.Kind == KindEmail:
			if !scanEmailSettled(text, f) {
				return false
			}
		default:
			return false
		}
		if !scanApartBefore(text, f.Start) || !scanApartAfter(text, f.End) || !scanQuietBefore(text, f.Start) {
			return false
		}
	}
	return true
}

// scanEmailSettled reports whether masking the email f of text changes nothing that a
// detector reads. The mask keeps the domain and the end of the address where they
// are, and replaces the local part with "***". Before the address, a detector may read
// on into a local part that starts with a digit or a sign ("2671 x1234..." reads as an
// extension): the local part must start with a letter. After it, what follows sees
// the same text, only nearer to what precedes the address. Two detectors look that
// far back: an identifier written bare needs its label within 32 bytes before it, and
// a quoted local part ("jane doe"@...) reaches back 66 bytes for its opening quote. So
// no quote may lie within 66 bytes before the address, and no label within 32 (see
// scanLabelBefore).
func scanEmailSettled(text string, f Finding) bool {
	if c := text[f.Start]; c|0x20 < 'a' || c|0x20 > 'z' || strings.HasSuffix(text[f.Start:f.End], "]") {
		return false // a local part that starts otherwise, or an address literal (whose mask changes the end)
	}
	if strings.IndexByte(text[max(0, f.Start-66):f.Start], '"') >= 0 {
		return false
	}
	return !scanAnyLabelIn(text[max(0, f.Start-32):f.Start])
}

// scanAnyLabelIn reports whether window may hold the label of a national identifier
// (scanGovID.labels) as scanLabelBefore reads them: one in any ASCII case, or a byte
// beyond ASCII, whose lower case scanLabelBefore may read as a letter of one.
func scanAnyLabelIn(window string) bool {
	for j := 0; j < len(window); j++ {
		c := window[j]
		if c >= 0x80 {
			return true
		}
		for _, l := range scanGovIDLabels[c|0x20] {
			if scanHasPrefixFold(window[j:], l) {
				return true
			}
		}
	}
	return false
}

// scanPhoneMaskReadable returns how many of the digits that the phone mask keeps of v
// can still be read as part of a number: all of them but the group joined to the mask
// (by no separator, or one that is not a space), which the finder never reads.
func scanPhoneMaskReadable(v string) int {
	for j := 0; j < len(v); j++ {
		if v[j] >= 0x80 {
			return len(v) // digits of another script: the next pass decides
		}
	}
	_, total := scanPhoneExt(v)
	if total > 15 {
		return 0 // every digit masked
	}
	kept, last := total-4, -1
	for j, seen := 0, 0; j < len(v) && seen < kept; j++ {
		if n := scanPhoneEscapeLen(v, j); n > 0 {
			j += n - 1
			continue
		}
		if scanIsASCIIDigit(v[j]) {
			seen++
			last = j
		}
	}
	if last < 0 || last+1 >= len(v) {
		return max(kept, 0)
	}
	if c := v[last+1]; c < '0' && (c == ' ' || c == '\t' || c == '%' && last+3 < len(v) && v[last+2] == '2' && v[last+3] == '0') {
		return max(kept, 0) // a space, perhaps URL-encoded ("%20"), leaves the group before it readable
	}
	for j := last; j >= 0 && scanIsASCIIDigit(v[j]); j-- {
		kept--
	}
	return kept
}

// scanPhoneMaskEnds reports whether the phone mask of v leaves the digits it keeps
// ending where they ended: they must not be followed by a dot, comma, dash, slash or
// colon, which before a digit say that a number goes on, and before the mask's X that
// it ends ("045 33 1234-XXXX" would read as a social security number).
func scanPhoneMaskEnds(v string) bool {
	_, total := scanPhoneExt(v)
	kept := total - 4
	if total > 15 || kept <= 0 {
		return true // every digit masked
	}
	for j, seen := 0, 0; j < len(v); j++ {
		if v[j] >= 0x80 {
			return false // digits of another script: the next pass decides
		}
		if n := scanPhoneEscapeLen(v, j); n > 0 {
			j += n - 1
			continue
		}
		if !scanIsASCIIDigit(v[j]) {
			continue
		}
		if seen++; seen == kept {
			if j+1 < len(v) {
				switch v[j+1] {
				case '.', ',', '-', '/', ':':
					return false
				}
			}
			return true
		}
	}
	return true
}

// scanIBANMayStart reports whether a number at text[i] may be read as the rest of an
// IBAN whose country code comes before it (scanIBANAt): an IBAN reads letters too,
// the X of a phone mask among them.
func scanIBANMayStart(text string, i int) bool {
	c := i
	if c >= 3 && scanIsIBANSep(text[c-1]) && text[c-1] != '.' {
		c--
	}
	return c >= 2 && scanIBANLength([2]byte{scanUpper(text[c-2]), scanUpper(text[c-1])}) > 0 &&
		(c == 2 || !scanIsASCIIAlnum(text[c-3]))
}

// scanQuietBefore reports whether the word before a finding at text[i] holds nothing a
// detector starts from (a digit, '@', ':', '%', '+', '#', '*'), so that no other
// candidate reaches into the finding from before it.
func scanQuietBefore(text string, i int) bool {
	for i > 0 && scanIsSpace(text[i-1]) {
		i--
	}
	for ; i > 0 && !scanIsSpace(text[i-1]); i-- {
		if scanLoud(text[i-1]) {
			return false
		}
	}
	return true
}

// scanQuietAfter is scanQuietBefore for the word after a finding that ends at text[j].
func scanQuietAfter(text string, j int) bool {
	for j < len(text) && !scanIsSpace(text[j]) { // the punctuation that ends the finding
		if scanLoud(text[j]) {
			return false
		}
		j++
	}
	for j < len(text) && scanIsSpace(text[j]) {
		j++
	}
	for ; j < len(text) && !scanIsSpace(text[j]); j++ {
		if scanLoud(text[j]) {
			return false
		}
	}
	return true
}

// scanIsSpace reports whether c is ASCII white space.
func scanIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scanLoud reports whether c may start or join a finding: a digit, or a byte above
// ASCII (full-width digits and signs), or '@', ':', '%', '+', '#', '*'.
func scanLoud(c byte) bool {
	return scanIsASCIIDigit(c) || c >= 0x80 || c == '@' || c == ':' || c == '%' || c == '+' || c == '#' || c == '*'
}

// scanApartBefore reports whether text[i-1] separates a finding at text[i] from what
// comes before it: the start of text, white space, or an opening bracket or quote.
func scanApartBefore(text string, i int) bool {
	if i == 0 {
		return true
	}
	switch text[i-1] {
	case ' ', '\t', '\n', '\r', '(', '[', '<', '"', '\'':
		return true
	}
	return false
}

// scanApartAfter reports whether what follows a finding ending at text[j] separates it
// from what comes next: the end of text, white space, or plain punctuation followed by
// the end of text or white space.
func scanApartAfter(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	switch text[j] {
	case ' ', '\t', '\n', '\r':
		return true
	case ')', ']', '>', '"', '\'', ',', '.', ';', '!', '?':
		return j+1 >= len(text) || text[j+1] == ' ' || text[j+1] == '\n' || text[j+1] == '\r' || text[j+1] == '\t'
	}
	return false
}

// scanApply returns text with each finding replaced by its mask, or, when blot is set,
// by one star per character. markup says the text was read as a reader sees it, and
// findings may hold markup (see scanMask).
func scanApply(text string, fs []Finding, blot, markup bool) string {
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, f := range fs {
		b.WriteString(text[last:f.Start])
		v := text[f.Start:f.End]
		if blot {
			b.WriteString(strings.Repeat("*", utf8.RuneCountInString(v)))
		} else {
			scanMask(&b, f.Kind, v, markup)
		}
		last = f.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// scanBlotAll returns text with every character but white space replaced by a star.
func scanBlotAll(text string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return r
		}
		return '*'
	}, text)
}
