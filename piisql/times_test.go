package piisql

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// A creation time in no known layout, in one row of many: the rest of the table is swept;
// the row is left alone as one without a creation time (a hold can be placed on it, a
// deletion request is carried out), and the sweep's error names its key and column, never
// the value. One such row stopped every sweep of its table, and its error named no row.
func TestCreatedUnreadable(t *testing.T) {
	d := sqliteDB(t)
	ctx := context.Background()
	d.exec(t, "CREATE TABLE bad (id INTEGER PRIMARY KEY, created_at TEXT, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
	for id := 1; id <= 5; id++ {
		created := day(0).Format(time.RFC3339)
		if id == 2 || id == 4 {
			created = "next tuesday"
		}
		d.exec(t, "INSERT INTO bad VALUES (?, ?, 'a@example.com', 'x', '+44 20 7946 0000', '')", id, created)
	}
	s := d.sweeper(t, d.db, "bad", WithBatchSize(2))
	if err := s.PlaceHold(ctx, 2, "litigation", day(1)); err != nil {
		t.Fatalf("PlaceHold on the unreadable row: %v", err)
	}
	if err := s.RequestDeletion(ctx, 4, day(1)); err != nil {
		t.Fatalf("RequestDeletion on the unreadable row: %v", err)
	}
	r, err := s.Sweep(ctx, day(40))
	want := "piisql: sweep of table bad: 2 rows with a creation time that cannot be read, the first record 2 (column created_at)"
	if err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, ErrCreatedUnreadable) {
		t.Errorf("error %v, want ErrCreatedUnreadable, %q", err, want)
	}
	if strings.Contains(err.Error(), "tuesday") {
		t.Errorf("error %q quotes the value", err)
	}
	// Rows 1, 3, 5: sender's 30 days are up. Row 4: its request, counted from day 1, has
	// cleared sender and body (7 days), and phone (30 days). Row 2: held.
	sent := state{false, true, true}
	if diff := cmp.Diff(map[int64]state{1: sent, 2: {true, true, true}, 3: sent, 4: {}, 5: sent}, d.states(t, "bad")); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if r.Unreadable != 2 || r.Held != 0 {
		t.Errorf("Unreadable %d, Held %d; want 2 and 0", r.Unreadable, r.Held)
	}
}
