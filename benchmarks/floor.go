package benchmarks

import (
	"net/netip"
	"strings"

	"github.com/ef8f9424/pii"
)

// The floor: the struct and log-line workloads done by hand for Record alone, with the
// output of the pii library and one allocation for all the masked strings of a record.
// It is what a careful engineer would write for this one type, without reflection,
// tags, policies or kinds, and it bounds from below what a general library can cost.
//
// The masks handle the ASCII shapes of the workload and its variations (floor_test.go
// checks them against the library at run time): phone numbers made of digits, one
// leading '+', spaces and "-()./"; email addresses with an ASCII domain; names of
// ASCII letters; IPv4 and IPv6 addresses; ASCII postal codes. Anything else (an
// extension, a letter or a non-ASCII byte in a phone number, a non-ASCII name) gives ""
// here, which hides more than the library would and is never what the benchmarks feed
// it.

// floorRedact redacts r in place, as pii.Redact does with the benchmarks' policy. The
// masks append to one buffer, on the stack while it fits; one conversion to a string
// (the record's one allocation) then gives every masked field its part of it.
func floorRedact(r *Record) {
	var stack [256]byte
	b := stack[:0]
	var name, phone, email, ip, postal floorSpan
	b, name = floorName(b, r.Name)
	b, phone = floorPhone(b, r.Phone)
	b, email = floorEmail(b, r.Email)
	b, ip = floorIP(b, r.IP)
	var few [8]floorSpan
	phones := few[:0]
	if len(r.Phones) > len(few) {
		phones = make([]floorSpan, 0, len(r.Phones))
	}
	for _, s := range r.Phones {
		var sp floorSpan
		b, sp = floorPhone(b, s)
		phones = append(phones, sp)
	}
	if r.Home != nil {
		b, postal = floorPostal(b, r.Home.Postal)
	}
	all := string(b)
	r.Name = name.of(all, r.Name)
	r.Phone = phone.of(all, r.Phone)
	r.Email = email.of(all, r.Email)
	r.Body = ""
	r.IP = ip.of(all, r.IP)
	for i, sp := range phones {
		r.Phones[i] = sp.of(all, r.Phones[i])
	}
	if r.Home != nil {
		r.Home.Street = ""
		r.Home.Postal = postal.of(all, r.Home.Postal)
	}
}

// floorRedacted returns a redacted copy of r, as pii.Redacted does; r is not touched.
func floorRedacted(r Record) Record {
	out := r
	if r.Phones != nil {
		out.Phones = make([]string, len(r.Phones))
		copy(out.Phones, r.Phones)
	}
	if r.Home != nil {
		h := *r.Home
		out.Home = &h
	}
	floorRedact(&out)
	return out
}

// A floorSpan is what a mask made of a value: bytes from:to of the record's buffer, or
// the value itself, unchanged (keep).
type floorSpan struct {
	from, to int
	keep     bool
}

// floorKeep is the span of a value left as it is.
var floorKeep = floorSpan{keep: true}

// of returns the masked value: its bytes in all (the buffer as a string), or s.
func (sp floorSpan) of(all, s string) string {
	if sp.keep {
		return s
	}
	return all[sp.from:sp.to]
}

// floorPhone masks the last four digits of a phone number, unless it is the
// business's own.
func floorPhone(b []byte, s string) ([]byte, floorSpan) {
	if s == "" || floorOwned(s) {
		return b, floorKeep
	}
	from := len(b)
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/':
		default:
			return b, floorSpan{from: from, to: from} // a shape the floor does not handle: hidden whole
		}
	}
	if digits > 0 {
		b = append(b, s...)
		for i, n := len(b)-1, 0; i >= from && n < 4; i-- {
			if c := b[i]; '0' <= c && c <= '9' {
				b[i] = 'X'
				n++
			}
		}
	}
	return b, floorSpan{from: from, to: len(b)}
}

// floorEmail keeps the domain of an email address and hides its local part.
func floorEmail(b []byte, s string) ([]byte, floorSpan) {
	if s == "" {
		return b, floorKeep
	}
	from := len(b)
	hidden := floorSpan{from: from, to: from}
	at := strings.LastIndexByte(s, '@')
	if at < 0 || at == len(s)-1 {
		return b, hidden
	}
	domain := s[at+1:]
	for i := 0; i < len(domain); i++ {
		c := domain[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '.' || c == '-' || c == '_' || c == '[' || c == ']' || c == ':') {
			return b, hidden
		}
	}
	if s[:at] == "***" {
		return b, floorKeep
	}
	b = append(b, "***@"...)
	b = append(b, domain...)
	return b, floorSpan{from: from, to: len(b)}
}

// floorName writes the initials of an ASCII name: "Maria Okafor" gives "M. O.", the
// parts of a hyphenated word keep their hyphen, and a word starting with a digit gives
// none.
func floorName(b []byte, s string) ([]byte, floorSpan) {
	if s == "" {
		return b, floorKeep
	}
	from := len(b)
	words, parts, seeking := 0, 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return b[:from], floorSpan{from: from, to: from} // a shape the floor does not handle: hidden whole
		case c == ' ' || '\t' <= c && c <= '\r':
			if parts > 0 {
				words++
			}
			parts, seeking = 0, true
		case c == '-':
			seeking = true
		case !seeking:
		case '0' <= c && c <= '9':
			seeking = false
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			switch {
			case parts > 0:
				b = append(b, '-')
			case words > 0:
				b = append(b, ' ')
			}
			if c >= 'a' {
				c -= 'a' - 'A'
			}
			b = append(b, c, '.')
			parts++
			seeking = false
		}
	}
	return b, floorSpan{from: from, to: len(b)}
}

