package piisql

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A creation time stored without its zone (PostgreSQL's timestamp and date, SQLite text
// with no offset, whatever the column's declared type) is a wall-clock time in
// WithLocation's zone: the sender's 30 days end at the same wall-clock time there, not
// hours early or late as when it was read as UTC.
func TestCreatedWithoutZone(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		decls := []string{"TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE", "TEXT"}
		if d.dialect == SQLite {
			decls = []string{"TIMESTAMP", "DATETIME", "TEXT"}
		}
		for _, zone := range []string{"America/New_York", "Asia/Tokyo"} {
			loc, err := time.LoadLocation(zone)
			if err != nil {
				t.Fatal(err)
			}
			for _, decl := range decls {
				if d.dialect == PostgreSQL && decl == "TEXT" {
					continue // PostgreSQL reads text as text: TestCreatedColumnForms
				}
				t.Run(zone+" "+decl, func(t *testing.T) {
					table := d.table(t) + "_z"
					d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+decl+" NOT NULL, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
					t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
					// 1 March 10:00 there; the sender's TTL ends 31 March 10:00 there,
					// after New York's change to summer time.
					d.exec(t, "INSERT INTO "+table+" (id, created_at, sender) VALUES (1, '2026-03-01 10:00:00', 'a@example.com')")
					s := d.sweeper(t, d.db, table, WithLocation(loc))
					end := time.Date(2026, 3, 31, 10, 0, 0, 0, loc)
					for _, tt := range []struct {
						now  time.Time
						want int
					}{{end.Add(-time.Nanosecond), 0}, {end, 1}, {end.Add(time.Nanosecond), 1}} {
						r, err := s.DryRun(context.Background(), tt.now)
						if err != nil {
							t.Fatal(err)
						}
						if diff := cmp.Diff(tt.want, r.Cleared["sender"]); diff != "" {
							t.Errorf("at %v, senders cleared (-want +got):\n%s", tt.now, diff)
						}
					}
				})
			}
		}
	})
}

// A time that database/sql's SQLite driver wrote into a TEXT column (Go's Time.String
// form, "2026-06-01 10:00:00 +0000 UTC") is read, not refused as in no known layout.
func TestCreatedTextWrittenByDriver(t *testing.T) {
	d := sqliteDB(t)
	d.exec(t, "CREATE TABLE tx (id INTEGER PRIMARY KEY, created_at TEXT, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
	tokyo := time.FixedZone("JST", 9*3600)
	d.exec(t, "INSERT INTO tx (id, created_at, sender) VALUES (1, ?, 'a@example.com')", day(0).In(tokyo))
	s := d.sweeper(t, d.db, "tx")
	for _, tt := range []struct {
		now  time.Time
		want int
	}{{day(30).Add(-time.Nanosecond), 0}, {day(30), 1}} {
		r, err := s.DryRun(context.Background(), tt.now)
		if err != nil {
			t.Fatal(err)
		}
		if r.Cleared["sender"] != tt.want {
			t.Errorf("at %v: %d senders cleared, want %d", tt.now, r.Cleared["sender"], tt.want)
		}
	}
}
