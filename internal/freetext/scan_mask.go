package freetext

import (
	"net/netip"
	"strings"
	"unicode/utf8"
)

// scanMask writes the mask of a finding of kind k whose text is v. Every mask keeps
// enough to read the text (format, country, domain, last digits) and is built so that
// the scanner never finds it again: redaction is a fixed point. markup says v may hold
// HTML references, tags or escapes (scanMarkupAt), which the mask then reads as a
// reader does (scanMaskThroughMarkup); a text read once only, as most are, holds none
// inside a finding.
func scanMask(b *strings.Builder, k Kind, v string, markup bool) {
	if markup && k != KindEmail && k != KindIP && k != KindName && scanHoldsMarkup(v) {
		scanMaskThroughMarkup(b, k, v)
		return
	}
	switch k {
	case KindPhone:
		scanMaskPhone(b, v)
	case KindEmail:
		// The local part goes; the domain stays, as the email field mask does (see the README),
		// unless it is an address literal.
		b.WriteString("***")
		at, n := scanLastAtSign(v)
		if markup {
			scanKeepTags(b, v[:at]) // "<b>jane</b>@...": the markup stays whole
		}
		if strings.HasSuffix(v, "]") {
			b.WriteString(v[at : at+n])
			b.WriteString("[x]")
		} else {
			b.WriteString(v[at:])
		}
	case KindCard:
		scanMaskDigits(b, v, 6, 4)
	case KindAccount:
		scanMaskKeep(b, v, 2, 4, scanIsASCIIAlnum)
	case KindGovID:
		scanMaskKeep(b, v, 0, 4, scanIsASCIIAlnum)
	case KindIP:
		scanMaskIP(b, v)
	case KindName:
		scanMaskName(b, v)
	default:
		b.WriteString("[REDACTED]")
	}
}

// scanMaskPhone replaces the last four digits of the number, and every digit of its
// extension, with 'X', keeping all punctuation: +1 (415) 555-1234 -> +1 (415) 555-XXXX.
// A span with more digits than any one number holds (15, E.164's limit) is what the
// finder hid when its budget ran out, perhaps several numbers: every digit goes.
func scanMaskPhone(b *strings.Builder, v string) {
	ext, main := scanPhoneExt(v)
	keep := main - 4
	if main > 15 {
		keep = 0
	}
	k := 0
	for j := 0; j < len(v); {
		if n := scanPhoneEscapeLen(v, j); n > 0 { // "%20": a separator, whose digits stay
			b.WriteString(v[j : j+n])
			j += n
			continue
		}
		if c := v[j]; c < 0x80 { // ASCII, byte by byte
			if c-'0' < 10 {
				if k >= keep || j >= ext {
					c = 'X'
				}
				k++
			}
			b.WriteByte(c)
			j++
			continue
		}
		if _, n := scanDigitAt(v, j); n > 0 {
			if k >= keep || j >= ext {
				b.WriteByte('X')
			} else {
				b.WriteString(v[j : j+n])
			}
			k++
			j += n
			continue
		}
		_, n := utf8.DecodeRuneInString(v[j:])
		b.WriteString(v[j : j+n])
		j += n
	}
}

// scanPhoneExt returns where the extension of the phone number v starts (len(v) if it
// has none: at the first letter, '#', ',' or '~' after six or more digits), and the
// number of digits before it.
func scanPhoneExt(v string) (ext, main int) {
	ext = len(v)
	for j := 0; j < len(v) && ext == len(v); {
		if n := scanPhoneEscapeLen(v, j); n > 0 {
			j += n
			continue
		}
		if v[j]-'0' < 10 {
			main++
			j++
			continue
		}
		if _, n := scanDigitAt(v, j); n > 0 {
			main++
			j += n
			continue
		}
		if main >= 6 && (v[j]|0x20 >= 'a' && v[j]|0x20 <= 'z' || v[j] == '#' || v[j] == ',' || v[j] == '~') {
			ext = j
		}
		j++
	}
	return ext, main
}

// scanPhoneEscapeLen returns the length of a URL escape at v[j] that the phone finder
// reads as a plus sign or a separator ("%2B", "%20", "%2D", "%28", "%29"), or 0: its
// digits are no digits of the number.
func scanPhoneEscapeLen(v string, j int) int {
	if v[j] != '%' || j+2 >= len(v) || v[j+1] != '2' {
		return 0
	}
	switch v[j+2] {
	case '0', 'B', 'b', 'D', 'd', '8', '9':
		return 3
	}
	return 0
}

// scanURLEscapeAt reports whether a URL escape other than an encoded percent sign
// ("%20", "%2C", "%2B", not "%25") starts at text[i]: a '%' so written is no
// percentage.
func scanURLEscapeAt(text string, i int) bool {
	if text[i] != '%' || i+2 >= len(text) || text[i+1:i+3] == "25" {
		return false
	}
	hex := func(c byte) bool { return c-'0' < 10 || c|0x20-'a' < 6 }
	return hex(text[i+1]) && hex(text[i+2])
}

// scanMaskDigits writes v with every digit (ASCII or not) replaced by '*', except the
// first head and the last tail of them; other characters (separators) stay.
func scanMaskDigits(b *strings.Builder, v string, head, tail int) {
	total := 0
	for j := 0; j < len(v); {
		if n := scanPhoneEscapeLen(v, j); n > 0 {
			j += n // "%20": a separator, whose digits are none of the number's
			continue
		}
		_, n := scanDigitAt(v, j)
		if n == 0 {
			n = 1
		} else {
			total++
		}
		j += n
	}
	seen := 0
	for j := 0; j < len(v); {
		if n := scanPhoneEscapeLen(v, j); n > 0 {
			b.WriteString(v[j : j+n])
			j += n
			continue
		}
		_, n := scanDigitAt(v, j)
		if n == 0 {
			b.WriteByte(v[j])
			j++
			continue
		}
		if seen >= head && seen < total-tail {
			b.WriteByte('*')
		} else {
			b.WriteString(v[j : j+n])
		}
		seen++
		j += n
	}
}

