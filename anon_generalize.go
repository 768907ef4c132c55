package pii

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// anonGeneralizeValue returns a coarser form of value, which a field of the given kind
// holds, that still serves statistics:
//
//   - phone: the country calling code, "+1" (numbers without one are read in region);
//   - ip: the network, IPv4 to /24 ("203.0.113.0/24"), IPv6 to /48 ("2001:db8:85a3::/48");
//   - email: the domain, lower-cased ("example.com");
//   - dob and date: the year ("1990");
//   - age: its ten-year band, "30-39", and "90+" for every age over 89 (see AgeBand);
//   - postal: the first three digits of a numeric postal code ("941"), and "000" for the
//     three-digit US ZIP areas that HIPAA Safe Harbor says are too small to publish;
//   - geo: "lat,lng" rounded to one decimal, about 11 km ("37.8,-122.4");
//   - card: the last four digits ("1111"), which are among the digits the card's redaction
//     shows (the first six and the last four, within PCI DSS Req. 3.4.1's BIN and last
//     four), so that the two forms of one card together show no more than either;
//   - every other kind: "" (dropped), as there is no coarser form that is safe.
//
// It fails closed: a value it cannot parse becomes "". (This is the value-level action
// of the anonGeneralize strategy; the strategy constant owns the plain name.)
func anonGeneralizeValue(kind Kind, value, region string) string {
	if value == "" || anonIsGeneralized(kind, value) {
		return value // generalising twice changes nothing
	}
	switch kind {
	case KindPhone:
		n, ok := anonPhoneNumber(value, region)
		if !ok {
			return ""
		}
		return "+" + strconv.Itoa(int(n.GetCountryCode()))
	case KindIP:
		return anonGeneralizeIP(value)
	case KindEmail:
		return anonEmailDomain(value)
	case KindDOB, KindDate:
		return anonYear(value)
	case KindAge:
		return anonAgeBand(value)
	case KindPostal:
		return anonPostal3(value)
	case KindGeo:
		return maskGeo(value) // the same rounding as redaction: one decimal
	case KindCard:
		return anonCardLast4(value)
	}
	return ""
}

// anonIsGeneralized reports whether value already has the form anonGeneralizeValue
// gives kind, so that anonymising twice gives what anonymising once gave. Emails are not
// among them: a bare domain cannot be told from any other text, which must not pass.
func anonIsGeneralized(kind Kind, value string) bool {
	switch kind {
	case KindPhone: // "+44": a calling code that exists, written canonically
		// A leading zero ("+01") is not how the code is written: read as the number it is.
		if len(value) < 2 || len(value) > 4 || value[0] != '+' || value[1] == '0' || !anonAllDigits(value[1:]) {
			return false
		}
		cc, _ := strconv.Atoi(value[1:])
		return phonenumbers.GetRegionCodeForCountryCode(cc) != "ZZ"
	case KindIP: // "203.0.113.0/24", "2001:db8:85a3::/48"
		p, err := netip.ParsePrefix(value)
		bits := 48
		if p.Addr().Is4() {
			bits = 24
		}
		return err == nil && p == p.Masked() && p.Bits() == bits
	case KindPostal: // "941", and never a restricted area's digits, which become "000"
		return len(value) == 3 && anonAllDigits(value) && !restrictedZIP3(value)
	case KindCard: // "1111"
		return len(value) == 4 && anonAllDigits(value)
	case KindAge: // "30-39", "90+"
		return value == "90+" || slices.Contains(ageBands[:], value)
	}
	return false
}

// anonGeneralizeTime returns January 1 of t's year, at midnight in t's location: the year
// is all of a date of birth (or any other date of a person) that HIPAA Safe Harbor lets
// through. kind is taken for symmetry with anonGeneralizeValue: every date of a person is
// generalised alike.
func anonGeneralizeTime(kind Kind, t time.Time) time.Time {
	return time.Date(t.Year(), time.January, 1, 0, 0, 0, 0, t.Location())
}

// AgeBand returns the ten-year band of an age, "0-9" to "80-89", and "90+" for every
// age of 90 or more, which HIPAA Safe Harbor requires to be grouped together: the
// generalisation of an age for a statistics export, where a band keeps groups large
// enough for KAnonymity. A negative age is no age: "".
func AgeBand(age int) string {
	switch {
	case age < 0:
		return ""
	case age >= 90:
		return "90+"
	}
	return ageBands[age/10]
}

var ageBands = [...]string{"0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89"}

