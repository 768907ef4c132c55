package pii

import "unicode/utf8"

// What a byte is to maskFastInitials (maskNameFastClass). The order matters: from
// maskNmOther on, a byte does not end a part.
const (
	maskNmStop   = iota // a byte of a rune that is not ASCII: the general path's
	maskNmSpace         // white space: ends a word
	maskNmHyphen        // '-': ends a part
	maskNmOther         // punctuation, symbols: skipped
	maskNmNumber        // a digit: a part that starts with one has no initial
	maskNmLetter        // a letter: an initial
)

// maskNameFastClass is maskASCIIClass in maskFastInitials' terms, with maskNmStop for
// the bytes that are not ASCII.
var maskNameFastClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		t[c] = [...]uint8{
			maskClassOther:  maskNmOther,
			maskClassSpace:  maskNmSpace,
			maskClassHyphen: maskNmHyphen,
			maskClassNumber: maskNmNumber,
			maskClassLetter: maskNmLetter,
		}[maskASCIIClass[c]]
	}
	return t
}()

// maskFastInitials appends what maskAppendInitials gives for s. A name written in ASCII
// is masked here (fast is true): the same words, parts and initials as
// maskAppendInitialsGeneral finds, read byte by byte and upper-cased by arithmetic. An
// ASCII letter is its own initial (no combining mark can follow it in ASCII), so the
// result is the general path's. Once a part's initial (or its first digit) is found,
// the rest of the part is skipped in a loop of its own. At the first byte that is not
// ASCII, whatever was appended is dropped and maskAppendInitialsGeneral masks the value
// (fast is false).
func maskFastInitials(dst []byte, s string) (out []byte, fast bool) {
	t := &maskNameFastClass
	start := len(dst)
	words := 0 // words of s that gave an initial so far
	parts := 0 // parts of the current word that gave an initial so far
	for i := 0; i < len(s); {
		// Seeking the initial of a part.
		c := s[i]
		switch t[c] {
		case maskNmStop:
			return maskAppendInitialsGeneral(dst[:start], s), false
		case maskNmSpace:
			if parts > 0 {
				words++
			}
			parts = 0
			i++
			continue
		case maskNmHyphen, maskNmOther:
			i++
			continue
		case maskNmLetter:
			c &^= 'a' - 'A' // upper case, for an ASCII letter
			switch {
			case parts > 0:
				dst = append(dst, '-', c, '.')
			case words >= maskInitialsMaxWords:
				return dst[:start], true // text, not a name, whatever follows
			case words > 0:
				dst = append(dst, ' ', c, '.')
			default:
				dst = append(dst, c, '.')
			}
			parts++
		}
		// The rest of the part: up to a space, a hyphen, a byte of another rune or the end.
		for i++; i < len(s) && t[s[i]] >= maskNmOther; i++ {
		}
	}
	return dst, true
}
