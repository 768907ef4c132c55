package pii

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// maskInt is the redaction of an integer of kind k: zero, under every strategy. No
// number keeps anything of its value: a ZIP code rounded to hundreds, or a date of
// birth as YYYYMMDD cut to its year, would read as another real value.
func maskInt(k Kind, st redactStrategy, v int64) int64 { return 0 }

// maskUint is maskInt for unsigned integers.
func maskUint(k Kind, st redactStrategy, v uint64) uint64 { return 0 }

// maskFloat is the redaction of a float of kind k: a geographic coordinate under the
// default strategy is rounded to one decimal (about 11 km); every other value is zero.
// A coordinate that is not finite or lies outside [-180, 180] is zero too.
func maskFloat(k Kind, st redactStrategy, f float64) float64 {
	if k != KindGeo || (st != redactDefault && st != redactScan) {
		return 0
	}
	return maskRoundCoord(f, 180)
}

// maskRoundCoord rounds f to one decimal, or returns 0 when f is NaN or beyond ±limit.
// Rounding an already rounded value gives the same value, and -0 is returned as 0.
func maskRoundCoord(f, limit float64) float64 {
	if !(f >= -limit && f <= limit) { // NaN too
		return 0
	}
	r := math.Round(f*10) / 10
	if r == 0 {
		return 0
	}
	return r
}

// maskTime is the redaction of a time of kind k: a date of birth under the default
// strategy becomes January 1 of its year, midnight, in the same location (HIPAA keeps
// the year); every other time becomes the zero time.
func maskTime(k Kind, st redactStrategy, t time.Time) time.Time {
	if k != KindDOB || (st != redactDefault && st != redactScan) {
		return time.Time{}
	}
	return time.Date(t.Year(), time.January, 1, 0, 0, 0, 0, t.Location())
}

// maskDOB is the default redaction of a date of birth written as a string: its year,
// "1990" for "1990-05-17", "17/05/1990", "05/17/1990", "17.05.1990", "May 17, 1990",
// "17 May 1990", "1990-05-17T08:30:00Z" or "19900517", and "1990" for "1990". The result
// is a part of s, so this never allocates.
//
// Fail closed: s must be one date (maskReadDate), with a year of four digits starting
// with 1 or 2, or it gives "": two-digit years, words, two dates, a date followed by
// anything but a time of day, or digits that are not a date (a phone number in the
// wrong field) keep nothing.
func maskDOB(s string) string {
	y, ok := maskReadDate(strings.TrimSpace(s))
	if !ok {
		return ""
	}
	return y
}

// maskReadDate reads s as one date and returns its year, a part of s.
func maskReadDate(s string) (year string, ok bool) {
	var num [3]string // the numbers of the date, in order
	var sep byte      // the one separator between them
	month := false    // a month was written as a word
	n, i := 0, 0
	for i < len(s) && n < 3 {
		c := s[i]
		switch {
		case maskIsASCIIDigit(c):
			j := i
			for j < len(s) && maskIsASCIIDigit(s[j]) {
				j++
			}
			num[n], i = s[i:j], j
			n++
		case ('a' <= c|0x20 && c|0x20 <= 'z') && !month:
			j := i
			for j < len(s) && 'a' <= s[j]|0x20 && s[j]|0x20 <= 'z' {
				j++
			}
			if !maskIsMonthName(s[i:j]) {
				return "", false
			}
			month, i = true, j
			if i < len(s) && s[i] == '.' {
				i++
			}
		default:
			return "", false
		}
		// The separator after this part.
		if i == len(s) || n == 3 && !month || n == 2 && month {
			break
		}
		switch c := s[i]; {
		case (c == ' ' || c == ',') && sep == 0 && (month || maskNextIsWord(s[i:])):
			for i < len(s) && (s[i] == ' ' || s[i] == ',') {
				i++
			}
		case !month && (c == '-' || c == '/' || c == '.') && (sep == 0 || sep == c):
			sep = c
			i++
		default:
			return "", false
		}
	}
	rest := s[i:]
	isYear := func(y string) bool { return len(y) == 4 && (y[0] == '1' || y[0] == '2') }
	switch {
	case month && n == 2: // "May 17, 1990", "17 May 1990"
		if len(num[0]) <= 2 && maskDayOK(num[0]) && isYear(num[1]) && rest == "" {
			return num[1], true
		}
	case month:
	case n == 1 && isYear(num[0]) && rest == "": // "1990"
		return num[0], true
	case n == 1 && len(num[0]) == 8 && isYear(num[0][:4]) && maskMonthOK(num[0][4:6]) && maskDayOK(num[0][6:]) && rest == "":
		return num[0][:4], true // "19900517"
	case n == 3 && isYear(num[0]) && len(num[1]) <= 2 && maskMonthOK(num[1]) && len(num[2]) <= 2 && maskDayOK(num[2]) && maskIsTimeOfDay(rest):
		return num[0], true // "1990-05-17", with a time of day or none
	case n == 3 && isYear(num[2]) && len(num[0]) <= 2 && len(num[1]) <= 2 && maskDayOK(num[0]) && maskDayOK(num[1]) &&
		(maskMonthOK(num[0]) || maskMonthOK(num[1])) && maskIsTimeOfDay(rest):
		return num[2], true // "17/05/1990", "05/17/1990"
	}
	return "", false
}

