package pii

// Bits of maskEmailFastClass, what an ASCII byte is to maskFastEmail.
const (
	maskEmLocal = 1 << iota // may be in an unquoted local part (maskLocalClass)
	maskEmName              // a letter, '-' or '_': a label with one is not all digits
	maskEmHost              // a letter, digit, '-' or '_' of a host name
)

// maskEmailFastClass classifies bytes for maskFastEmail; the bytes of other runes are 0.
var maskEmailFastClass = func() (t [256]uint8) {
	for c := range 128 {
		if maskLocalClass[c] {
			t[c] |= maskEmLocal
		}
		switch maskHostClass[c] {
		case maskHostDigit:
			t[c] |= maskEmHost
		case maskHostLetter:
			t[c] |= maskEmHost | maskEmName
		}
	}
	return t
}()

// maskFastEmail appends what maskAppendEmail gives for s. The usual address is masked
// here (fast is true): ASCII, an unquoted local part of the bytes maskLocalClass
// allows, one '@', and a host name of two labels or more, each of letters, digits, '-'
// and '_', the last not all digits. It appends "***" and the '@' and domain, which is
// what maskAppendEmailGeneral gives. Every other value (a quoted local part, a second
// '@', an address literal, a byte of another rune, an empty label, any value that is
// not an address) is masked by maskAppendEmailGeneral (fast is false).
func maskFastEmail(dst []byte, s string) (out []byte, fast bool) {
	t := &maskEmailFastClass
	at := 0
	for at < len(s) && t[s[at]]&maskEmLocal != 0 {
		at++
	}
	if at == 0 || at == len(s) || s[at] != '@' {
		return maskAppendEmailGeneral(dst, s), false
	}
	// The domain d: its last label, read from the end, is of host bytes and not all
	// digits, after a dot; before that dot, labels of host bytes, none empty (no dot
	// first, last or after another dot).
	d := s[at+1:]
	i, name := len(d)-1, uint8(0)
	for ; i >= 0 && t[d[i]]&maskEmHost != 0; i-- {
		name |= t[d[i]]
	}
	if i <= 0 || name&maskEmName == 0 || d[i] != '.' || d[i-1] == '.' || t[d[0]]&maskEmHost == 0 {
		return maskAppendEmailGeneral(dst, s), false
	}
	for j := 1; j < i; j++ {
		if t[d[j]]&maskEmHost == 0 && (d[j] != '.' || d[j-1] == '.') {
			return maskAppendEmailGeneral(dst, s), false
		}
	}
	dst = append(dst, maskEmailLocal...)
	return append(dst, s[at:]...), true
}
