package piisql

import (
	"context"
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
