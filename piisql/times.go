package piisql

import (
	"fmt"
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
// timeLayouts (read in the Sweeper's location when it carries no offset), or an integer
// of Unix seconds. NULL gives the zero time. The error names the column and never the
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
		t = time.Unix(v, 0)
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
			return time.Time{}, fmt.Errorf("piisql: table %s, column %s: creation time in no known layout", s.m.Table, s.m.Created)
		}
	default:
		return time.Time{}, fmt.Errorf("piisql: table %s, column %s: creation time of type %T", s.m.Table, s.m.Created, raw)
	}
	return t.In(s.cfg.loc), nil
}
