package piisql

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Creation times stored as numbers are read by their size: a Julian day (SQLite's
// julianday()), Unix seconds, milliseconds, microseconds or nanoseconds, as integers or
// reals. Unix milliseconds were read as seconds (a time in the year 58000, counted as
// Future and never swept) and reals were refused.
func TestCreatedNumbers(t *testing.T) {
	created := day(0) // 10:00 UTC
	noon := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	julian := func(t time.Time) float64 { return julianUnix + float64(t.UnixMilli())/86400000 }
	tests := []struct {
		name    string
		real    bool   // the column holds a real (REAL, DOUBLE PRECISION)
		decl    string // the column's type, when not numberType's
		created time.Time
		value   any
	}{
		{"Unix seconds", false, "", created, created.Unix()},
		{"Unix milliseconds", false, "", created, created.UnixMilli()},
		{"Unix microseconds", false, "", created, created.UnixMicro()},
		{"Unix nanoseconds", false, "", created, created.UnixNano()},
		{"Julian day at noon, an integer", false, "", noon, int64(julian(noon))},
		{"Julian day", true, "", created, julian(created)},
		{"Unix seconds with a fraction", true, "", created.Add(500 * time.Millisecond), float64(created.UnixMilli()+500) / 1000},
		{"Unix milliseconds as a real", true, "", created, float64(created.UnixMilli())},
		// Numbers the driver returns as text: PostgreSQL's numeric through pgx, and text
		// that holds a number, which SQLite's date functions read as one. On PostgreSQL
		// they were unreadable, their rows never swept.
		{"NUMERIC seconds", false, "NUMERIC", created, created.Unix()},
		{"NUMERIC ms", false, "NUMERIC", created, created.UnixMilli()},
		{"NUMERIC ns", false, "NUMERIC", created, created.UnixNano()},
		{"NUMERIC Julian", false, "NUMERIC", created, julian(created)},
		{"NUMERIC(20,3) s", false, "NUMERIC(20, 3)", created, created.Unix()},
		{"text seconds", false, "TEXT", created, fmt.Sprint(created.Unix())},
		{"text Julian", false, "TEXT", created, strconv.FormatFloat(julian(created), 'f', -1, 64)},
		{"text ns 1e18", false, "TEXT", created, "1.7803080e+18"},
	}
	forEachDB(t, func(t *testing.T, d *testDB) {
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ctx := context.Background()
				table := fmt.Sprintf("%s_%d", d.table(t), i) // at most 63 bytes
				decl := tt.decl
				if decl == "" {
					decl = numberType(d, tt.real)
				}
				d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+decl+", sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
				t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
				d.exec(t, "INSERT INTO "+table+" (id, created_at, sender) VALUES (1, ?, 'a@example.com')", tt.value)
				s := d.sweeper(t, d.db, table)
				// The sender's 30 days, to the nanosecond.
				due := tt.created.AddDate(0, 0, 30)
				for _, now := range []time.Time{due.Add(-time.Nanosecond), due} {
					r, err := s.DryRun(ctx, now)
					if err != nil {
						t.Fatal(err)
					}
					want := map[string]int{}
					if now.Equal(due) {
						want["sender"] = 1
					}
					if diff := cmp.Diff(want, r.Cleared); diff != "" || r.Future != 0 {
						t.Errorf("at %v: %d in the future, cleared (-want +got):\n%s", now, r.Future, diff)
					}
				}
			})
		}
	})
}

// numberType is the type of a creation column that holds numbers.
func numberType(d *testDB, real bool) string {
	switch {
	case d.dialect == PostgreSQL && real:
		return "DOUBLE PRECISION"
	case d.dialect == PostgreSQL:
		return "BIGINT"
	case real:
		return "REAL"
	}
	return "INTEGER"
}

