package pii

import (
	"strings"
	"time"
)

// HIPAA Safe Harbor generalisations, 45 CFR 164.514(b)(2)(i)(B) and (C). They apply when a
// Policy's profile has SafeHarbor. Every function here is idempotent: its output, given
// again, comes back unchanged. None allocates, except that parsing a written-out date
// ("Jan 2, 2006") goes through time.Parse.

// jurisOver89 is the single category Safe Harbor allows for ages over 89 and for the dates
// that reveal them, 164.514(b)(2)(i)(C).
const jurisOver89 = "90 or older"

// RestrictedZIP3 lists the three-digit US ZIP code areas whose prefix HIPAA Safe Harbor
// replaces with "000" (45 CFR 164.514(b)(2)(i)(B)(2)): those whose combined population
// was 20,000 or fewer. It is the union of the list HHS published from the 2000 Census
// (Guidance Regarding Methods for De-identification of PHI, 2012, section 3.4: 17 areas)
// and the one computed in the same way from the 2010 Census (which adds 205 and 369), so
// that data de-identified under either stays de-identified. Redaction and anonymisation of
// postal codes under HIPAA consult exactly this list.
//
// The package reads the list once, when it is initialised; changing it afterwards
// changes nothing.
var RestrictedZIP3 = [...]string{"036", "059", "063", "102", "203", "205", "369", "556", "692", "790",
	"821", "823", "830", "831", "878", "879", "884", "890", "893"}

// jurisRestrictedZIP3 is RestrictedZIP3 as a table indexed by the prefix's value.
var jurisRestrictedZIP3 = func() (t [1000]bool) {
	for _, z := range RestrictedZIP3 {
		t[int(z[0]-'0')*100+int(z[1]-'0')*10+int(z[2]-'0')] = true
	}
	return t
}()

// restrictedZIP3 reports whether the first three bytes of zip are the digits of a
// restricted three-digit ZIP area. Every Safe Harbor use (redaction, generalisation)
// asks it, so the list lives in one place.
func restrictedZIP3(zip string) bool {
	if len(zip) < 3 || !jurisAllDigits(zip[:3]) {
		return false
	}
	return jurisRestrictedZIP3[int(zip[0]-'0')*100+int(zip[1]-'0')*10+int(zip[2]-'0')]
}

// jurisSafeHarborZIP returns the part of a US ZIP code Safe Harbor lets stay: its first
// three digits, or "000" when those digits name a restricted area. It reads "94105",
// "94105-1234", "94105 1234" and "941051234" (surrounding spaces ignored), and its own
// output, "941" or "000", which it returns unchanged. Anything else is no ZIP code it can
// vouch for and gives "000", which reveals nothing (fail closed).
func jurisSafeHarborZIP(s string) string {
	z := strings.TrimSpace(s)
	switch {
	case len(z) == 3 && jurisAllDigits(z): // already generalised
	case len(z) == 5 && jurisAllDigits(z):
	case len(z) == 9 && jurisAllDigits(z):
	case len(z) == 10 && jurisAllDigits(z[:5]) && (z[5] == '-' || z[5] == ' ') && jurisAllDigits(z[6:]):
	default:
		return "000"
	}
	if restrictedZIP3(z) {
		return "000"
	}
	return z[:3]
}

// jurisSafeHarborDate returns the year of t, as midnight on 1 January in t's location:
// Safe Harbor keeps no element of a date but its year (164.514(b)(2)(i)(C)). The zero
// time stays the zero time.
func jurisSafeHarborDate(t time.Time) time.Time {
	return time.Date(t.Year(), time.January, 1, 0, 0, 0, 0, t.Location())
}

// jurisSafeHarborBirthDate generalises a date of birth for a record read at now: its year,
// as jurisSafeHarborDate gives it, or false when the year is indicative of an age over 89
// (now's year minus the birth year is 90 or more, so the person may be 90), which Safe
// Harbor does not let stay; the caller then writes "90 or older" or the zero value.
func jurisSafeHarborBirthDate(t, now time.Time) (time.Time, bool) {
	if now.Year()-t.Year() >= 90 {
		return time.Time{}, false
	}
	return jurisSafeHarborDate(t), true
}

// jurisSafeHarborDateString returns the four-digit year of a date written in a common
// form, or "" when s is no date it can read (fail closed). It reads:
//
//	2006, 2006-01, 2006-01-02, 2006/01/02, 2006.01.02, 20060102,
//	01/02/2006, 02.01.2006, 2-1-2006 (day and month in either order),
//	any of those followed by a space or 'T' and a time (RFC 3339 among them),
//	Jan 2, 2006; January 2, 2006; 2 Jan 2006; 02-Jan-2006;
//	RFC 1123, RFC 1123Z, ANSI C, Unix date and Ruby date forms.
//
// The result is a substring of s.
func jurisSafeHarborDateString(s string) string {
	y, _ := jurisDateYear(s)
	return y
}

// jurisSafeHarborBirthDateString is jurisSafeHarborDateString for a date of birth read at
// now: "90 or older" when the year is indicative of an age over 89 (see
// jurisSafeHarborBirthDate). "90 or older" itself is returned unchanged.
func jurisSafeHarborBirthDateString(s string, now time.Time) string {
	if strings.TrimSpace(s) == jurisOver89 {
		return jurisOver89
	}
	y, year := jurisDateYear(s)
	if y == "" {
		return ""
	}
	if now.Year()-year >= 90 {
		return jurisOver89
	}
	return y
}

// jurisSafeHarborAge caps an age in years at 90, the value that stands for Safe Harbor's
// single category "90 or older" (164.514(b)(2)(i)(C)): every age over 89 becomes 90, so an
// age of 90 after generalisation means "90 or older". Other ages, negative ones included,
// are returned unchanged.
func jurisSafeHarborAge(age int) int {
	if age > 89 {
		return 90
	}
	return age
}

