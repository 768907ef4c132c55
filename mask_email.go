package pii

import (
	"strings"
	"unicode/utf8"
)

// maskEmailLocal is what an email's local part becomes. Three stars whatever its
// length, so the length of the local part is not given away.
const maskEmailLocal = "***"

// maskAppendEmail appends the default redaction of an email address: the local part is hidden and
// the domain kept as written (IDN domains included): "jane.doe@example.com" gives
// "***@example.com". The domain is what makes a redacted log useful (which provider,
// which customer) and identifies a person only for personal domains, a risk the kind
// table accepts.
//
// Fail closed: s must be one address, a local part and a domain, or it gives "". The
// local part ends at the last '@' (a quoted local part may hold '@'); it is not empty,
// and is a quoted string or a run of the characters an unquoted local part may hold
// (letters and digits of any script and "!#$%&'*+-/=?^_`{|}~."). The domain is a host
// name of two labels or more (letters, digits, '-', '_'; no empty label) whose last
// label is not all digits, or an address literal in brackets. A display name, a list
// of addresses, free text, a local part alone or a domain alone give "".
//
// The usual address, ASCII with an unquoted local part and a host name, is masked by
// maskFastEmail's own loop, which gives the same bytes as maskAppendEmailGeneral.
func maskAppendEmail(dst []byte, s string) []byte {
	out, _ := maskFastEmail(dst, s)
	return out
}

// maskAppendEmailGeneral is maskAppendEmail for any value.
func maskAppendEmailGeneral(dst []byte, s string) []byte {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || !maskIsLocalPart(s[:at]) || !maskIsMailDomain(s[at+1:]) {
		return dst
	}
	dst = append(dst, maskEmailLocal...)
	return append(dst, s[at:]...)
}

// maskLocalClass marks the ASCII bytes an unquoted local part may hold.
var maskLocalClass = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("!#$%&'*+-/=?^_`{|}~.", byte(c)) >= 0
	}
	return t
}()

// maskIsLocalPart reports whether s can be the local part of one email address.
func maskIsLocalPart(s string) bool {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		// A quoted string: anything printable but an unescaped quote.
		for i := 1; i < len(s)-1; i++ {
			switch c := s[i]; {
			case c == '\\' && i+1 < len(s)-1:
				i++
			case c == '"' || c == '\\' || c < ' ' || c == 0x7f:
				return false
			}
		}
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !maskLocalClass[c] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !maskIsAlnum(r) {
			return false
		}
		i += size
	}
	return s != ""
}

// maskIsMailDomain reports whether s can be the domain of an email address: a host name
// of two labels or more whose last label is not all digits, or an address literal.
func maskIsMailDomain(s string) bool {
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' {
		return maskIsAddrLiteral(s[1 : len(s)-1])
	}
	labels, ok := maskHostLabels(s)
	return ok && labels >= 2
}

// maskIsAddrLiteral reports whether s, the inside of an address literal's brackets,
// holds only what an IP address literal may: hex digits, '.', ':' and an "IPv6:" tag.
func maskIsAddrLiteral(s string) bool {
	if len(s) > 5 && strings.EqualFold(s[:5], "IPv6:") {
		s = s[5:]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' || c == '.' || c == ':') {
			return false
		}
	}
	return s != ""
}

// maskHostLabels reports whether s is a host name as written: labels of letters and
// digits of any script, '-' and '_', separated by single dots, the last one not all
// digits (that would be an IPv4 address, which is not a name). It returns the number of
// labels.
func maskHostLabels(s string) (labels int, ok bool) {
	label, digitsOnly := 0, true
	for i := 0; i < len(s); {
		switch maskHostClass[s[i]] {
		case maskHostDot:
			if label == 0 {
				return 0, false
			}
			labels++
			label, digitsOnly = 0, true
		case maskHostDigit:
			label++
		case maskHostLetter:
			label++
			digitsOnly = false
		case maskHostOther:
			return 0, false
		default: // the first byte of a rune that is not ASCII
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || !maskIsAlnum(r) {
				return 0, false
			}
			digitsOnly = false
			label += size
			i += size
			continue
		}
		i++
	}
	if label == 0 || digitsOnly {
		return 0, false
	}
	return labels + 1, true
}

// What a byte is to a host name (maskHostClass).
const (
	maskHostOther  = iota // not allowed
	maskHostDot           // '.'
	maskHostDigit         // '0'-'9'
	maskHostLetter        // a letter, '-', '_'
	maskHostRune          // a byte of a rune that is not ASCII
)

var maskHostClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = maskHostRune
		case c == '.':
			t[c] = maskHostDot
		case '0' <= c && c <= '9':
			t[c] = maskHostDigit
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_':
			t[c] = maskHostLetter
		}
	}
	return t
}()
