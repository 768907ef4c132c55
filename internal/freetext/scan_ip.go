package freetext

import (
	"net/netip"
	"strings"
)

// scanIPv4At appends the IPv4 address that starts at the digit text[i], if any: four
// dotted decimal octets on token boundaries that net/netip accepts, not read as a
// version number ("version 1.2.3.4", "v1.2.3.4").
func scanIPv4At(text string, i int, dst []Finding) []Finding {
	if !scanNumberStartOK(text, i) {
		return dst
	}
	j, dots, run := i, 0, 0
	for j < len(text) {
		c := text[j]
		if scanIsASCIIDigit(c) {
			if run++; run > 3 {
				return dst
			}
		} else if c == '.' && run > 0 && dots < 3 && j+1 < len(text) && scanIsASCIIDigit(text[j+1]) {
			dots++
			run = 0
		} else {
			break
		}
		j++
	}
	end := j // where the text after the address is judged: past a port or prefix length
	if dots == 3 && j+1 < len(text) && text[j] == ':' && scanIsASCIIDigit(text[j+1]) {
		k := j + 1
		for k < len(text) && k-j <= 5 && scanIsASCIIDigit(text[k]) {
			k++
		}
		if k-j <= 6 {
			end = k // "203.0.113.42:443": the address, with its port left as it is
		}
	} else if dots == 3 {
		end = scanPrefixLenEnd(text, j, 32) // "10.0.0.0/8"
	}
	if dots != 3 || !scanNumberEndOK(text, end) || end+1 < len(text) && text[end] == '.' && scanIsASCIIAlnum(text[end+1]) {
		return dst
	}
	if !scanIsDottedQuad(text[i:j]) || scanVersionBefore(text, i) {
		return dst
	}
	return append(dst, Finding{Kind: KindIP, Start: i, End: j})
}

// scanIsDottedQuad reports whether s is four decimal octets of 0 to 255 joined by dots,
// zero-padded or not ("192.168.001.010", as some logs print addresses, which net/netip
// refuses).
func scanIsDottedQuad(s string) bool {
	octets, v, n := 0, 0, 0
	for j := 0; j <= len(s); j++ {
		if j == len(s) || s[j] == '.' {
			if n == 0 || n > 3 || v > 255 {
				return false
			}
			octets++
			v, n = 0, 0
			continue
		}
		if !scanIsASCIIDigit(s[j]) {
			return false
		}
		v, n = v*10+int(s[j]-'0'), n+1
	}
	return octets == 4
}

// scanPrefixLenEnd returns the end of the prefix length ("/24", at most max) that
// follows an address ending at text[j], or j when there is none.
func scanPrefixLenEnd(text string, j, max int) int {
	if j+1 >= len(text) || text[j] != '/' || !scanIsASCIIDigit(text[j+1]) {
		return j
	}
	k, v := j+1, 0
	for k < len(text) && k-j <= 3 && scanIsASCIIDigit(text[k]) {
		v = v*10 + int(text[k]-'0')
		k++
	}
	if v > max || k-j > 4 {
		return j
	}
	return k
}

// scanZoneEnd returns the end of the zone ("%eth0") that follows an IPv6 address ending
// at text[j], or j when there is none.
func scanZoneEnd(text string, j int) int {
	if j+1 >= len(text) || text[j] != '%' || !scanIsASCIIAlnum(text[j+1]) {
		return j
	}
	k := j + 1
	for k < len(text) && k-j <= 16 && (scanIsASCIIAlnum(text[k]) || text[k] == '_' || text[k] == '-' || text[k] == '.') {
		k++
	}
	return k
}

// scanVersionBefore reports whether the word before text[i] announces a version number.
func scanVersionBefore(text string, i int) bool {
	k := i
	for k > 0 && (text[k-1] == ' ' || text[k-1] == ':') && i-k < 3 {
		k--
	}
	w := k
	for w > 0 && scanIsASCIIAlnum(text[w-1]) && k-w < 16 {
		w--
	}
	word := text[w:k]
	if word == "" || !strings.ContainsRune("vVrRbBfFuU", rune(word[0])) {
		return false
	}
	for _, v := range [...]string{"v", "ver", "version", "release", "build", "firmware", "update"} {
		if len(word) == len(v) && scanHasPrefixFold(word, v) { // word is ASCII
			return true
		}
	}
	return false
}

// scanIsIPv6Char reports whether c may appear in a textual IPv6 address (without zone).
func scanIsIPv6Char(c byte) bool {
	return scanIsASCIIDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' || c == ':' || c == '.'
}

// scanIPv6At appends the IPv6 address around the colon text[i], if any, and returns how
// far it looked. The token must be bounded by non-word characters and parse with
// net/netip; times (10:30:00) and MAC addresses do not. A word and a colon before the
// address are a label ("src:2001:db8::1"). The address may end in an embedded IPv4
// address (::ffff:192.0.2.1), and be followed by a zone (fe80::1%eth0) or a prefix
// length (2001:db8::/32), which stay as they are. The unspecified address :: counts.
func scanIPv6At(text string, i int, dst []Finding) ([]Finding, int) {
	start := i
	for start > 0 && scanIsIPv6Char(text[start-1]) && i-start < 45 {
		start--
	}
	end := i + 1
	for end < len(text) && scanIsIPv6Char(text[end]) && end-start < 46 {
		end++
	}
	for end > i+1 && text[end-1] == '.' { // a full stop ends the sentence, not the address
		end--
	}
	if start > 0 && (scanIsASCIIAlnum(text[start-1]) || text[start-1] == '_') {
		// A label glued to the address by a colon: the address starts after the colon.
		k := start
		for k < i && text[k] != ':' {
			k++
		}
		start = k + 1
	}
	if end-start < 2 {
		return dst, end
	}
	after := scanPrefixLenEnd(text, scanZoneEnd(text, end), 128)
	if start > 0 && (scanIsASCIIAlnum(text[start-1]) || text[start-1] == '_') ||
		after < len(text) && (scanIsASCIIAlnum(text[after]) || text[after] == '_') {
		return dst, end
	}
	tok := text[start:end]
	colons, double := strings.Count(tok, ":"), strings.Contains(tok, "::")
	full := 7
	if strings.IndexByte(tok, '.') >= 0 {
		full = 6 // six groups and an IPv4 address
	}
	if colons < 2 || !double && colons != full {
		return dst, end
	}
	addr, err := netip.ParseAddr(tok)
	if err != nil || !addr.Is6() {
		return dst, end
	}
	return append(dst, Finding{Kind: KindIP, Start: start, End: end}), end
}