// maskNextIsWord reports whether the first byte of s that is not a space or a comma is
// an ASCII letter.
func maskNextIsWord(s string) bool {
	t := strings.TrimLeft(s, " ,")
	return t != "" && 'a' <= t[0]|0x20 && t[0]|0x20 <= 'z'
}

// maskMonthOK and maskDayOK report whether the digits d are a month (1 to 12) or a day
// of a month (1 to 31).
func maskMonthOK(d string) bool { v := maskAtoi(d); return v >= 1 && v <= 12 }
func maskDayOK(d string) bool   { v := maskAtoi(d); return v >= 1 && v <= 31 }

// maskAtoi is the value of at most two ASCII digits d, or -1.
func maskAtoi(d string) int {
	if len(d) == 0 || len(d) > 2 {
		return -1
	}
	v := 0
	for i := 0; i < len(d); i++ {
		v = v*10 + int(d[i]-'0')
	}
	return v
}

// maskIsMonthName reports whether w is the English name of a month or its
// abbreviation, in any case.
func maskIsMonthName(w string) bool {
	for _, m := range [...]string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december", "sept"} {
		if strings.EqualFold(w, m) || len(w) == 3 && strings.EqualFold(w, m[:3]) {
			return true
		}
	}
	return false
}

// maskIsTimeOfDay reports whether s is empty or the time of day that may follow a date:
// 'T' or a space, then HH:MM, optional seconds and fraction, and an optional zone ("Z",
// "+01:00", "-0500").
func maskIsTimeOfDay(s string) bool {
	if s == "" {
		return true
	}
	if s[0] != 'T' && s[0] != ' ' {
		return false
	}
	s = s[1:]
	two := func(lim int) bool {
		if len(s) < 2 || !maskIsASCIIDigit(s[0]) || !maskIsASCIIDigit(s[1]) || maskAtoi(s[:2]) > lim {
			return false
		}
		s = s[2:]
		return true
	}
	if !two(23) || s == "" || s[0] != ':' {
		return false
	}
	s = s[1:]
	if !two(59) {
		return false
	}
	if s != "" && s[0] == ':' {
		s = s[1:]
		if !two(60) {
			return false
		}
		if s != "" && s[0] == '.' {
			s = s[1:]
			j := 0
			for j < len(s) && maskIsASCIIDigit(s[j]) {
				j++
			}
			if j == 0 {
				return false
			}
			s = s[j:]
		}
	}
	switch {
	case s == "" || s == "Z":
		return true
	case s[0] == '+' || s[0] == '-':
		s = s[1:]
		if !two(23) {
			return false
		}
		if s != "" && s[0] == ':' {
			s = s[1:]
		}
		return two(59) && s == ""
	}
	return false
}

// maskGeo is the default redaction of coordinates written "lat,lng": both rounded to
// one decimal, about 11 km, written as strconv does without spaces: "37.7749,
// -122.4194" gives "37.8,-122.4". Fail closed: anything else, or a latitude beyond ±90
// or a longitude beyond ±180, gives "".
func maskGeo(s string) string {
	return maskString(KindGeo, redactDefault, s, "")
}

// maskAppendGeo appends maskGeo of s.
func maskAppendGeo(dst []byte, s string) []byte {
	latS, lngS, ok := strings.Cut(s, ",")
	if !ok {
		return dst
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(latS), 64)
	lng, err2 := strconv.ParseFloat(strings.TrimSpace(lngS), 64)
	if err1 != nil || err2 != nil || !(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180) {
		return dst
	}
	dst = strconv.AppendFloat(dst, maskRoundCoord(lat, 90), 'f', 1, 64)
	dst = append(dst, ',')
	return strconv.AppendFloat(dst, maskRoundCoord(lng, 180), 'f', 1, 64)
}
