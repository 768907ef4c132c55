package pii

import "math/bits"

// maskFastIP appends what maskAppendIP gives for s. A plain IPv4 address, written as
// netip writes it (maskDottedQuad), is masked here (fast is true): its /24 is the same
// text with the last octet "0", so there is nothing to parse or format. Everything
// else is masked by maskAppendIPGeneral, with netip (fast is false).
func maskFastIP(dst []byte, s string) (out []byte, fast bool) {
	last, ok := maskDottedQuad(s)
	if !ok {
		return maskAppendIPGeneral(dst, s), false
	}
	dst = append(dst, s[:last+1]...)
	dst[len(dst)-1] = '0'
	return dst, true
}

// maskDottedQuad reports whether s is an IPv4 address in the one form netip parses and
// writes back unchanged: four decimal octets of at most 255, without leading zeros,
// separated by dots, and nothing else. last is the offset of the last octet.
// Everything else (leading zeros, which netip rejects, a port, IPv6) is for netip.
//
// An address of 8 to 15 bytes is read as two words of eight bytes, its first and its
// last (which overlap): a bit per dot, and a check that every other byte is a digit.
// The dots give the octets, whose length and value are then checked.
func maskDottedQuad(s string) (last int, ok bool) {
	n := len(s)
	if n < 8 || n > 15 {
		ok = n == 7 && s[1] == '.' && s[3] == '.' && s[5] == '.' &&
			maskIsASCIIDigit(s[0]) && maskIsASCIIDigit(s[2]) && maskIsASCIIDigit(s[4]) && maskIsASCIIDigit(s[6])
		return 6, ok
	}
	d0, ok0 := maskQuadDots(maskLoad64(s, 0))
	d1, ok1 := maskQuadDots(maskLoad64(s, n-8))
	if !ok0 || !ok1 {
		return 0, false
	}
	m := uint32(d0) | uint32(d1)<<(n-8) // bit i: s[i] is a dot
	p1 := bits.TrailingZeros32(m)
	m &= m - 1
	p2 := bits.TrailingZeros32(m)
	m &= m - 1
	p3 := bits.TrailingZeros32(m) // 32 if there are fewer than three dots
	if m&(m-1) != 0 || p3 >= n {
		return 0, false
	}
	if !maskIsOctet(s[:p1]) || !maskIsOctet(s[p1+1:p2]) || !maskIsOctet(s[p2+1:p3]) || !maskIsOctet(s[p3+1:]) {
		return 0, false
	}
	return p3 + 1, true
}

// maskQuadDots returns the dots of the eight bytes of x, bit i for byte i, and whether
// every other byte of x is a digit. A byte is marked not a digit when its value XOR
// '0' is 10 or more; a byte of 0x8A or more carries into the next one's mark, but it is
// marked itself, so ok is false either way. The dots are found exactly, by a zero-byte
// test that carries into no other byte.
func maskQuadDots(x uint64) (dots uint8, ok bool) {
	const ones = 0x0101010101010101
	const high, low7 = 0x80 * ones, 0x7f * ones
	y := x ^ '0'*ones
	other := ((y + (0x80-10)*ones) | y) & high
	z := x ^ '.'*ones
	dot := ^((z&low7 + low7) | z) & high
	// Bit 7 of byte i to bit 56+i, then down: a multiply with no carries.
	return uint8((dot >> 7) * 0x0102040810204080 >> 56), other == dot
}

// maskIsOctet reports whether o, ASCII digits, is an octet netip writes: one to three
// digits, no leading zero, at most 255.
func maskIsOctet(o string) bool {
	switch len(o) {
	case 1:
		return true
	case 2:
		return o[0] != '0'
	case 3:
		return o[0] == '1' || o[0] == '2' && (o[1] < '5' || o[1] == '5' && o[2] <= '5')
	}
	return false
}