// jurisSafeHarborAgeString generalises an age written in decimal digits (surrounding
// spaces ignored): over 89 it becomes "90 or older", up to 89 it is returned unchanged.
// "90 or older" stays as it is; anything else is no age and gives "" (fail closed).
func jurisSafeHarborAgeString(s string) string {
	t := strings.TrimSpace(s)
	if t == jurisOver89 {
		return jurisOver89
	}
	if t == "" || !jurisAllDigits(t) {
		return ""
	}
	t = strings.TrimLeft(t, "0")
	if len(t) > 2 {
		return jurisOver89
	}
	if len(t) == 2 && t >= "90" {
		return jurisOver89
	}
	return s
}

// jurisAllDigits reports whether s is made of ASCII digits only (true for "").
func jurisAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// jurisDigits returns the value of s[i:i+n] when those n bytes are all ASCII digits.
func jurisDigits(s string, i, n int) (int, bool) {
	if i < 0 || n <= 0 || i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// jurisDigitRun returns how many ASCII digits start s[i:].
func jurisDigitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// jurisTextDateLayouts are the written-out date forms jurisDateYear hands to time.Parse.
var jurisTextDateLayouts = [...]string{
	"Jan 2, 2006",
	"January 2, 2006",
	"Mon, Jan 2, 2006",
	"Monday, January 2, 2006",
	"2 Jan 2006",
	"2 January 2006",
	"02-Jan-2006",
	time.RFC1123,
	time.RFC1123Z,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
}

// jurisDateYear finds the year of a date string: its four digits as a substring of s,
// and their value. It returns "" when s is no date of the forms jurisSafeHarborDateString
// lists.
func jurisDateYear(s string) (string, int) {
	s = strings.TrimSpace(s)
	// Year first: 2006, 2006-01, 2006-01-02, 20060102, with an optional time after.
	if n := jurisDigitRun(s, 0); n == 4 || n == 8 {
		year, _ := jurisDigits(s, 0, 4)
		if n == 8 {
			m, _ := jurisDigits(s, 4, 2)
			d, _ := jurisDigits(s, 6, 2)
			if jurisMonthDay(m, d) && jurisTimeOrEnd(s, 8) {
				return s[:4], year
			}
			return "", 0
		}
		if len(s) == 4 {
			return s, year
		}
		if sep := s[4]; sep == '-' || sep == '/' || sep == '.' {
			mn := jurisDigitRun(s, 5)
			m, _ := jurisDigits(s, 5, mn)
			if mn < 1 || mn > 2 || m < 1 || m > 12 {
				return "", 0
			}
			i := 5 + mn
			if i == len(s) { // year and month
				return s[:4], year
			}
			if s[i] != sep {
				return "", 0
			}
			dn := jurisDigitRun(s, i+1)
			d, _ := jurisDigits(s, i+1, dn)
			if dn >= 1 && dn <= 2 && jurisMonthDay(m, d) && jurisTimeOrEnd(s, i+1+dn) {
				return s[:4], year
			}
		}
		return "", 0
	}
	// Year last: 01/02/2006, 02.01.2006, 2-1-2006.
	if an := jurisDigitRun(s, 0); an >= 1 && an <= 2 && an < len(s) {
		sep := s[an]
		if sep != '/' && sep != '.' && sep != '-' {
			return jurisTextDateYear(s) // 2 Jan 2006
		}
		bn := jurisDigitRun(s, an+1)
		i := an + 1 + bn
		if bn < 1 || bn > 2 || i >= len(s) || s[i] != sep || jurisDigitRun(s, i+1) != 4 {
			return jurisTextDateYear(s) // 02-Jan-2006
		}
		a, _ := jurisDigits(s, 0, an)
		b, _ := jurisDigits(s, an+1, bn)
		year, _ := jurisDigits(s, i+1, 4)
		if (jurisMonthDay(a, b) || jurisMonthDay(b, a)) && jurisTimeOrEnd(s, i+5) {
			return s[i+1 : i+5], year
		}
		return "", 0
	}
	return jurisTextDateYear(s)
}

// jurisTextDateYear parses the written-out forms of jurisTextDateLayouts and returns the
// year as the first run of exactly four digits in s that holds it. Strings with no
// letter or no four-digit run are turned away before time.Parse, whose errors allocate.
func jurisTextDateYear(s string) (string, int) {
	if !jurisMaybeTextDate(s) {
		return "", 0
	}
	for _, layout := range jurisTextDateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		for i := 0; i < len(s); {
			n := jurisDigitRun(s, i)
			if n == 4 {
				if v, _ := jurisDigits(s, i, 4); v == t.Year() {
					return s[i : i+4], v
				}
			}
			i += max(n, 1)
		}
		return "", 0 // a year time.Parse read but not written in four digits
	}
	return "", 0
}

// jurisMaybeTextDate reports whether s has an ASCII letter and a run of exactly four
// digits, as every layout of jurisTextDateLayouts does.
func jurisMaybeTextDate(s string) bool {
	letter, year := false, false
	for i := 0; i < len(s); {
		c := s[i] | 0x20
		if c >= 'a' && c <= 'z' {
			letter = true
		}
		n := jurisDigitRun(s, i)
		if n == 4 {
			year = true
		}
		i += max(n, 1)
	}
	return letter && year
}

// jurisMonthDay reports whether m and d can be a month and a day of it.
func jurisMonthDay(m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= 31 }

// jurisTimeOrEnd reports whether s ends at i or goes on with a time: 'T', 't' or a space.
func jurisTimeOrEnd(s string, i int) bool {
	return i == len(s) || s[i] == 'T' || s[i] == 't' || s[i] == ' '
}
