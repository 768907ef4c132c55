package pii

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// anonFolder folds case for pseudonym normalisation. cases.Fold is stateless and safe for
// concurrent use, so one serves every call.
var anonFolder = cases.Fold()

// anonNormalize appends to dst the form of value that pseudonyms are computed from, so
// that different spellings of one phone number, address or name share a pseudonym:
//
//   - phone: E.164 ("+14155551234"), reading numbers without a country code in region;
//     a number phonenumbers cannot parse keeps only its digits (or, without digits, is
//     normalised like other kinds);
//   - email: NFKC, case folded, trimmed;
//   - name: NFKC, width folded, case folded, runs of white space made one space, trimmed;
//   - any other kind: NFC, trimmed.
//
// ASCII input, the common case, takes allocation-free paths with the same results.
func anonNormalize(dst []byte, kind Kind, value, region string) []byte {
	switch kind {
	case KindPhone:
		return anonNormalizePhone(dst, value, region)
	case KindEmail:
		if anonIsASCII(value) {
			return anonAppendLower(dst, strings.TrimSpace(value))
		}
		s := norm.NFKC.String(value)
		s = norm.NFKC.String(anonFolder.String(s))
		return append(dst, strings.TrimSpace(s)...)
	case KindName:
		if !anonIsASCII(value) {
			s := norm.NFKC.String(value)
			s = width.Fold.String(s)
			value = norm.NFKC.String(anonFolder.String(s))
		}
		return anonAppendCollapsed(dst, value)
	}
	if anonIsASCII(value) {
		return append(dst, strings.TrimSpace(value)...)
	}
	return append(dst, strings.TrimSpace(norm.NFC.String(value))...)
}

// anonNormalizePhone appends the E.164 form of a phone number, or its digits when
// phonenumbers cannot parse it.
func anonNormalizePhone(dst []byte, value, region string) []byte {
	if e164, ok := anonParsePhone(value, region); ok {
		return append(dst, e164...)
	}
	start := len(dst)
	for _, r := range norm.NFKC.String(value) {
		if r >= '0' && r <= '9' {
			dst = append(dst, byte(r))
		}
	}
	if len(dst) == start {
		// No digits at all ("anonymous", "restricted"): keep such values apart from one
		// another rather than giving them all the pseudonym of "".
		return anonNormalize(dst, KindGeneric, value, "")
	}
	return dst
}

// anonPhoneNumber parses value with phonenumbers, reading a number without a country code
// in region. phonenumbers is a large port of another library; a panic inside it on some
// odd input is turned into a failed parse, so that anonymisation never panics.
func anonPhoneNumber(value, region string) (num *phonenumbers.PhoneNumber, ok bool) {
	defer func() {
		if recover() != nil {
			num, ok = nil, false
		}
	}()
	if !utf8.ValidString(value) {
		return nil, false
	}
	n, err := phonenumbers.Parse(value, strings.ToUpper(region))
	if err != nil || n.GetCountryCode() == 0 {
		return nil, false
	}
	return n, true
}

// anonParsePhone returns the E.164 form of a phone number.
func anonParsePhone(value, region string) (string, bool) {
	n, ok := anonPhoneNumber(value, region)
	if !ok {
		return "", false
	}
	e164 := phonenumbers.Format(n, phonenumbers.E164)
	if ext := n.GetExtension(); ext != "" {
		// Extensions are different people's direct lines: keep them apart (RFC 3966).
		e164 += ";ext=" + ext
	}
	return e164, true
}

// anonIsASCII reports whether s is all ASCII, where NFC, NFKC and width folding change
// nothing and case folding is lower-casing.
func anonIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// anonAppendLower appends ASCII s lower-cased.
func anonAppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// anonAppendCollapsed appends s lower-cased (for ASCII letters; other text arrives already
// folded), trimmed, with every run of white space made a single space.
func anonAppendCollapsed(dst []byte, s string) []byte {
	pendingSpace := false
	start := len(dst)
	for i, r := range s {
		if unicode.IsSpace(r) {
			pendingSpace = len(dst) > start
			continue
		}
		if pendingSpace {
			dst = append(dst, ' ')
			pendingSpace = false
		}
		switch {
		case 'A' <= r && r <= 'Z':
			dst = append(dst, byte(r+'a'-'A'))
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		default:
			// Copy the original bytes, so invalid UTF-8 stays as it was rather than
			// becoming U+FFFD and colliding with other invalid input.
			_, n := utf8.DecodeRuneInString(s[i:])
			dst = append(dst, s[i:i+n]...)
		}
	}
	return dst
}
