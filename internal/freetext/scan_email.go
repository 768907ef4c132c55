package freetext

import (
	"net/netip"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanIsLocalByte reports whether the ASCII byte c may appear in the local part of an
// email address: the characters RFC 5322 allows unquoted, so that the whole local part
// is hidden ("bounce+jane.doe=example.com"). '*' is left out here: scanEmailAt takes
// stars into a local part only beside other bytes, so that a local part masked with
// stars is not found again.
func scanIsLocalByte(c byte) bool {
	if scanIsASCIIAlnum(c) {
		return true
	}
	switch c {
	case '.', '_', '%', '+', '-', '\'', '=', '!', '#', '$', '&', '/', '?', '^', '`', '{', '|', '}', '~':
		return true
	}
	return false
}

// scanAtSignAt returns the length of an at sign at text[i]: '@', the full-width '＠', or
// "%40" as URLs encode it; 0 if none.
func scanAtSignAt(text string, i int) int {
	switch {
	case text[i] == '@':
		return 1
	case strings.HasPrefix(text[i:], "＠"):
		return len("＠")
	case strings.HasPrefix(text[i:], "%40"):
		return 3
	}
	return 0
}

// scanLastAtSign returns the offset and length of the last at sign in the email
// address v.
func scanLastAtSign(v string) (int, int) {
	for i := len(v) - 1; i >= 0; i-- {
		// Each form of at sign starts with one of three bytes: only those are looked at.
		if c := v[i]; c != '@' && c != '%' && c != 0xEF {
			continue
		}
		if n := scanAtSignAt(v, i); n > 0 {
			return i, n
		}
	}
	return len(v), 0
}

// scanIsDomainByte reports whether the ASCII byte c may appear in a domain name.
func scanIsDomainByte(c byte) bool {
	return scanIsASCIIAlnum(c) || c == '-' || c == '.'
}

// scanIsIntlRune reports whether a non-ASCII rune may appear in an internationalised
// local part or domain label (josé@bücher.de).
func scanIsIntlRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// scanEmailAt appends the email address around the at sign of length at at text[i], if
// any. The local part may be quoted ("jane doe"@example.com) and the domain an address
// literal (jane@[192.0.2.1]).
func scanEmailAt(text string, i, at int, dst []Finding) []Finding {
	if i > 1 && text[i-1] == '"' {
		if q := strings.LastIndexByte(text[max(0, i-66):i-1], '"'); q >= 0 {
			q += max(0, i-66)
			if !strings.ContainsAny(text[q:i], "\n\r") && i-q > 2 {
				return scanEmailDomain(text, q, i, at, false, dst)
			}
		}
	}
	// "jane @ example.com", "jane@ example.com": an at sign set apart by spaces, as
	// people write an address to keep it from harvesters or by a typing habit. The
	// domain must then hold a dot; a space before the at sign alone is not read
	// ("thanks @jane.doe" mentions a handle, and the word before it is no local part).
	lp, spaced := i, false
	if i+at+1 < len(text) && text[i+at] == ' ' && scanIsDomainStart(text, i+at+1) {
		spaced = true
		if i > 1 && text[i-1] == ' ' && text[i-2] != ' ' {
			lp = i - 1
		}
	}
	start := lp
	for start > 0 && lp-start < 64 {
		c := text[start-1]
		if c < utf8.RuneSelf {
			if c == '*' {
				// Stars around a name in markup ("**janet**@example.com") are read
				// into the local part, which is hidden whole; a local part of stars
				// alone is a mask already.
				start--
				continue
			}
			if !scanIsLocalByte(c) {
				break
			}
			start--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !scanIsIntlRune(r) {
			break
		}
		start -= n
	}
	// A local part starts with no dot, apostrophe or dash; but one cut at 64 bytes from
	// a longer run keeps its first byte, whatever it is, so that its mask joins no
	// apostrophe and what stands before it into a new local part.
	cut := start > 0 && lp-start >= 64 && scanIsLocalByte(text[start-1])
	for !cut && start < lp && (text[start] == '.' || text[start] == '\'' || text[start] == '-') {
		start++
	}
	if cut && text[start-1] == '\'' {
		start-- // nor an apostrophe just before it, which would read as an opening quote
	}
	start = scanSkipKey(text, start, lp)
	if scanStarsAndDots(text[start:lp]) {
		return dst // no local part, or one of stars alone: a mask already
	}
	if spaced {
		// The space after the at sign is read as part of it: the mask keeps it.
		return scanEmailDomain(text, start, i, at+1, spaced, dst)
	}
	return scanEmailDomain(text, start, i, at, spaced, dst)
}

// scanSkipKey returns where the local part text[start:i] really starts: after a key and
// an equals sign of a key=value log line ("email=jane@example.com"), where the key is a
// plain word (letters, digits, underscores). Anything else before an equals sign
// belongs to the local part ("bounce+jane.doe=example.com@" hides whole).
func scanSkipKey(text string, start, i int) int {
	for k := start; k < i && k-start <= 32; k++ {
		c := text[k]
		if c == '=' {
			if k > start && k+1 < i {
				return k + 1
			}
			return start
		}
		if !scanIsASCIIAlnum(c) && c != '_' {
			return start
		}
	}
	return start
}

// scanEmailDomain appends the email address whose local part is text[start:i], if a
// domain follows the at sign of length at at text[i]. spaced says the at sign was set
// apart by spaces, and then the domain must hold a dot.
func scanEmailDomain(text string, start, i, at int, spaced bool, dst []Finding) []Finding {
	if i+at < len(text) && text[i+at] == '[' {
		// An address literal: [192.0.2.1] or [IPv6:2001:db8::1].
		k := strings.IndexByte(text[i+at:min(len(text), i+at+50)], ']')
		if k < 0 {
			return dst
		}
		lit := strings.TrimPrefix(text[i+at+1:i+at+k], "IPv6:")
		if _, err := netip.ParseAddr(lit); err != nil {
			return dst
		}
		return append(dst, Finding{Kind: KindEmail, Start: start, End: i + at + k + 1})
	}
	end, labelStart, dots := i+at, i+at, 0
	lastLabelAlpha := true
	for end < len(text) && end-i < 254 {
		c := text[end]
		if c < utf8.RuneSelf {
			if !scanIsDomainByte(c) {
				break
			}
			if c == '.' {
				if end == labelStart || end+1 >= len(text) || !scanIsDomainStart(text, end+1) {
					break // an empty label, or a full stop that ends the sentence
				}
				dots++
				labelStart = end + 1
				lastLabelAlpha = true
			} else if !(c|0x20 >= 'a' && c|0x20 <= 'z') {
				lastLabelAlpha = false
			}
			end++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[end:])
		if r == '。' || r == '．' || r == '｡' {
			// The full stops IDNA reads as dots (UTS 46), as CJK input methods type
			// them; before a label in ASCII only, as one also ends a CJK sentence
			// ("jane@example.com。次は").
			if end == labelStart || end+n >= len(text) || !scanIsASCIIAlnum(text[end+n]) {
				break
			}
			dots++
			end += n
			labelStart, lastLabelAlpha = end, true
			continue
		}
		if !scanIsIntlRune(r) {
			break
		}
		end += n
	}
	for end > labelStart && text[end-1] == '-' {
		end--
	}
	tld := text[labelStart:end]
	switch {
	case dots == 0 && !spaced && (text[i] == '@' || text[i] == 0xEF) && scanMailHost(tld) &&
		!scanRoleAccount(text[start:i]):
		// "jane@localhost", "jane@mailhost": a person's mailbox on a host of a
		// private network is personal data as much as one on the Internet; the
		// host stays readable, as every email mask keeps its domain.
	case dots == 0 || len(tld) < 2 || !lastLabelAlpha && !scanHasPrefixFold(tld, "xn--"):
		return dst
	}
	if end < len(text) && text[end] == '@' {
		return dst // a@b.c@d: no address
	}
	return append(dst, Finding{Kind: KindEmail, Start: start, End: end})
}

// scanIsDomainStart reports whether a domain label can start at text[j].
func scanIsDomainStart(text string, j int) bool {
	c := text[j]
	if c < utf8.RuneSelf {
		return scanIsASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return scanIsIntlRune(r)
}

// scanStarsAndDots reports whether s holds nothing but '*' and '.' (true for ""): a
// local part that is a mask already. A loop, where strings.Trim would build its set of
// characters on every call.
func scanStarsAndDots(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '*' && s[i] != '.' {
			return false
		}
	}
	return true
}

// scanMailHost reports whether label, the whole domain of an address with no dot in
// it, names a mail host ("localhost", "intranet", "mail01"): ASCII letters, digits and
// hyphens, starting with a letter, two letters at least ("pkg@v2" names a version),
// and no tag of a package registry ("react@latest", "vue@next").
func scanMailHost(label string) bool {
	letters := 0
	for j := 0; j < len(label); j++ {
		c := label[j]
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			letters++
		case j > 0 && (scanIsASCIIDigit(c) || c == '-'):
		default:
			return false
		}
	}
	if letters < 2 {
		return false
	}
	for _, tag := range [...]string{"latest", "next", "beta", "alpha", "canary", "rc", "nightly", "stable", "lts", "experimental", "insiders", "dev"} {
		if len(label) == len(tag) && scanHasPrefixFold(label, tag) {
			return false
		}
	}
	return true
}

// scanRoleAccount reports whether local, the local part of an address on a host with no
// dot in its name, is an account of a system or a role rather than of a person
// ("root@localhost", "git@github", "postgres@db"): such an address names no one.
func scanRoleAccount(local string) bool {
	for _, role := range [...]string{"root", "user", "admin", "administrator", "git", "postgres",
		"mysql", "www-data", "nobody", "daemon", "postmaster", "hostmaster", "webmaster", "abuse",
		"noreply", "no-reply", "mailer-daemon", "guest", "ubuntu", "ec2-user", "jenkins", "deploy"} {
		if len(local) == len(role) && scanHasPrefixFold(local, role) {
			return true
		}
	}
	return false
}
