package piisql

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// timeLayouts are the text forms of a time that the sweep reads from a creation column
// stored as text (SQLite has no time type): RFC 3339, SQLite's own date-time forms, and Go's
// Time.String form, which modernc.org/sqlite writes for a time.Time unless told otherwise.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02",
}

// createdColumn is the creation column as a batch selects it. On SQLite it is wrapped in an
// expression, so that the driver returns text as text: modernc.org/sqlite turns text in a
// column declared TIMESTAMP, DATETIME or DATE into a time itself, reading a time without
// an offset as UTC rather than in the Sweeper's location.
func (s *Sweeper) createdColumn() string {
	c := quote(s.m.Created)
	if s.dialect == SQLite {
		return "CASE typeof(" + c + ") WHEN 'text' THEN " + c + " || '' ELSE " + c + " END"
	}
	return c
}

// createdTime reads a creation time as the driver returned it: a time (its wall clock read
// in the Sweeper's location when the column's type keeps no zone), text in one of
// timeLayouts (read in the Sweeper's location when it carries no offset), or a number read
// by numericTime. NULL gives the zero time. A time outside the years 1 to 9999 is an
// error: no deadline can be counted from it. The error names the column and never the
// value.
func (s *Sweeper) createdTime(raw any) (time.Time, error) {
	var t time.Time
	switch v := raw.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		t = v
		if s.createdNoZone {
			t = time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), s.cfg.loc)
		}
	case int64:
		var ok bool
		if t, ok = numericTime(float64(v), v); !ok {
			return time.Time{}, s.createdErr("a number of no known size")
		}
	case float64:
		var ok bool
		if t, ok = numericTime(v, 0); !ok {
			return time.Time{}, s.createdErr("a number of no known size")
		}
	case []byte:
		return s.createdTime(string(v))
	case string:
		var err error
		for _, l := range timeLayouts {
			if t, err = time.ParseInLocation(l, v, s.cfg.loc); err == nil {
				break
			}
		}
		if err != nil {
			var ok bool
			if t, ok = numericText(v); !ok {
				return time.Time{}, s.createdErr("text in no known layout")
			}
		}
	default:
		return time.Time{}, s.createdErr(fmt.Sprintf("a value of type %T", raw))
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return time.Time{}, s.createdErr("a time outside the years 1 to 9999")
	}
	return t.In(s.cfg.loc), nil
}

// createdErr says why a creation time cannot be read, naming the column, never the value.
func (s *Sweeper) createdErr(what string) error {
	return fmt.Errorf("piisql: table %s, column %s: creation time: %s", s.m.Table, s.m.Created, what)
}

// The sizes of number that numericTime reads, and what as.
const (
	julianFirst = 1721425.5 // 0001-01-01 00:00 UTC as a Julian day number
	julianEnd   = 5373484.5 // 10000-01-01 00:00 UTC
	julianUnix  = 2440587.5 // 1970-01-01 00:00 UTC
)

// numericTime reads a creation time stored as a number, by its size, as SQLite's date
// functions read a number as a Julian day or Unix seconds (their "auto" modifier), with
// the other units of the Unix clock that programs write told apart by their count of
// digits (i, when not 0, is the exact integer that f stands for):
//
//   - 1,721,425.5 to 5,373,484.5 (7 digits): a Julian day number, what SQLite's
//     julianday() gives, years 1 to 9999 (kept as an integer when it falls on noon and
//     the column has integer affinity);
//   - 9 or 10 digits: Unix seconds (1973-03-03 to 2286-11-20);
//   - 13 digits: Unix milliseconds (2001-09-09 to 2286-11-20), what JavaScript's
//     Date.now() and Java's currentTimeMillis() give;
//   - 16 digits: Unix microseconds; 19 digits: Unix nanoseconds (Go's UnixNano).
//
// Any other number is refused (ok false) rather than guessed at: a date written as digits
// (20260601, 202606011000, 20260601100000) falls between those sizes, and read as seconds or
// milliseconds it would be a time in the 1970s, and every deadline of its row long past.
// So is a negative number, and one of a size that two units share (12 digits are the
// milliseconds of 1973 to 2001 or the seconds of the year 5138 onwards).
func numericTime(f float64, i int64) (time.Time, bool) {
	if math.IsNaN(f) || f < julianFirst {
		return time.Time{}, false
	}
	if f < julianEnd {
		return time.UnixMilli(int64(math.Round((f - julianUnix) * 86400000))).UTC(), true
	}
	for _, u := range []struct {
		from, to float64
		unit     time.Duration
	}{
		{1e8, 1e10, time.Second},
		{1e12, 1e13, time.Millisecond},
		{1e15, 1e16, time.Microsecond},
		{1e18, math.MaxInt64, time.Nanosecond},
	} {
		if f < u.from || f >= u.to {
			continue
		}
		if i != 0 {
			n := int64(u.unit)
			return time.Unix(i/(int64(time.Second)/n), i%(int64(time.Second)/n)*n).UTC(), true
		}
		sec := math.Floor(f * float64(u.unit) / float64(time.Second))
		ns := math.Round(f*float64(u.unit) - sec*float64(time.Second))
		return time.Unix(int64(sec), int64(ns)).UTC(), true
	}
	return time.Time{}, false
}

// storedTime reads a time of the bookkeeping tables in whatever form the driver returns
// it: a time, text in one of timeLayouts (UTC when it carries no offset: the tables are
// written in UTC), or a number as numericTime reads it (modernc.org/sqlite writes a
// time.Time as Unix seconds, milliseconds, microseconds or nanoseconds under its
// _time_integer_format option, and gives them back as integers: every sweep failed to
// scan them). What cannot be read is the zero time, which the callers take the safe way.
type storedTime struct{ t time.Time }

// Scan implements sql.Scanner.
func (st *storedTime) Scan(src any) error {
	st.t = time.Time{}
	switch v := src.(type) {
	case time.Time:
		st.t = v
	case int64:
		st.t, _ = numericTime(float64(v), v)
	case float64:
		st.t, _ = numericTime(v, 0)
	case []byte:
		return st.Scan(string(v))
	case string:
		for _, l := range timeLayouts {
			if t, err := time.Parse(l, v); err == nil {
				st.t = t
				return nil
			}
		}
		st.t, _ = numericText(v)
	}
	return nil
}

// numericText reads text that holds a number as numericTime reads the number: what
// PostgreSQL's numeric is as the pgx driver returns it ("1780308000", "2461192.5",
// "1780308000.000"), and digits in a SQLite text column, which SQLite's date functions
// read as a number too. A numeric creation column was unreadable on PostgreSQL, its rows
// never swept, where the same numbers were read on SQLite.
func numericText(v string) (time.Time, bool) {
	if i, err := strconv.ParseInt(v, 10, 64); err == nil {
		if i <= 0 {
			return time.Time{}, false
		}
		return numericTime(float64(i), i)
	}
	// Decimal only (SQLite writes a real as text with an exponent when it is large):
	// ParseFloat would also take "Inf", hexadecimal and underscores.
	if strings.Trim(v, "0123456789.eE+-") != "" {
		return time.Time{}, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return time.Time{}, false
	}
	return numericTime(f, 0)
}
