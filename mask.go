package pii

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// maskPlaceholder is what redact=replace writes when the Policy sets no placeholder.
const maskPlaceholder = "[REDACTED]"

// maskString returns the redacted form of s, a value of kind k, under strategy st.
//
// It is called for every PII leaf of every logged value, so it returns s itself (no
// allocation) when the redacted form equals s, or a part of s when it is one, and
// allocates at most once otherwise. Every result is a fixed point:
// maskString(k, st, maskString(k, st, s, p), p) equals maskString(k, st, s, p), so
// redacting twice is harmless.
//
// Rules that hold for every kind and strategy:
//   - a secret is "" under every strategy: it is never kept, not even as initials;
//   - an empty value stays empty (there is nothing to hide, and a placeholder would
//     claim a value that was never there);
//   - redactZero gives ""; redactReplace gives placeholder, or "[REDACTED]" when
//     placeholder is ""; redactInitials gives the initials of the words of s (see
//     maskAppendInitials); redactLast4 hides all but the last four runes (see
//     maskAppendLast4);
//   - redactScan, which only free text supports and which the caller handles, is
//     treated here as the kind's default; an unknown strategy or kind gives "" (fail
//     closed).
//
// The kind defaults are in appendMaskDefault. Each reads the value as one value of its
// kind (one phone number, one card number, one email address...) and fails closed
// when it cannot: it then hides more than it would of one value, never less.
// maskString does not know the customer's own numbers: the caller asks maskOwned.has
// first and skips masking for those.
func maskString(k Kind, st redactStrategy, s, placeholder string) string {
	if k == KindSecret || s == "" {
		return ""
	}
	switch st {
	case redactDefault, redactScan:
		if k == KindDOB {
			return maskDOB(s) // a part of s: no allocation
		}
	case redactReplace:
		if placeholder == "" {
			return maskPlaceholder
		}
		return placeholder
	case redactInitials, redactLast4:
	default:
		return "" // redactZero, and any strategy this code does not know
	}
	if len(s) <= maskStack {
		var buf [2*maskStack + 8]byte
		out := appendMask(buf[:0], k, st, s, placeholder)
		if r, ok := maskPartOf(s, out); ok {
			return r
		}
		return string(out)
	}
	out := appendMask(make([]byte, 0, 2*len(s)+8), k, st, s, placeholder)
	if r, ok := maskPartOf(s, out); ok {
		return r
	}
	return maskOwnString(out)
}

// maskStack is the longest value maskString masks in a buffer on its stack: any real
// phone number, email address, name or card number. Longer values get a buffer of
// their own.
const maskStack = 64

// maskPartOf returns out, the mask of s, as a part of s when it is one: "" when out is
// empty, s itself when they are equal, a prefix of s ("J. D." of "J. D. ").
func maskPartOf(s string, out []byte) (string, bool) {
	n := len(out)
	if n == 0 {
		return "", true // not s[:0], whose pointer would keep all of s alive
	}
	if n > len(s) || out[0] != s[0] || out[n-1] != s[n-1] {
		// Masks change a value's first bytes ("***@", initials) or its last (a
		// phone's digits): two loads settle most values without a compare.
		return "", false
	}
	if string(out) == s[:n] {
		return s[:n], true
	}
	return "", false
}

// appendMask appends the redacted form of s to dst and returns the extended slice: what
// maskString returns, byte for byte, written where the caller wants it. It allocates
// only when dst has no room for the result, so that the masked strings of one record
// can share one buffer. See maskString for the rules.
func appendMask(dst []byte, k Kind, st redactStrategy, s, placeholder string) []byte {
	if k == KindSecret || s == "" {
		return dst
	}
	switch st {
	case redactDefault, redactScan:
		return appendMaskDefault(dst, k, s)
	case redactReplace:
		if placeholder == "" {
			return append(dst, maskPlaceholder...)
		}
		return append(dst, placeholder...)
	case redactInitials:
		return maskAppendInitials(dst, s)
	case redactLast4:
		return maskAppendLast4(dst, s)
	}
	return dst // redactZero, and any strategy this code does not know
}

// maskInArena is appendMask for a walk that puts all the masked strings of a record in
// one allocation, arena. It returns the masked string and arena, extended: s itself, or
// a part of s, when the mask is one (arena is then left as it was); otherwise a string
// over the bytes appended to arena. It allocates only when arena has no room.
//
// The strings it returns share arena's memory, so the bytes it appended must never be
// written again: the caller only appends to arena, and takes a new one for the next
// record rather than reusing it. (An append that outgrows arena moves it to a new
// array; the strings already returned keep the old one alive.)
func maskInArena(arena []byte, k Kind, st redactStrategy, s, placeholder string) (string, []byte) {
	if st == redactDefault {
		return maskTaken(s, appendMaskDefault(arena, k, s), len(arena)) // the usual case, one call shorter
	}
	return maskTaken(s, appendMask(arena, k, st, s, placeholder), len(arena))
}

