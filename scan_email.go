package pii

import (
	"unicode"
	"unicode/utf8"
)

// scanIsLocalByte reports whether the ASCII byte c may appear in the local part of an
// email address as people write them. '*' is left out on purpose: a local part masked
// with stars must not be found again.
func scanIsLocalByte(c byte) bool {
	return scanIsASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\''
}

// scanIsDomainByte reports whether the ASCII byte c may appear in a domain name.
func scanIsDomainByte(c byte) bool {
	return scanIsASCIIAlnum(c) || c == '-' || c == '.'
}

// scanIsIntlRune reports whether a non-ASCII rune may appear in an internationalised
// local part or domain label (josé@bücher.de).
func scanIsIntlRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// scanEmailAt appends the email address around the '@' at text[i], if any.
func scanEmailAt(text string, i int, dst []Finding) []Finding {
	start := i
	for start > 0 && i-start < 64 {
		c := text[start-1]
		if c < utf8.RuneSelf {
			if !scanIsLocalByte(c) {
				break
			}
			start--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !scanIsIntlRune(r) {
			break
		}
		start -= n
	}
	for start < i && (text[start] == '.' || text[start] == '\'' || text[start] == '-') {
		start++
	}
	if start == i || text[i-1] == '.' {
		return dst
	}
	end, labelStart, dots := i+1, i+1, 0
	lastLabelAlpha := true
	for end < len(text) && end-i < 254 {
		c := text[end]
		if c < utf8.RuneSelf {
			if !scanIsDomainByte(c) {
				break
			}
			if c == '.' {
				if end == labelStart || end+1 >= len(text) || !scanIsDomainStart(text, end+1) {
					break // an empty label, or a full stop that ends the sentence
				}
				dots++
				labelStart = end + 1
				lastLabelAlpha = true
			} else if !(c|0x20 >= 'a' && c|0x20 <= 'z') {
				lastLabelAlpha = false
			}
			end++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[end:])
		if !scanIsIntlRune(r) {
			break
		}
		end += n
	}
	for end > labelStart && text[end-1] == '-' {
		end--
	}
	tld := text[labelStart:end]
	if dots == 0 || len(tld) < 2 || !lastLabelAlpha && !scanHasPrefixFold(tld, "xn--") {
		return dst
	}
	if end < len(text) && text[end] == '@' {
		return dst // a@b.c@d: no address
	}
	return append(dst, Finding{Kind: KindEmail, Start: start, End: end})
}

// scanIsDomainStart reports whether a domain label can start at text[j].
func scanIsDomainStart(text string, j int) bool {
	c := text[j]
	if c < utf8.RuneSelf {
		return scanIsASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return scanIsIntlRune(r)
}