// A number of a size that no unit is read from (a date written as digits, a size two
// units share, a negative number) is not guessed at: its row is left alone and the sweep
// reports it as unreadable, naming the record. Read as Unix seconds, 20260601 is a time in
// 1970, and every column of its row would have been cleared at once.
func TestCreatedNumbersRefused(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		values := []any{
			int64(20260601),       // YYYYMMDD
			int64(202606011000),   // YYYYMMDDhhmm, or the milliseconds of 1976
			int64(20260601100000), // YYYYMMDDhhmmss
			int64(99999999999),    // 11 digits: the seconds of the year 5138
			int64(-1780000000),
			int64(0),
			int64(1000),
		}
		// SQLite's NUMERIC keeps integers and reals as they come.
		decl := "BIGINT"
		if d.dialect == SQLite {
			decl = "NUMERIC"
			values = append(values, 20260601.5)
		}
		table := d.table(t) + "_nr"
		d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+decl+", sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		for i, v := range values {
			d.exec(t, "INSERT INTO "+table+" (id, created_at, sender) VALUES (?, ?, 'a@example.com')", i+1, v)
		}
		s := d.sweeper(t, d.db, table)
		r, err := s.Sweep(ctx, day(400))
		if !errors.Is(err, ErrCreatedUnreadable) || !strings.Contains(fmt.Sprint(err), "the first record 1 ") {
			t.Errorf("error %v, want ErrCreatedUnreadable naming record 1", err)
		}
		if r.Unreadable != len(values) || len(r.Cleared) != 0 {
			t.Errorf("%d unreadable, cleared %v; want %d and none:\n%s", r.Unreadable, r.Cleared, len(values), r)
		}
	})
}

// Times outside the years 1 to 9999 (text of the year 0, PostgreSQL's years BC) cannot
// have a deadline counted from them: the row is reported as unreadable, and the rest is
// swept. Such a row stopped every sweep of its table, pii refusing its schedule.
func TestCreatedOutOfRange(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t) + "_or"
		decl, early := "TEXT", "0000-06-01 10:00:00"
		if d.dialect == PostgreSQL {
			decl, early = "TIMESTAMPTZ", "0001-06-01 10:00:00Z BC"
		}
		d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+decl+", sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		d.exec(t, "INSERT INTO "+table+" (id, created_at, sender) VALUES (1, ?, 'a@example.com')", early)
		d.exec(t, "INSERT INTO "+table+" (id, created_at, sender) VALUES (2, ?, 'a@example.com')", day(0).Format(time.RFC3339))
		r, err := d.sweeper(t, d.db, table).Sweep(ctx, day(400))
		if !errors.Is(err, ErrCreatedUnreadable) {
			t.Errorf("error %v, want ErrCreatedUnreadable", err)
		}
		if r.Unreadable != 1 || r.Cleared["sender"] != 1 {
			t.Errorf("%d unreadable, %d senders cleared; want 1 and 1:\n%s", r.Unreadable, r.Cleared["sender"], r)
		}
	})
}

// modernc.org/sqlite's _time_integer_format writes every time.Time as a Unix integer, and
// reads it back as one: the creation times, and the times of the bookkeeping tables, are
// read all the same. Every sweep failed scanning a hold's time.
func TestSQLiteTimesAsIntegers(t *testing.T) {
	for _, format := range []string{"unix", "unix_milli", "unix_micro", "unix_nano"} {
		t.Run(format, func(t *testing.T) {
			ctx := context.Background()
			d := sqliteDB(t)
			d.db = openDB(t, "sqlite", d.path+"?_pragma=journal_mode(WAL)&_time_integer_format="+format)
			table := d.table(t)
			for id := int64(1); id <= 3; id++ {
				d.insert(t, table, id, day(0))
			}
			s := d.sweeper(t, d.db, table, WithPolicy(testPolicy(t)), WithAnonymizeOnPurge())
			if err := s.PlaceHold(ctx, 1, "litigation", day(1)); err != nil {
				t.Fatal(err)
			}
			// Two requests: the earlier, by time, is the one the record is dealt with by.
			for _, at := range []time.Time{day(2), day(1)} {
				if err := s.RequestDeletion(ctx, 2, at); err != nil {
					t.Fatal(err)
				}
			}
			r, err := s.Sweep(ctx, day(30))
			if err != nil {
				t.Fatal(err)
			}
			if r.Held != 1 || len(r.Requests) != 1 || !r.Requests[0].Requested.Equal(day(1)) || !r.Requests[0].Done {
				t.Errorf("held %d, requests %v; want 1, and record 2's of day 1 done", r.Held, r.Requests)
			}
			if diff := cmp.Diff(map[string]int{"sender": 1}, r.Anonymized); diff != "" {
				t.Errorf("anonymised (-want +got):\n%s", diff)
			}
			if err := s.LiftHold(ctx, 1, day(31)); err != nil {
				t.Fatal(err)
			}
			// Row 3's sender is not anonymised again; row 1's TTL, pushed back by its hold
			// of 30 days, has run out.
			r, err = s.Sweep(ctx, day(61))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(map[string]int{"sender": 1}, r.Anonymized); diff != "" {
				t.Errorf("second sweep anonymised (-want +got):\n%s", diff)
			}
		})
	}
}

