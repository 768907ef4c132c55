package piisql

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A creation time kept as a number that the driver returns as text is read as that
// number: PostgreSQL's numeric comes back from pgx as text, as does SQLite's text that
// holds digits (which SQLite's own date functions read as a number). Such rows were all
// reported unreadable on PostgreSQL, and never swept, where the same numbers in a BIGINT
// or on SQLite were read.
func TestCreatedNumbersAsText(t *testing.T) {
	created := day(0) // 10:00 UTC
	julian := julianUnix + float64(created.UnixMilli())/86400000
	tests := []struct {
		name, decl string
		value      any
	}{
		{"Unix seconds in a NUMERIC", "NUMERIC", created.Unix()},
		{"Unix milliseconds in a NUMERIC", "NUMERIC", created.UnixMilli()},
		{"Unix nanoseconds in a NUMERIC", "NUMERIC", created.UnixNano()},
		{"Julian day in a NUMERIC", "NUMERIC", julian},
		{"Unix seconds in a NUMERIC(20, 3)", "NUMERIC(20, 3)", created.Unix()},
		{"Unix seconds as text", "TEXT", fmt.Sprint(created.Unix())},
		{"Julian day as text", "TEXT", strconv.FormatFloat(julian, 'f', -1, 64)},
		{"Unix nanoseconds as text with an exponent", "TEXT", "1.7803080e+18"},
	}
	forEachDB(t, func(t *testing.T, d *testDB) {
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ctx := context.Background()
				table := fmt.Sprintf("%s_t%d", d.table(t), i)
				d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+tt.decl+", sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
				t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
				d.exec(t, "INSERT INTO "+table+" (id, created_at, sender) VALUES (1, ?, 'a@example.com')", tt.value)
				s := d.sweeper(t, d.db, table)
				due := created.AddDate(0, 0, 30) // the sender's 30 days
				for _, now := range []time.Time{due.Add(-time.Millisecond), due} {
					r, err := s.DryRun(ctx, now)
					if err != nil {
						t.Fatal(err)
					}
					want := map[string]int{}
					if now.Equal(due) {
						want["sender"] = 1
					}
					if diff := cmp.Diff(want, r.Cleared); diff != "" || r.Unreadable != 0 {
						t.Errorf("at %v: %d unreadable, cleared (-want +got):\n%s", now, r.Unreadable, diff)
					}
				}
			})
		}
	})
}

// numericText reads the text of a number as numericTime reads the number, and any other
// text as no time.
func FuzzNumericText(f *testing.F) {
	for _, s := range []string{"1780308000", "1780308000.000", "2461192.5", "1.78e+18", "20260601", "-1780308000", "0", "Inf", "NaN", "0x1p30", "1_780_308_000", "", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := numericText(s)
		if !ok {
			return
		}
		if y := got.Year(); y < 1 || y > 9999 {
			t.Fatalf("numericText(%q) = %v, outside the years 1 to 9999", s, got)
		}
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			if want, _ := numericTime(float64(i), i); !got.Equal(want) {
				t.Fatalf("numericText(%q) = %v, numericTime of the integer %v", s, got, want)
			}
			return
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("numericText(%q) = %v, of no number", s, got)
		}
		if want, _ := numericTime(x, 0); !got.Equal(want) {
			t.Fatalf("numericText(%q) = %v, numericTime of the real %v", s, got, want)
		}
	})
}