// floorIP keeps the /24 of an IPv4 address and the /48 of an IPv6 address.
func floorIP(b []byte, s string) ([]byte, floorSpan) {
	if s == "" {
		return b, floorKeep
	}
	from := len(b)
	if last, ok := floorDottedQuad(s); ok {
		b = append(b, s[:last]...)
		b = append(b, '0')
	} else if a, err := netip.ParseAddr(s); err == nil {
		b = floorAddr(a).AppendTo(b)
	} else if ap, err := netip.ParseAddrPort(s); err == nil {
		b = netip.AddrPortFrom(floorAddr(ap.Addr()), ap.Port()).AppendTo(b)
	}
	return b, floorSpan{from: from, to: len(b)}
}

func floorAddr(a netip.Addr) netip.Addr {
	a = a.Unmap().WithZone("")
	bits := 48
	if a.Is4() {
		bits = 24
	}
	p, _ := a.Prefix(bits) // a valid address has every prefix up to its length
	return p.Addr()
}

// floorDottedQuad reports whether s is an IPv4 address written as netip writes it (four
// octets of at most 255 without leading zeros, nothing around them), and where its last
// octet starts.
func floorDottedQuad(s string) (last int, ok bool) {
	dots, digits, v := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && digits > 0 && dots < 3:
			dots, digits, v, last = dots+1, 0, 0, i+1
		case '0' <= c && c <= '9' && !(digits == 1 && v == 0) && v*10+int(c-'0') <= 255:
			digits, v = digits+1, v*10+int(c-'0')
		default:
			return 0, false
		}
	}
	return last, dots == 3 && digits > 0
}

// floorPostal keeps the first three letters or digits of a postal code and writes '*'
// for the others; a US ZIP code of a sparse three-digit area keeps "000" instead.
func floorPostal(b []byte, s string) ([]byte, floorSpan) {
	if s == "" {
		return b, floorKeep
	}
	from := len(b)
	slots, digits, zip3 := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return b, floorSpan{from: from, to: from} // a shape the floor does not handle: hidden whole
		case '0' <= c && c <= '9':
			if digits < 3 {
				zip3 = zip3*10 + int(c-'0')
			}
			digits++
			slots++
		case c == '*' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			slots++
		}
	}
	sparse := (slots == 5 || slots == 9) && digits == slots && floorSparseZIP3[zip3]
	b = append(b, s...)
	for i, j := from, 0; i < len(b); i++ {
		c := b[i]
		if !(c == '*' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			continue
		}
		switch {
		case sparse && j < 3:
			b[i] = '0'
		case j >= 3 && c != '*' && c != 'X' && c != 'x':
			b[i] = '*'
		}
		j++
	}
	return b, floorSpan{from: from, to: len(b)}
}

// floorSparseZIP3 marks the three-digit ZIP areas of pii.RestrictedZIP3.
var floorSparseZIP3 = func() (t [1000]bool) {
	for _, z := range pii.RestrictedZIP3 {
		t[int(z[0]-'0')*100+int(z[1]-'0')*10+int(z[2]-'0')] = true
	}
	return t
}()

// floorOwned reports whether s is OwnedNumber, +1 415 555 0100, however it is spaced or
// punctuated: its digits, packed into an integer, are those of one of the forms it can
// be dialled as (with '+', only the international ones).
func floorOwned(s string) bool {
	var v uint64
	n := 0
	plus := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			if n == 19 {
				return false
			}
			v = v*10 + uint64(c-'0')
			n++
		case c == '+':
			if plus || n > 0 {
				return false
			}
			plus = true
		case c == ' ' || c == '\t' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/' || c == '\\':
		default:
			return false
		}
	}
	for _, o := range floorOwnedForms {
		if v == o.v && n == o.n && (!plus || o.intl) {
			return true
		}
	}
	return false
}

// A floorOwnedForm is one way of writing OwnedNumber: its digits packed into an
// integer, how many there are (leading zeros count), and whether '+' may precede them.
type floorOwnedForm struct {
	v    uint64
	n    int
	intl bool
}

// floorOwnedForms are the digits OwnedNumber may be written with: the country code and
// national number, the same with the trunk prefix "1" kept after the country code, and
// (without '+') after the international prefixes "00" and "011".
var floorOwnedForms = func() []floorOwnedForm {
	intl := strings.TrimPrefix(OwnedNumber, "+")
	var out []floorOwnedForm
	for _, digits := range []string{intl, "1" + intl, "00" + intl, "011" + intl} {
		f := floorOwnedForm{n: len(digits), intl: digits[0] != '0'}
		for i := 0; i < len(digits); i++ {
			f.v = f.v*10 + uint64(digits[i]-'0')
		}
		out = append(out, f)
	}
	return out
}()