// A hold or request whose time cannot be read (written by hand in no known layout) leaves
// its record alone, reported, and the rest of the table is swept: it failed every batch
// that met it, and so every sweep.
func TestBookkeepingTimeUnreadable(t *testing.T) {
	ctx := context.Background()
	d := sqliteDB(t)
	table := d.table(t)
	for id := int64(1); id <= 3; id++ {
		d.insert(t, table, id, day(0))
	}
	s := d.sweeper(t, d.db, table)
	d.exec(t, "INSERT INTO pii_holds (table_name, record_key, reason, placed_at) VALUES (?, '1', 'litigation', 'last spring')", table)
	d.exec(t, "INSERT INTO pii_requests (table_name, record_key, requested_at) VALUES (?, '2', 'last spring')", table)
	r, err := s.Sweep(ctx, day(400))
	if !errors.Is(err, ErrRowFailed) || r.Failed != 2 || strings.Contains(err.Error(), "spring") {
		t.Errorf("%d failed, error %v; want 2, ErrRowFailed, not quoting the value", r.Failed, err)
	}
	all := state{true, true, true}
	if diff := cmp.Diff(map[int64]state{1: all, 2: all, 3: {}}, d.states(t, table)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// FuzzNumericTime: a number is read as a time within the years 1 to 9999, or refused; an
// integer and the same number as a real read as the same time, to the millisecond; and a
// number of a unix size reads as a time from 1973 to 2286.
func FuzzNumericTime(f *testing.F) {
	for _, n := range []int64{0, -1, 1721425, 2461193, 5373484, 99999999, 1780000000, 99999999999, 1780000000123, 1780000000123456, 1780000000123456789, 20260601} {
		f.Add(n, 0.0)
	}
	f.Add(int64(0), 2461193.25)
	f.Add(int64(0), 1780000000.5)
	f.Fuzz(func(t *testing.T, i int64, x float64) {
		for _, c := range []struct {
			f float64
			i int64
		}{{float64(i), i}, {x, 0}} {
			got, ok := numericTime(c.f, c.i)
			if !ok {
				continue
			}
			if y := got.Year(); y < 1 || y > 9999 {
				t.Fatalf("numericTime(%v, %d) = %v, outside the years 1 to 9999", c.f, c.i, got)
			}
			if c.f >= julianEnd && (got.Year() < 1973 || got.Year() > 2286) {
				t.Fatalf("numericTime(%v, %d) = %v, outside 1973 to 2286", c.f, c.i, got)
			}
		}
		exact, ok1 := numericTime(float64(i), i)
		approx, ok2 := numericTime(float64(i), 0)
		if ok1 != ok2 {
			t.Fatalf("%d read as an integer (%v) and as a real (%v)", i, ok1, ok2)
		}
		if ok1 && exact.Sub(approx).Abs() > time.Millisecond {
			t.Fatalf("%d reads as %v as an integer, %v as a real", i, exact, approx)
		}
	})
}