// scanMaskKeep writes v with every character that isKept admits (in ASCII or in its
// full-width form) replaced by '*', except the first head and the last tail of them;
// other characters (separators) stay.
func scanMaskKeep(b *strings.Builder, v string, head, tail int, isKept func(byte) bool) {
	kept := func(j int) (bool, int) { // whether v[j:] starts a kept character, and its length
		if c, ok := scanFullWidthASCIIAt(v, j); ok {
			return isKept(c), 3
		}
		return isKept(v[j]), 1
	}
	total := 0
	for j := 0; j < len(v); {
		k, n := kept(j)
		if k {
			total++
		}
		j += n
	}
	seen := 0
	for j := 0; j < len(v); {
		k, n := kept(j)
		if k && seen >= head && seen < total-tail {
			b.WriteByte('*')
		} else {
			b.WriteString(v[j : j+n])
		}
		if k {
			seen++
		}
		j += n
	}
}

// scanMaskIP keeps the network part of an address: an IPv4 address's first three octets
// (the /24) and an IPv6 address's first three groups (the /48), with x for the rest,
// which no longer parses as an address.
func scanMaskIP(b *strings.Builder, v string) {
	addr, err := netip.ParseAddr(v)
	if err != nil && !scanIsDottedQuad(v) {
		b.WriteString("x")
		return
	}
	if err != nil || addr.Is4() { // zero-padded octets are an IPv4 address too
		b.WriteString(v[:strings.LastIndexByte(v, '.')+1])
		b.WriteString("x")
		return
	}
	a := addr.As16()
	if a[0] == 0x20 && a[1] == 0x02 {
		// A 6to4 address (2002::/16) holds an IPv4 address in its next two groups.
		b.WriteString("2002:x:x:x:x:x:x:x")
		return
	}
	for k := 0; k < 6; k += 2 {
		if k > 0 {
			b.WriteByte(':')
		}
		const hex = "0123456789abcdef"
		w := uint16(a[k])<<8 | uint16(a[k+1])
		started := false
		for shift := 12; shift >= 0; shift -= 4 {
			d := w >> shift & 0xF
			if d != 0 || started || shift == 0 {
				b.WriteByte(hex[d])
				started = true
			}
		}
	}
	b.WriteString(":x:x:x:x:x")
}

// scanMaskName writes the initials of a name: "Jane Doe" -> "J. D.".
func scanMaskName(b *strings.Builder, v string) {
	first := true
	for _, w := range strings.Fields(v) {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		_, n := utf8.DecodeRuneInString(w)
		b.WriteString(w[:n])
		b.WriteByte('.')
	}
}

// scanKeepTags writes the HTML tags of v (scanTagAt), one after another: what a mask
// that hides v keeps of its markup.
func scanKeepTags(b *strings.Builder, v string) {
	for j := strings.IndexByte(v, '<'); j >= 0; {
		n, _ := scanTagAt(v, j)
		if n > 0 {
			b.WriteString(v[j : j+n])
		} else {
			n = 1
		}
		k := strings.IndexByte(v[j+n:], '<')
		if k < 0 {
			return
		}
		j += n + k
	}
}

// scanHoldsMarkup reports whether v holds an HTML reference or tag or a backslash
// escape (scanMarkupAt).
func scanHoldsMarkup(v string) bool {
	for j := 0; j < len(v); j++ {
		if n, _ := scanMarkupAt(v, j); n > 0 {
			return true
		}
	}
	return false
}

// scanMaskThroughMarkup writes the mask of kind k (a phone, card, account or
// identifier, whose masks go character by character) of v, which holds markup: v is
// read with each reference, tag or escape as one character (the digit a reference to
// a digit stands for, a space for anything else), masked so, and written back with
// each piece of markup as it was, or as the mask character when the mask hid it.
func scanMaskThroughMarkup(b *strings.Builder, k Kind, v string) {
	type unit struct {
		at, n  int
		markup bool
	}
	plain := make([]byte, 0, len(v))
	units := make([]unit, 0, len(v))
	for j := 0; j < len(v); {
		if n, d := scanMarkupAt(v, j); n > 0 {
			if d == 0 {
				d = ' '
			}
			plain = append(plain, d)
			units = append(units, unit{j, n, true})
			j += n
			continue
		}
		_, n := utf8.DecodeRuneInString(v[j:])
		plain = append(plain, v[j:j+n]...)
		units = append(units, unit{j, n, false})
		j += n
	}
	var m strings.Builder
	scanMask(&m, k, string(plain), false)
	out := m.String()
	o := 0
	for _, u := range units {
		src := v[u.at : u.at+u.n]
		switch {
		case o >= len(out):
			b.WriteString(src) // no mask writes less than it reads: not reached
		case u.markup:
			if c := out[o]; c == 'X' || c == '*' {
				b.WriteByte(c)
			} else {
				b.WriteString(src)
			}
			o++
		case strings.HasPrefix(out[o:], src):
			b.WriteString(src)
			o += len(src)
		default:
			b.WriteByte(out[o]) // a character the mask hid
			o++
		}
	}
}
