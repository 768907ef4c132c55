package piisql

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// Another process holds SQLite's write lock for a moment (here a connection of another
// handle on the file, in BEGIN IMMEDIATE): every call that writes waits for it, as a
// sweep's batch does, rather than fail at once with "database is locked".
func TestSQLiteWaitsForTheWriteLock(t *testing.T) {
	d := sqliteDB(t)
	ctx := context.Background()
	table := d.table(t)
	d.insert(t, table, 1, day(0))
	setup := d.sweeper(t, d.db, table)
	if err := setup.PlaceHold(ctx, 1, "litigation", day(1)); err != nil {
		t.Fatal(err)
	}
	calls := []struct {
		name string
		call func(s *Sweeper) error
	}{
		{"LiftHold", func(s *Sweeper) error { return s.LiftHold(ctx, 1, day(2)) }},
		{"PlaceHold", func(s *Sweeper) error { return s.PlaceHold(ctx, 1, "fraud review", day(3)) }},
		{"RequestDeletion", func(s *Sweeper) error { return s.RequestDeletion(ctx, 1, day(3)) }},
		{"Sweep", func(s *Sweeper) error { _, err := s.Sweep(ctx, day(40)); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			other := d.open(t)
			conn, err := other.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				time.Sleep(200 * time.Millisecond)
				conn.ExecContext(ctx, "COMMIT")
			}()
			// A fresh handle, as a new process has: none of its connections has been
			// set up by an earlier batch.
			s, err := New[message](ctx, d.open(t), SQLite, table, "id")
			if err != nil {
				t.Fatal(err)
			}
			if err := c.call(s); err != nil {
				t.Errorf("%s while another process writes: %v", c.name, err)
			}
			<-done
		})
	}
}

// A sweep, a hold and a request leave SQLite's busy timeout of the pool's connections as
// they found it, short or long: the 30 s a batch waits for another writer stayed set on
// the connection, and the application's statements on it waited 30 s where they had been
// set to fail at once.
func TestSQLiteBusyTimeoutRestored(t *testing.T) {
	for _, timeout := range []int{0, 1234, 60000} {
		t.Run(fmt.Sprint(timeout), func(t *testing.T) {
			ctx := context.Background()
			d := sqliteDB(t)
			table := d.table(t)
			d.insert(t, table, 1, day(0))
			d.insert(t, table, 2, day(0))
			db := openDB(t, "sqlite", d.path+
				fmt.Sprintf("?_pragma=journal_mode(WAL)&_pragma=busy_timeout(%d)", timeout))
			db.SetMaxOpenConns(1) // every call gets the one connection
			s := d.sweeper(t, db, table)
			calls := []func() error{
				func() error { return s.PlaceHold(ctx, 1, "litigation", day(1)) },
				func() error { return s.RequestDeletion(ctx, 2, day(1)) },
				func() error { _, err := s.Sweep(ctx, day(40)); return err },
				func() error { _, err := s.DryRun(ctx, day(40)); return err },
				func() error { return s.LiftHold(ctx, 1, day(41)) },
			}
			for i, call := range calls {
				if err := call(); err != nil {
					t.Fatal(err)
				}
				var got int
				if err := db.QueryRow("PRAGMA busy_timeout").Scan(&got); err != nil {
					t.Fatal(err)
				}
				if got != timeout {
					t.Errorf("after call %d, busy timeout %d, want %d", i, got, timeout)
				}
			}
		})
	}
}
