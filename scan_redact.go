package pii

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
// redact(redact(t)) == redact(t) for every t: a mask keeps some characters (a phone's
// first digits, a card's last four, an email's domain) that may read, with the text
// around them, as something to hide, and a finding that lost to an overlapping one may
// be left readable by the winner's mask; so the output is scanned again until nothing
// is found. Should masking not settle within scanMaskPasses passes, findings are
// blotted out with stars, which no detector reads, and as a last resort every character
// but white space is.
func (s *textScanner) redact(text string, names []string) string {
	out := text
	for pass := 0; ; pass++ {
		var buf [8]Finding
		fs := s.scan(out, names, buf[:0])
		switch {
		case len(fs) == 0:
			return out
		case pass < scanMaskPasses:
			out = scanApply(out, fs, scanMask)
		case pass < scanMaskPasses+2:
			out = scanApply(out, fs, scanBlot)
		default:
			return scanBlotAll(out)
		}
	}
}

// scanApply returns text with each finding replaced by what mask writes for it.
func scanApply(text string, fs []Finding, mask func(*strings.Builder, Kind, string)) string {
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, f := range fs {
		b.WriteString(text[last:f.Start])
		mask(&b, f.Kind, text[f.Start:f.End])
		last = f.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// scanBlot writes one star for each character of v.
func scanBlot(b *strings.Builder, _ Kind, v string) {
	b.WriteString(strings.Repeat("*", utf8.RuneCountInString(v)))
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
