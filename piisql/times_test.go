package piisql

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Tables written elsewhere keep creation times in SQLite as text or Unix seconds; a NULL
// creation time leaves the row alone and is counted.
func TestCreatedColumnForms(t *testing.T) {
	created := day(0)
	tests := []struct {
		name, decl string
		value      any
	}{
		{"RFC 3339 text", "TEXT", created.Format(time.RFC3339)},
		{"RFC 3339 with an offset", "TEXT", created.In(time.FixedZone("", -5*3600)).Format(time.RFC3339Nano)},
		{"SQLite text", "TEXT", created.Format("2006-01-02 15:04:05")},
		{"Unix seconds", "INTEGER", created.Unix()},
		{"timestamp", "TIMESTAMP", created},
		{"NULL", "TEXT", nil},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sqliteDB(t)
			table := fmt.Sprintf("forms_%d", i)
			d.exec(t, "CREATE TABLE "+table+" (id INTEGER PRIMARY KEY, created_at "+tt.decl+", sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
			d.exec(t, "INSERT INTO "+table+" VALUES (1, ?, 'a@example.com', 'x', '+1 202 555 0100', '')", tt.value)
			s := d.sweeper(t, d.db, table)
			// A minute before and at the sender's 30 days.
			for _, now := range []time.Time{day(30).Add(-time.Minute), day(30)} {
				r, err := s.Sweep(context.Background(), now)
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]int{}
				if now.Equal(day(30)) && tt.value != nil {
					want["sender"] = 1
				}
				if diff := cmp.Diff(want, r.Cleared); diff != "" {
					t.Errorf("at %v, cleared (-want +got):\n%s", now, diff)
				}
				if wantNo := map[bool]int{true: 1}[tt.value == nil]; r.NoCreated != wantNo {
					t.Errorf("NoCreated %d, want %d", r.NoCreated, wantNo)
				}
			}
		})
	}
}

func TestCreatedUnreadable(t *testing.T) {
	d := sqliteDB(t)
	d.exec(t, "CREATE TABLE bad (id INTEGER PRIMARY KEY, created_at TEXT, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
	d.exec(t, "INSERT INTO bad VALUES (1, 'next tuesday', 'a@example.com', 'x', NULL, '')")
	s := d.sweeper(t, d.db, "bad")
	_, err := s.Sweep(context.Background(), day(40))
	want := "piisql: table bad, column created_at: creation time in no known layout"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}