// maskTaken returns the mask of s that was appended to arena from offset n on, as
// maskInArena returns it: s itself or a part of s, with arena as it was before the
// mask, when the mask is one; else a string over the bytes appended, and arena.
func maskTaken(s string, arena []byte, n int) (string, []byte) {
	out := arena[n:]
	if r, ok := maskPartOf(s, out); ok {
		return r, arena[:n]
	}
	return unsafe.String(unsafe.SliceData(out), len(out)), arena
}

// appendMaskDefault appends the kind's default redaction of s, the README's kind table.
func appendMaskDefault(dst []byte, k Kind, s string) []byte {
	// The commonest kinds are tested one by one before the switch, which the compiler
	// makes a jump table: a record's leaves take turns through it, and an indirect jump
	// whose target changes at every leaf is mispredicted where these branches are not.
	if k == KindPhone {
		return maskAppendPhone(dst, s)
	}
	if k == KindEmail {
		return maskAppendEmail(dst, s)
	}
	if k == KindName {
		return maskAppendInitials(dst, s)
	}
	if k == KindIP {
		return maskAppendIP(dst, s)
	}
	switch k {
	case KindCard:
		return maskAppendCard(dst, s)
	case KindPostal:
		return maskAppendPostal(dst, s)
	case KindDOB:
		return append(dst, maskDOB(s)...)
	case KindGeo:
		return maskAppendGeo(dst, s)
	case KindGovID, KindAccount:
		return maskAppendID(dst, s)
	case KindURL:
		return maskAppendURL(dst, s)
	}
	// generic, body, secret, address, device, health, biometric: nothing of the value
	// is safe to keep. So is KindNone or an unknown kind: a caller asking to mask a
	// value it does not know is told nothing of it. (maskKeepsNothing lists them.)
	return dst
}

// maskKeepsNothing reports whether the default mask of kind k keeps nothing of any
// value: appendMaskDefault appends nothing for it. The kinds are those its switch
// leaves out; TestMaskKeepsNothing holds the two lists together.
func maskKeepsNothing(k Kind) bool {
	switch k {
	case KindPhone, KindEmail, KindName, KindIP, KindCard, KindPostal, KindDOB, KindGeo,
		KindGovID, KindAccount, KindURL:
		return false
	}
	return true
}

// maskNothingKinds is the set of the kinds maskKeepsNothing reports.
var maskNothingKinds = func() (ks profileKinds) {
	for k := range numKinds {
		if maskKeepsNothing(k) {
			ks |= 1 << k
		}
	}
	return ks
}()

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
	// A read-only string view of b, without copying. The mask is built apart from b
	// (on the stack when it is short) and copied over b only once it is complete.
	s := unsafe.String(unsafe.SliceData(b), len(b))
	var buf [2*maskStack + 8]byte
	out := appendMask(buf[:0], k, st, s, placeholder)
	switch {
	case len(out) == 0:
		clear(b)
		return nil
	case string(out) == s:
		return b
	case len(out) <= len(b):
		n := copy(b, out)
		clear(b[n:])
		return b[:n]
	}
	return append([]byte(nil), out...)
}

// maskAppendLast4 appends the redactLast4 form of s: every rune but the last four
// becomes '*'; a value of four runes or fewer is all '*'. Runes, not bytes, so
// "José Ruiz" keeps "Ruiz".
func maskAppendLast4(dst []byte, s string) []byte {
	n := len(s) // runes, counted only when s is not ASCII
	if !maskIsASCII(s) {
		n = utf8.RuneCountInString(s)
	}
	hide := max(n-4, 0)
	if n <= 4 {
		hide = n
	}
	// cut: the byte offset where the kept runes start.
	cut := hide
	if n != len(s) {
		cut = 0
		for range hide {
			_, size := utf8.DecodeRuneInString(s[cut:])
			cut += size
		}
	}
	for range hide {
		dst = append(dst, '*')
	}
	return append(dst, s[cut:]...)
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

func maskIsASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// maskRuneAt decodes the rune at s[i], with a fast path for ASCII. An invalid byte is
// utf8.RuneError of size 1.
func maskRuneAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
