package pii

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
	end := j // where the text after the address is judged: past a port, if any
	if dots == 3 && j+1 < len(text) && text[j] == ':' && scanIsASCIIDigit(text[j+1]) {
		k := j + 1
		for k < len(text) && k-j <= 5 && scanIsASCIIDigit(text[k]) {
			k++
		}
		if k-j <= 6 {
			end = k // "203.0.113.42:443": the address, with its port left as it is
		}
	}
	if dots != 3 || !scanNumberEndOK(text, end) || end+1 < len(text) && text[end] == '.' && scanIsASCIIAlnum(text[end+1]) {
		return dst
	}
	addr, err := netip.ParseAddr(text[i:j])
	if err != nil || !addr.Is4() || scanVersionBefore(text, i) {
		return dst
	}
	return append(dst, Finding{Kind: KindIP, Start: i, End: j})
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
	switch strings.ToLower(text[w:k]) {
	case "v", "ver", "version", "release", "build", "firmware", "update", "versión", "versão":
		return true
	}
	return false
}

// scanIsIPv6Char reports whether c may appear in a textual IPv6 address (without zone).
func scanIsIPv6Char(c byte) bool {
	return scanIsASCIIDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' || c == ':' || c == '.'
}

// scanIPv6At appends the IPv6 address around the colon text[i], if any, and returns how
// far it looked. The token must be bounded by non-word characters and parse with
// net/netip; times (10:30:00) and MAC addresses do not.
func scanIPv6At(text string, i int, dst []Finding) ([]Finding, int) {
	start := i
	for start > 0 && scanIsIPv6Char(text[start-1]) && i-start < 45 {
		start--
	}
	end := i + 1
	colons, double := 1, false
	for end < len(text) && scanIsIPv6Char(text[end]) && end-start < 46 {
		if text[end] == ':' {
			colons++
			double = double || text[end-1] == ':'
		}
		end++
	}
	for k := start; k < i; k++ {
		if text[k] == ':' {
			colons++
			double = double || k > start && text[k-1] == ':'
		}
	}
	if i > start && text[i-1] == ':' {
		double = true
	}
	for end > i+1 && text[end-1] == '.' { // a full stop ends the sentence, not the address
		end--
	}
	if colons < 2 || !double && colons != 7 {
		return dst, end
	}
	if start > 0 && (scanIsASCIIAlnum(text[start-1]) || text[start-1] == '_') ||
		end < len(text) && (scanIsASCIIAlnum(text[end]) || text[end] == '_') {
		return dst, end
	}
	addr, err := netip.ParseAddr(text[start:end])
	if err != nil || !addr.Is6() || strings.Trim(text[start:end], ":") == "" {
		return dst, end
	}
	return append(dst, Finding{Kind: KindIP, Start: start, End: end}), end
}
