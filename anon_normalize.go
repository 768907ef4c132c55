package pii

import (
	"net/url"
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
// that different spellings of one phone number, address or name share a pseudonym, and
// different values never do:
//
//   - every kind: characters that are not seen are removed (zero-width spaces and
//     joiners, soft hyphens, direction marks, variation selectors: see anonDropHidden);
//   - phone: E.164 ("+14155551234"), reading numbers without a country code in region
//     (see anonPhoneNumber); a number phonenumbers cannot parse keeps only its digits,
//     unless it is a URI with a host, kept whole in lower case (and a value without
//     digits is normalised like other kinds);
//   - email: see anonNormalizeEmail;
//   - name: NFKC, width folded, case folded, runs of white space made one space, trimmed;
//   - any other kind: NFC, trimmed.
//
// ASCII input, the common case, takes allocation-free paths with the same results.
func anonNormalize(dst []byte, kind Kind, value, region string) []byte {
	switch kind {
	case KindPhone:
		return anonNormalizePhone(dst, value, region)
	case KindEmail:
		return anonNormalizeEmail(dst, value)
	case KindName:
		if !anonIsASCII(value) {
			s := norm.NFKC.String(anonDropHidden(value, true))
			s = width.Fold.String(s)
			value = norm.NFKC.String(anonFolder.String(s))
		}
		return anonAppendCollapsed(dst, value)
	}
	if anonIsASCII(value) {
		return append(dst, strings.TrimSpace(value)...)
	}
	return append(dst, strings.TrimSpace(norm.NFC.String(anonDropHidden(value, true)))...)
}

// anonNormalizePhone appends the E.164 form of a phone number, or its digits when
// phonenumbers cannot parse it.
func anonNormalizePhone(dst []byte, value, region string) []byte {
	if e164, ok := anonParsePhone(value, region); ok {
		return append(dst, e164...)
	}
	if strings.IndexByte(value, '@') >= 0 {
		// A URI with a host ("sip:1234@pbx.example"): its digits alone would make one
		// the extensions of two exchanges. It is kept whole, in lower case as its scheme
		// and host are case-insensitive.
		start := len(dst)
		dst = anonNormalize(dst, KindGeneric, value, "")
		for i := start; i < len(dst); i++ {
			if c := dst[i]; 'A' <= c && c <= 'Z' {
				dst[i] = c + 'a' - 'A'
			}
		}
		return dst
	}
	start := len(dst)
	for _, c := range []byte(anonPhoneText(value)) {
		if c >= '0' && c <= '9' {
			dst = append(dst, c)
		}
	}
	if len(dst) == start {
		// No digits at all ("anonymous", "restricted"): keep such values apart from one
		// another rather than giving them all the pseudonym of "".
		return anonNormalize(dst, KindGeneric, value, "")
	}
	return dst
}

// anonPhoneText returns value as phonenumbers reads it best: without the characters
// anonDropHidden removes (a zero-width space or a direction mark stops phonenumbers,
// and a number written right to left is wrapped in them), NFKC (full-width digits and
// signs), and every decimal digit of any script written as an ASCII digit (phonenumbers
// reads only ASCII, Arabic-Indic and full-width ones).
func anonPhoneText(value string) string {
	if anonIsASCII(value) {
		return value
	}
	s := norm.NFKC.String(anonDropHidden(value, false))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if d, ok := anonDigit(r); ok {
			b.WriteByte('0' + d)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anonDigit returns the value of r if it is a decimal digit (Unicode Nd) of any script.
// Every range of unicode.Nd is one or more runs of ten digits, each from 0 to 9.
func anonDigit(r rune) (byte, bool) {
	if r >= '0' && r <= '9' {
		return byte(r - '0'), true
	}
	if r < utf8.RuneSelf || !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	return 0, false
}

// anonPhoneNumber parses value with phonenumbers, reading a number without a country code
// in region, after anonPhoneText. A number that is not valid as written but is once the
// words after it are gone ("415-555-2671 (cell)", "... home") is read without them:
// phonenumbers would read three letters or more as a vanity number's digits, and one
// person would get two pseudonyms. phonenumbers is a large port of another library; a
// panic inside it on some odd input is turned into a failed parse, so that anonymisation
// never panics.
func anonPhoneNumber(value, region string) (num *phonenumbers.PhoneNumber, ok bool) {
	defer func() {
		if recover() != nil {
			num, ok = nil, false
		}
	}()
	if !utf8.ValidString(value) {
		return nil, false
	}
	value = anonSIPNumber(anonPhoneText(value))
	region = strings.ToUpper(region)
	n, err := phonenumbers.Parse(value, region)
	if err != nil || n.GetCountryCode() == 0 {
		n = nil
	}
	// Other readings, tried only when the plain one fails or gives no valid number: the
	// number without the words after it, and "00" as the international prefix that it is
	// in most of the world, whatever region says (or when it says nothing).
	if trimmed := anonTrimPhoneWords(value); trimmed != value && (n == nil || !phonenumbers.IsValidNumber(n)) {
		if t, ok := anonValidPhone(trimmed, region); ok {
			return t, true
		}
	}
	if rest, ok := strings.CutPrefix(strings.TrimSpace(value), "00"); ok && (n == nil || !phonenumbers.IsValidNumber(n)) {
		if t, ok := anonValidPhone("+"+rest, region); ok {
			return t, true
		}
	}
	return n, n != nil
}

// anonValidPhone parses value as a phone number and reports whether it is a valid one.
func anonValidPhone(value, region string) (*phonenumbers.PhoneNumber, bool) {
	n, err := phonenumbers.Parse(value, region)
	if err != nil || n.GetCountryCode() == 0 || !phonenumbers.IsValidNumber(n) {
		return nil, false
	}
	return n, true
}

// anonSIPNumber returns the global number of a SIP URI whose user part is one
// ("sip:+14155552671@carrier.example;user=phone" is "+14155552671"), and value itself
// otherwise. A user part without "+" is left in its URI: it may be an extension of one
// exchange ("sip:1234@pbx.example"), which another exchange gives someone else.
func anonSIPNumber(value string) string {
	s := strings.TrimSpace(value)
	for _, scheme := range []string{"sip:", "sips:"} {
		if len(s) > len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
			user, _, ok := strings.Cut(s[len(scheme):], "@")
			if ok && strings.HasPrefix(user, "+") {
				return user
			}
			return value
		}
	}
	return value
}

// anonTrimPhoneWords returns value without the words, brackets and spaces that end it
// ("(cell)", "home"); value itself if it has none.
func anonTrimPhoneWords(value string) string {
	end := len(value)
	for end > 0 {
		c := value[end-1]
		if c >= '0' && c <= '9' {
			break
		}
		end--
	}
	// Letters after the last digit are what is trimmed; a vanity number's letters
	// ("1-800-FLOWERS") end the value and are the number itself, kept by IsValidNumber.
	for i := end; i < len(value); i++ {
		if c := value[i]; 'a' <= c|0x20 && c|0x20 <= 'z' {
			return strings.TrimRight(value[:end], " ")
		}
	}
	return value
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

// anonNormalizeEmail appends the form of an email address that pseudonyms are computed
// from. The address is taken out of what is written around it: surrounding space, a
// "mailto:" URI (its scheme, percent-escapes and "?subject=" part), and a display name
// ("Jane <jane@example.com>"), and quotes that quote nothing ("jane"@example.com). Then:
//
//   - the domain is read as IDNA does (UTS 46): NFKC and lower case, without a final
//     dot, and "xn--" labels decoded; ß and ς stay as they are, as they name other
//     domains than ss and σ;
//   - the local part is read as PRECIS reads a user name (RFC 8265): width folded, NFC
//     and lower case, with ς as σ. Lower case, as every provider in practice ignores
//     case, though RFC 5321 lets one tell it; nothing else, as providers differ on the
//     rest: dots and "+tags" are kept, and so is ß, which "ss" does not stand for in an
//     internationalised address.
func anonNormalizeEmail(dst []byte, value string) []byte {
	s := anonEmailAddress(strings.TrimSpace(anonDropHidden(value, true)))
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return anonAppendLocal(dst, s)
	}
	dst = anonAppendLocal(dst, anonUnquoteLocal(s[:at]))
	dst = append(dst, '@')
	return anonAppendDomain(dst, s[at+1:])
}

// anonEmailAddress returns the address s holds, written as an angle address with a
// display name, or as a mailto: URI; s itself otherwise.
func anonEmailAddress(s string) string {
	if strings.HasSuffix(s, ">") {
		if i := strings.LastIndexByte(s, '<'); i >= 0 {
			s = strings.TrimSpace(s[i+1 : len(s)-1])
		}
	}
	if len(s) < len("mailto:") || !strings.EqualFold(s[:len("mailto:")], "mailto:") {
		return s
	}
	s = s[len("mailto:"):]
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s = s[:i]
	}
	if strings.IndexByte(s, '%') >= 0 {
		if u, err := url.PathUnescape(s); err == nil && utf8.ValidString(u) {
			s = u
		}
	}
	return s
}

// anonUnquoteLocal returns a quoted local part without its quotes when they quote
// nothing (RFC 5321, section 4.1.2: "jane"@example.com is jane@example.com): what they
// hold is dot-atom text. Any other local part comes back as it is.
func anonUnquoteLocal(local string) string {
	if len(local) < 3 || local[0] != '"' || local[len(local)-1] != '"' {
		return local
	}
	in := local[1 : len(local)-1]
	if in[0] == '.' || in[len(in)-1] == '.' || strings.Contains(in, "..") {
		return local
	}
	for i := 0; i < len(in); i++ {
		c := in[i]
		atext := 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf ||
			strings.IndexByte("!#$%&'*+-/=?^_`{|}~.", c) >= 0
		if !atext {
			return local
		}
	}
	return in
}

// anonAppendLocal appends the local part of an address, as anonNormalizeEmail says.
func anonAppendLocal(dst []byte, local string) []byte {
	if anonIsASCII(local) || !utf8.ValidString(local) {
		// Invalid UTF-8 keeps its bytes: read as text, every invalid byte would become
		// U+FFFD, and different values one.
		return anonAppendLower(dst, local)
	}
	s := norm.NFC.String(strings.ToLower(width.Fold.String(local)))
	return append(dst, strings.ReplaceAll(s, "ς", "σ")...)
}

// anonAppendDomain appends the domain of an address, as anonNormalizeEmail says.
func anonAppendDomain(dst []byte, domain string) []byte {
	domain = strings.TrimSuffix(domain, ".")
	if !utf8.ValidString(domain) || anonIsASCII(domain) && !anonHasALabel(domain) {
		return anonAppendLower(dst, domain)
	}
	// IDNA separates labels with the ideographic full stops too; NFKC makes "．" a dot.
	s := norm.NFKC.String(anonLabelDots.Replace(domain))
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	labels := strings.Split(s, ".")
	for i, l := range labels {
		if u, ok := anonPunycodeLabel(l); ok {
			labels[i] = u
		}
	}
	return append(dst, norm.NFC.String(strings.Join(labels, "."))...)
}

// anonLabelDots writes the ideographic full stops as dots (UTS 46, section 4).
var anonLabelDots = strings.NewReplacer("\u3002", ".", "\uff61", ".")

// anonHasALabel reports whether an ASCII domain may hold an IDNA A-label: "xn--" in any
// case.
func anonHasALabel(domain string) bool {
	for i := 0; i+4 <= len(domain); i++ {
		if domain[i]|0x20 == 'x' && domain[i+1]|0x20 == 'n' && domain[i+2] == '-' && domain[i+3] == '-' {
			return true
		}
	}
	return false
}

// anonDropHidden returns s without the characters that are not seen: format characters
// (Cf: zero-width space, soft hyphen, direction marks and isolates, the byte order mark,
// tag characters), the other default-ignorable code points (Hangul fillers, the
// Mongolian free variation selectors) and variation selectors. Two spellings that look
// the same then have one pseudonym. With keepJoiners, a zero-width joiner or non-joiner
// between two letters or marks outside ASCII stays: in Persian or Devanagari it changes
// how a word is written, so it may be all that tells two names apart. s itself comes
// back when there is nothing to remove.
func anonDropHidden(s string, keepJoiners bool) string {
	if anonIsASCII(s) {
		return s
	}
	var b strings.Builder
	last := 0 // s[last:i] is kept and not yet written
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if anonHidden(r) && !(keepJoiners && anonJoins(prev, r, s[i+size:])) {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			last = i + size
		} else {
			prev = r
		}
		i += size
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// anonHidden reports whether anonDropHidden removes r.
func anonHidden(r rune) bool {
	return r >= 0xAD && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r))
}

// anonJoins reports whether r is a zero-width joiner or non-joiner between prev and the
// first rune of rest, both letters or marks outside ASCII.
func anonJoins(prev, r rune, rest string) bool {
	if r != '\u200C' && r != '\u200D' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest)
	script := func(c rune) bool { return c >= utf8.RuneSelf && unicode.In(c, unicode.L, unicode.M) }
	return script(prev) && script(next)
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
