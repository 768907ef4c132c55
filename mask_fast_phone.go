package pii

import "encoding/binary"

// maskFastPhone appends what maskAppendPhone gives for s. The usual number is masked
// here (fast is true): an optional '+', then only ASCII digits, 'X' and the separators
// " -.()". Every other value (a prefix, an extension, a letter, another script, a value
// that is not one number) is masked as maskAppendPhoneGeneral masks it, by
// maskReadPhoneRunes, without reading it as a plain number a second time (fast is
// false).
//
// A number of eight digits or more and nothing else, E.164's shape, is checked eight
// bytes at a time (its first eight and its last eight, which overlap or meet for up to
// sixteen digits; bytes between them one by one). It has one digit slot per byte, so
// its fourth-last slot is its fourth-last byte: it is copied with its last four bytes
// 'X'. Its length is checked by maskDigitsLengthOK, maskPhoneLengthOK's answer for it.
// Any other such number is read by maskReadPlainPhone. Both are then masked as
// maskAppendPhoneGeneral masks what maskReadPhone makes of them: maskReadPhone answers
// with maskReadPlainPhone for every value that maskReadPlainPhone reads to the end.
func maskFastPhone(dst []byte, s string) (out []byte, fast bool) {
	d, plus := s, false
	if len(d) > 0 && d[0] == '+' {
		d, plus = d[1:], true
	}
	if len(d) >= 8 && maskDigits8(maskLoad64(d, 0)) && maskDigits8(maskLoad64(d, len(d)-8)) &&
		(len(d) <= 16 || maskAllDigits(d[8:len(d)-8])) {
		if !maskDigitsLengthOK(d, plus) {
			return maskAppendDigitsHidden(dst, s, 'X'), true // not one number
		}
		dst = append(dst, s...)
		binary.LittleEndian.PutUint32(dst[len(dst)-4:], 'X'*0x01010101)
		return dst, true
	}
	cut, ok, done := maskReadPlainPhone(s)
	switch {
	case !done:
		// Not a plain number: maskReadPhone would read it rune by rune.
		cut, ok := maskReadPhoneRunes(s)
		return maskAppendPhoneRead(dst, s, cut, ok), false
	case !ok:
		return maskAppendDigitsHidden(dst, s, 'X'), true // as maskAppendPhoneGeneral does
	}
	start := len(dst)
	dst = append(dst, s...)
	for i := start + cut; i < len(dst); i++ {
		if c := dst[i]; '0' <= c && c <= '9' {
			dst[i] = 'X'
		}
	}
	return dst, true
}

// maskAllDigits reports whether s is all ASCII digits.
func maskAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// maskDigitsLengthOK is maskPhoneLengthOK for a number whose digit slots are d, at
// least eight ASCII digits: the same answer, with the head read from d and the calling
// code from maskCallingCodePrefixes.
func maskDigitsLengthOK(d string, plus bool) bool {
	skip := 0
	switch {
	case plus:
	case d[0] == '0' && d[1] == '0':
		skip = 2
	default:
		return len(d) <= maskPhoneMaxNational
	}
	p := int(d[skip]-'0')*100 + int(d[skip+1]-'0')*10 + int(d[skip+2]-'0')
	e := maskCallingCodePrefixes()[p]
	if e == 0 {
		return false
	}
	ok, n := e&(1<<maskCCDigitsShift-1), int(e>>maskCCDigitsShift)
	nsn := len(d) - skip - n
	if nsn < 5 || nsn > 17 {
		return false
	}
	if ok&(1<<nsn) != 0 {
		return true
	}
	// A trunk '0' after the country code, as maskPhoneLengthOK allows it.
	return d[skip+n] == '0' && nsn > 5 && ok&(1<<(nsn-1)) != 0
}

// maskDigits8 reports whether the eight bytes of x are all ASCII digits: each has the
// high nibble 3 ("0"-"?"), and adding 6 carries out of none of the low nibbles (":"-"?"
// would). Neither step carries from one byte into the next.
func maskDigits8(x uint64) bool {
	const nib, three, six = 0xF0F0F0F0F0F0F0F0, 0x3030303030303030, 0x0606060606060606
	return x&nib == three && (x+six)&nib == three
}

// maskLoad64 reads s[i:i+8] as a little-endian word (one load).
func maskLoad64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
