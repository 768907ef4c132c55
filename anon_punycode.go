package pii

import (
	"strings"
	"unicode/utf8"
)

// Punycode's parameters (RFC 3492, section 5).
const (
	punyBase        = 36
	punyTMin        = 1
	punyTMax        = 26
	punySkew        = 38
	punyDamp        = 700
	punyInitialBias = 72
	punyInitialN    = 128
	punyMaxLabel    = 255 // longer than any DNS label: not decoded
	punyMaxInt      = 1<<31 - 1
)

// anonPunycodeLabel decodes an IDNA A-label ("xn--bcher-kva") to the Unicode label it
// stands for ("bücher"), lower-cased, so that an address written either way gets one
// pseudonym. ok is false for any other label and for one that is not valid Punycode
// (RFC 3492), which is then kept as it is written.
func anonPunycodeLabel(label string) (string, bool) {
	in, ok := strings.CutPrefix(strings.ToLower(label), "xn--")
	if !ok || in == "" || len(in) > punyMaxLabel {
		return "", false
	}
	var out []rune
	if b := strings.LastIndexByte(in, '-'); b >= 0 {
		for i := 0; i < b; i++ {
			// The basic code points of a label: letters, digits and hyphens.
			if c := in[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return "", false
			}
			out = append(out, rune(in[i]))
		}
		in = in[b+1:]
	}
	n, i, bias := punyInitialN, 0, punyInitialBias
	for pos := 0; pos < len(in); {
		oldi, w := i, 1
		for k := punyBase; ; k += punyBase {
			if pos >= len(in) {
				return "", false
			}
			d := punyDigit(in[pos])
			pos++
			if d < 0 || d > (punyMaxInt-i)/w {
				return "", false
			}
			i += d * w
			t := min(max(k-bias, punyTMin), punyTMax)
			if d < t {
				break
			}
			if w > punyMaxInt/(punyBase-t) {
				return "", false
			}
			w *= punyBase - t
		}
		points := len(out) + 1
		bias = punyAdapt(i-oldi, points, oldi == 0)
		if i/points > punyMaxInt-n {
			return "", false
		}
		n += i / points
		i %= points
		if n > utf8.MaxRune || !utf8.ValidRune(rune(n)) {
			return "", false
		}
		out = append(out, 0)
		copy(out[i+1:], out[i:])
		out[i] = rune(n)
		i++
	}
	return strings.ToLower(string(out)), true
}

// punyDigit returns the value of a Punycode digit, or -1.
func punyDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c-'0') + 26
	case 'a' <= c && c <= 'z':
		return int(c - 'a')
	}
	return -1
}

// punyAdapt is Punycode's bias adaptation (RFC 3492, section 6.1).
func punyAdapt(delta, points int, first bool) int {
	if first {
		delta /= punyDamp
	} else {
		delta /= 2
	}
	delta += delta / points
	k := 0
	for delta > ((punyBase-punyTMin)*punyTMax)/2 {
		delta /= punyBase - punyTMin
		k += punyBase
	}
	return k + (punyBase-punyTMin+1)*delta/(delta+punySkew)
}
