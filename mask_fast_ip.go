package pii

// maskFastIP appends what maskAppendIP gives for s. A plain IPv4 address, written as
// netip writes it (maskDottedQuad), is masked here (fast is true): its /24 is the same
// text with the last octet "0", so there is nothing to parse or format. Everything
// else is masked by maskAppendIPGeneral, with netip (fast is false).
func maskFastIP(dst []byte, s string) (out []byte, fast bool) {
	last, ok := maskDottedQuad(s)
	if !ok {
		return maskAppendIPGeneral(dst, s), false
	}
	dst = append(dst, s[:last]...)
	return append(dst, '0'), true
}

// maskDottedQuad reports whether s is an IPv4 address in the one form netip parses and
// writes back unchanged: four decimal octets of at most 255, without leading zeros,
// separated by dots, and nothing else. last is the offset of the last octet.
// Everything else (leading zeros, which netip rejects, a port, IPv6) is for netip.
//
// It reads s once, byte by byte: a dot closes an octet, a digit extends it. An octet of
// at most 255 without a leading zero has at most three digits, so the value check
// bounds its length too.
func maskDottedQuad(s string) (last int, ok bool) {
	if len(s) < len("0.0.0.0") || len(s) > len("255.255.255.255") {
		return 0, false
	}
	dots, v, start := 0, 0, 0 // start: the offset of the octet being read
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if i == start || dots == 3 {
				return 0, false
			}
			dots++
			start, v = i+1, 0
			continue
		}
		d := c - '0'
		if d > 9 || i > start && s[start] == '0' {
			return 0, false
		}
		v = v*10 + int(d)
		if v > 255 {
			return 0, false
		}
	}
	if dots != 3 || start == len(s) {
		return 0, false
	}
	return start, true
}
