package pii

import (
	"strings"
	"unicode/utf8"
)

// maskEmailLocal is what an email's local part becomes. Three stars whatever its
// length, so the length of the local part is not given away.
const maskEmailLocal = "***"

// maskEmail is the default redaction of an email address: the local part is hidden and
// the domain kept as written (IDN domains included): "jane.doe@example.com" gives
// "***@example.com". The domain is what makes a redacted log useful (which provider,
// which customer) and identifies a person only for personal domains, a risk the kind
// table accepts.
//
// The local part ends at the last '@' (a quoted local part may hold '@'). Fail closed:
// a value with no '@', with an empty domain, or with a domain holding anything but
// letters, digits, '.', '-', '_' or an address literal's "[]:" (a display name, a
// list of addresses, free text) gives "".
func maskEmail(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return ""
	}
	domain := s[at+1:]
	if !maskIsDomain(domain) {
		return ""
	}
	if s[:at] == maskEmailLocal {
		return s
	}
	// One allocation of the exact size.
	b := make([]byte, len(maskEmailLocal)+1+len(domain))
	n := copy(b, maskEmailLocal)
	b[n] = '@'
	copy(b[n+1:], domain)
	return maskOwnString(b)
}

// maskIsDomain reports whether s can be the domain of an email address or the host of
// a URL as written: non-empty, and only letters and digits of any script, '.', '-',
// '_', and the '[', ']' and ':' of an address literal or port.
func maskIsDomain(s string) bool {
	if s == "" {
		return false
	}
	// Fast path: the ASCII bytes (all of them, in most domains) are checked without
	// decoding; the first other byte hands the rest to the rune loop below.
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		if c := s[i]; !(maskIsAlnum(rune(c)) || c == '.' || c == '-' || c == '_' || c == '[' || c == ']' || c == ':') {
			return false
		}
	}
	for _, r := range s[i:] {
		switch {
		case r == '.' || r == '-' || r == '_' || r == '[' || r == ']' || r == ':':
		case r == utf8.RuneError:
			return false
		case !maskIsAlnum(r):
			return false
		}
	}
	return true
}