// anonAgeBand is AgeBand for an age written in decimal digits (surrounding spaces
// ignored); anything else is no age and gives "".
func anonAgeBand(value string) string {
	s := strings.TrimSpace(value)
	if !anonAllDigits(s) {
		return ""
	}
	s = strings.TrimLeft(s, "0")
	if len(s) > 3 {
		return AgeBand(90) // beyond any age: still no more than "90+"
	}
	age, _ := strconv.Atoi("0" + s)
	return AgeBand(age)
}

// anonGeneralizeIP returns the /24 (IPv4) or /48 (IPv6) network of an address; an IPv4
// address mapped into IPv6 is treated as IPv4. "host:port" forms are accepted.
func anonGeneralizeIP(value string) string {
	s := strings.TrimSpace(value)
	addr, err := netip.ParseAddr(s)
	if err != nil {
		ap, err := netip.ParseAddrPort(s)
		if err != nil {
			return ""
		}
		addr = ap.Addr()
	}
	addr = addr.WithZone("").Unmap()
	bits := 48
	if addr.Is4() {
		bits = 24
	}
	p, err := addr.Prefix(bits)
	if err != nil {
		return ""
	}
	return p.String()
}

// anonEmailDomain returns the lower-cased domain of an email address, or "" when what
// follows the last "@" does not look like a domain.
func anonEmailDomain(value string) string {
	s := strings.TrimSpace(value)
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || !utf8.ValidString(s) {
		return ""
	}
	domain := s[at+1:]
	for _, label := range strings.Split(domain, ".") {
		if label == "" {
			return ""
		}
		for _, r := range label {
			ok := r == '-' || r >= utf8.RuneSelf && r != utf8.RuneError ||
				'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
			if !ok {
				return ""
			}
		}
	}
	return strings.ToLower(domain)
}

// anonYear returns the four-digit year of a date written as "1990", "1990-05-17",
// "1990/05/17", "19900517", an RFC 3339 time, or a day-month or month-day date with the
// year last ("05/17/1990", "17.05.1990"). Anything else is "".
func anonYear(value string) string {
	s := strings.TrimSpace(value)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return anonFormatYear(t.Year())
	}
	if len(s) == 8 && anonAllDigits(s) { // 19900517
		if _, err := time.Parse("20060102", s); err == nil {
			return s[:4]
		}
		return ""
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) == 1 && len(s) == 4 && anonAllDigits(s) {
		return s
	}
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts {
		if !anonAllDigits(p) {
			return ""
		}
	}
	var year, a, b string
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		year, a, b = parts[0], parts[1], parts[2] // year, month, day
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		year, a, b = parts[2], parts[0], parts[1] // month-day or day-month
	default:
		return ""
	}
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	// One of the two must be a month and the other a day, in either order.
	if x < 1 || y < 1 || x > 31 || y > 31 || (x > 12 && y > 12) {
		return ""
	}
	return year
}

// anonFormatYear prints a year as four digits, or "" for a year outside 0000-9999.
func anonFormatYear(y int) string {
	if y < 0 || y > 9999 {
		return ""
	}
	s := strconv.Itoa(y)
	return strings.Repeat("0", 4-len(s)) + s
}

// anonPostal3 returns the first three digits of a numeric postal code of at least five
// digits ("94103", "94103-1234", "10115"), or "000" for the small US ZIP areas. Other
// postal codes ("SW1A 1AA") have no such generalisation and become "".
func anonPostal3(value string) string {
	s := strings.TrimSpace(value)
	main, ext, hasExt := strings.Cut(s, "-")
	if hasExt && (len(ext) == 0 || !anonAllDigits(ext)) {
		return ""
	}
	main = strings.ReplaceAll(main, " ", "")
	if len(main) < 5 || len(main) > 9 || !anonAllDigits(main) {
		return ""
	}
	if restrictedZIP3(main) {
		return "000"
	}
	return main[:3]
}

// anonCardLast4 returns the last four digits of a card number of 12 to 19 digits, which
// may be grouped by spaces or dashes; anything else is "".
func anonCardLast4(value string) string {
	var last [4]byte
	n := 0
	for i := 0; i < len(value); i++ {
		switch c := value[i]; {
		case '0' <= c && c <= '9':
			last[n%4] = c
			n++
		case c == ' ' || c == '-':
		default:
			return ""
		}
	}
	if n < 12 || n > 19 {
		return ""
	}
	// Never more than the redaction shows: a value the card mask cannot read as one
	// card (a failed Luhn check) shows no digit, so neither does its anonymised form.
	if !strings.ContainsAny(maskString(KindCard, redactDefault, value, ""), "0123456789") {
		return ""
	}
	return string([]byte{last[n%4], last[(n+1)%4], last[(n+2)%4], last[(n+3)%4]})
}

// anonAllDigits reports whether s is non-empty and all ASCII digits.
func anonAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
