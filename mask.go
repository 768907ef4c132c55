package pii

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// maskPlaceholder is what redact=replace writes when the Policy sets no placeholder.
const maskPlaceholder = "[REDACTED]"

// maskString returns the redacted form of s, a value of kind k, under strategy st.
//
// It is called for every PII leaf of every logged value, so it returns s itself (no
// allocation) when the redacted form equals s, and allocates at most once otherwise.
// Every result is a fixed point: maskString(k, st, maskString(k, st, s, p), p) equals
// maskString(k, st, s, p), so redacting twice is harmless.
//
// Rules that hold for every kind and strategy:
//   - a secret is "" under every strategy: it is never kept, not even as initials;
//   - an empty value stays empty (there is nothing to hide, and a placeholder would
//     claim a value that was never there);
//   - redactZero gives ""; redactReplace gives placeholder, or "[REDACTED]" when
//     placeholder is ""; redactInitials gives the initials of the words of s (see
//     maskInitials); redactLast4 hides all but the last four runes (see maskLast4);
//   - redactScan, which only free text supports and which the caller handles, is
//     treated here as the kind's default; an unknown strategy or kind gives "" (fail
//     closed).
//
// The kind defaults are in maskDefault. maskString does not know the customer's own
// numbers: the caller asks maskOwned.has first and skips masking for those.
func maskString(k Kind, st redactStrategy, s, placeholder string) string {
	if k == KindSecret || s == "" {
		return ""
	}
	switch st {
	case redactDefault, redactScan:
		return maskDefault(k, s)
	case redactReplace:
		if placeholder == "" {
			return maskPlaceholder
		}
		return placeholder
	case redactInitials:
		return maskInitials(s)
	case redactLast4:
		return maskLast4(s)
	}
	return "" // redactZero, and any strategy this code does not know
}

// maskDefault is the kind's default redaction, DESIGN.md's kind table.
func maskDefault(k Kind, s string) string {
	switch k {
	case KindPhone:
		return maskPhone(s)
	case KindEmail:
		return maskEmail(s)
	case KindName:
		return maskInitials(s)
	case KindIP:
		return maskIPString(s)
	case KindCard:
		return maskCard(s)
	case KindPostal:
		return maskPostal(s)
	case KindDOB:
		return maskDOB(s)
	case KindGeo:
		return maskGeo(s)
	case KindGovID, KindAccount:
		return maskKeepLast4(s)
	case KindURL:
		return maskURL(s)
	}
	// generic, body, secret, address, device, health, biometric: nothing of the value
	// is safe to keep. So is KindNone or an unknown kind: a caller asking to mask a
	// value it does not know is told nothing of it.
	return ""
}

// maskBytes is maskString for a []byte value.
//
// The result reuses b whenever the redacted form is no longer than b: the redaction is
// then done in place, within b[:len(b)] (never beyond len, so a sub-slice of a larger
// buffer does not clobber its neighbours). The caller that must not mutate passes a
// copy. Unchanged values are returned as b itself.
//
// A value redacted to nothing is returned as nil, the zero value of a []byte field (so
// encoding/json writes null, as for a field never set), and its old bytes are
// overwritten with zeros first, so that a password read into a buffer does not linger
// in it.
func maskBytes(k Kind, st redactStrategy, b []byte, placeholder string) []byte {
	if len(b) == 0 {
		return b
	}
	// A read-only string view of b, without copying. maskString neither keeps it nor
	// sees b change while it runs; its result may share b's memory, which copy (a
	// memmove) handles.
	s := unsafe.String(unsafe.SliceData(b), len(b))
	out := maskString(k, st, s, placeholder)
	switch {
	case out == "":
		clear(b)
		return nil
	case out == s:
		return b
	case len(out) <= len(b):
		n := copy(b, out)
		clear(b[n:])
		return b[:n]
	}
	return []byte(out)
}

// maskLast4 is redactLast4: every rune but the last four becomes '*'; a value of four
// runes or fewer is all '*'. Runes, not bytes, so "José Ruiz" keeps "Ruiz".
func maskLast4(s string) string {
	if maskIsASCII(s) {
		// Fast path: one byte is one rune, so the hidden part is a byte prefix and the
		// result has the length of s.
		hide := len(s) - 4
		if len(s) <= 4 {
			hide = len(s)
		}
		if strings.Count(s[:hide], "*") == hide {
			return s
		}
		b := make([]byte, len(s))
		for i := range hide {
			b[i] = '*'
		}
		copy(b[hide:], s[hide:])
		return maskOwnString(b)
	}
	n := utf8.RuneCountInString(s)
	hide := n - 4
	if n <= 4 {
		hide = n
	}
	// cut: the byte offset where the kept runes start.
	cut, i := 0, 0
	changed := false
	for cut < len(s) && i < hide {
		r, size := utf8.DecodeRuneInString(s[cut:])
		if r != '*' {
			changed = true
		}
		cut += size
		i++
	}
	if !changed {
		return s
	}
	var sb strings.Builder
	sb.Grow(hide + len(s) - cut)
	for range hide {
		sb.WriteByte('*')
	}
	sb.WriteString(s[cut:])
	return sb.String()
}

// maskIsASCII reports whether every byte of s is ASCII. The mask functions check it
// first: an ASCII value (nearly every phone number, address, postal code, card number)
// can be rewritten byte by byte, with no rune decoding and no Unicode table look-ups,
// and the result has a length known in advance.
func maskIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// maskOwnString returns the bytes of b as a string without copying them, so that a
// mask function that builds its output in a []byte of the right size allocates once.
// The caller must have allocated b itself and must not touch it afterwards (as
// strings.Builder does).
func maskOwnString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// maskIsDigit reports whether r is a decimal digit in any script ('7', '٧', '７').
// Non-ASCII digits are personal data as much as ASCII ones.
func maskIsDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// maskIsAlnum reports whether r is a letter or a decimal digit in any script.
func maskIsAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
