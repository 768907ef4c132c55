package piisql

import (
	"fmt"
	"time"
)

// timeLayouts are the text forms of a time that the sweep reads from a creation column
// stored as text (SQLite has no time type): RFC 3339 and SQLite's own date-time forms.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// createdTime reads a creation time as the driver returned it: a time, text in one of
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
