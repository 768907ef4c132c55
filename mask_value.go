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
// "1990-05-17T08:30:00Z" or "19900517". The year is the first run of exactly four
// ASCII digits starting with 1 or 2, or the first four of a run of eight that reads as
// YYYYMMDD. Fail closed: a value without one (two-digit years, words) gives "". The
// result is a part of s, so this never allocates.
func maskDOB(s string) string {
	for i := 0; i < len(s); {
		if !maskIsASCIIDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && maskIsASCIIDigit(s[j]) {
			j++
		}
		run := s[i:j]
		switch {
		case len(run) == 4 && (run[0] == '1' || run[0] == '2'):
			return run
		case len(run) == 8 && (run[0] == '1' || run[0] == '2') &&
			"01" <= run[4:6] && run[4:6] <= "12" && "01" <= run[6:] && run[6:] <= "31":
			return run[:4]
		}
		i = j
	}
	return ""
}

func maskIsASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// maskGeo is the default redaction of coordinates written "lat,lng": both rounded to
// one decimal, about 11 km, written as strconv does without spaces: "37.7749,
// -122.4194" gives "37.8,-122.4". Fail closed: anything else, or a latitude beyond ±90
// or a longitude beyond ±180, gives "".
func maskGeo(s string) string {
	latS, lngS, ok := strings.Cut(s, ",")
	if !ok {
		return ""
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(latS), 64)
	lng, err2 := strconv.ParseFloat(strings.TrimSpace(lngS), 64)
	if err1 != nil || err2 != nil || !(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180) {
		return ""
	}
	var buf [48]byte
	out := strconv.AppendFloat(buf[:0], maskRoundCoord(lat, 90), 'f', 1, 64)
	out = append(out, ',')
	out = strconv.AppendFloat(out, maskRoundCoord(lng, 180), 'f', 1, 64)
	if string(out) == s {
		return s
	}
	return string(out)
}
