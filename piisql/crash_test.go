package piisql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// failConnector opens SQLite connections whose statements fail when fail says so: a
// database that breaks down at a chosen statement.
type failConnector struct {
	dsn  string
	drv  driver.Driver
	fail func(query string) error
}

func (c *failConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &failConn{Conn: conn, fail: c.fail}, nil
}

func (c *failConnector) Driver() driver.Driver { return c.drv }

type failConn struct {
	driver.Conn
	fail func(query string) error
}

func (c *failConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if err := c.fail(q); err != nil {
		return nil, err
	}
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, q, args)
}

func (c *failConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if err := c.fail(q); err != nil {
		return nil, err
	}
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, q, args)
}

// failingSQLite returns a SQLite database of one connection (so that a connection left
// in a bad state is the one the next call gets) whose statements fail when fail says so.
func failingSQLite(t *testing.T, fail func(query string) error) *testDB {
	d := sqliteDB(t)
	path := filepath.Join(t.TempDir(), "fail.db")
	db := sql.OpenDB(&failConnector{dsn: path + "?_pragma=journal_mode(WAL)", drv: d.db.Driver(), fail: fail})
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	d.db = db
	return d
}

var errInjected = errors.New("injected failure")

// A crash between clearing a batch's columns and writing its bookkeeping (the audit
// insert fails, the COMMIT fails): the batch is undone whole, the connection is left fit
// for use, and the next sweep does the rest, each value cleared and audited once.
func TestSweepFailsMidBatch(t *testing.T) {
	for _, stmt := range []string{"INSERT INTO pii_audit", "COMMIT", "UPDATE pii_requests"} {
		t.Run(stmt, func(t *testing.T) {
			var armed atomic.Bool
			var batches atomic.Int64
			d := failingSQLite(t, func(q string) error {
				if !armed.Load() {
					return nil
				}
				if q == "BEGIN IMMEDIATE" {
					batches.Add(1)
				}
				if strings.HasPrefix(q, stmt) && batches.Load() == 2 {
					return errInjected // in the second batch
				}
				return nil
			})
			table := d.table(t)
			for id := int64(1); id <= 6; id++ {
				d.insert(t, table, id, day(0))
			}
			s := d.sweeper(t, d.db, table, WithBatchSize(3))
			ctx := context.Background()
			for _, id := range []int64{2, 5} {
				if err := s.RequestDeletion(ctx, id, day(1)); err != nil {
					t.Fatal(err)
				}
			}
			armed.Store(true)
			// Day 31: every sender's TTL has run out; rows 2 and 5 lose body and phone too,
			// by their requests.
			r, err := s.Sweep(ctx, day(31))
			if !errors.Is(err, errInjected) {
				t.Fatalf("error %v, want the injected one", err)
			}
			if r.Batches != 1 {
				t.Errorf("%d batches reported, want 1", r.Batches)
			}
			all, sent := state{true, true, true}, state{false, true, true}
			if diff := cmp.Diff(map[int64]state{1: sent, 2: {}, 3: sent, 4: all, 5: all, 6: all}, d.states(t, table)); diff != "" {
				t.Errorf("rows after the failed batch (-want +got):\n%s", diff)
			}
			armed.Store(false)
			r, err = s.Sweep(ctx, day(31))
			if err != nil {
				t.Fatalf("the sweep after the failure: %v", err)
			}
			if diff := cmp.Diff(map[string]int{"sender": 3, "body": 1, "phone": 1}, r.Cleared); diff != "" {
				t.Errorf("cleared by the second sweep (-want +got):\n%s", diff)
			}
			if len(r.Requests) != 1 || !r.Requests[0].Done || r.Requests[0].Key != "5" {
				t.Errorf("second sweep's requests %+v, want 5's done", r.Requests)
			}
			if diff := cmp.Diff(map[int64]state{1: sent, 2: {}, 3: sent, 4: sent, 5: {}, 6: sent}, d.states(t, table)); diff != "" {
				t.Errorf("rows after the second sweep (-want +got):\n%s", diff)
			}
			want := map[string]int{"sender ttl": 6, "body deletion-request": 2, "phone deletion-request": 2}
			if diff := cmp.Diff(want, d.auditTotals(t, table)); diff != "" {
				t.Errorf("audit trail (-want +got):\n%s", diff)
			}
		})
	}
}

// The context is cancelled while a batch writes (here as its first UPDATE runs): that
// batch is finished and committed with its audit rows, the sweep stops after it with an
// error wrapping context.Canceled, and a second sweep does the rest.
func TestSweepCancelledInsideBatch(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var batches atomic.Int64
	d := failingSQLite(t, func(q string) error {
		if q == "BEGIN IMMEDIATE" {
			batches.Add(1)
		}
		if strings.HasPrefix(q, "UPDATE") && batches.Load() == 2 {
			cancel()
		}
		return nil
	})
	table := d.table(t)
	for id := int64(1); id <= 9; id++ {
		d.insert(t, table, id, day(0))
	}
	s := d.sweeper(t, d.db, table, WithBatchSize(3))
	batches.Store(0)
	r, err := s.Sweep(ctx, day(400))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want one wrapping context.Canceled", err)
	}
	if r.Batches != 2 || r.Cleared["sender"] != 6 {
		t.Errorf("%d batches, %d senders cleared; want 2 and 6", r.Batches, r.Cleared["sender"])
	}
	r, err = s.Sweep(context.Background(), day(400))
	if err != nil || r.Cleared["sender"] != 3 {
		t.Errorf("second sweep: %d senders cleared, error %v; want 3", r.Cleared["sender"], err)
	}
	want := map[string]int{"sender ttl": 9, "body ttl": 9, "phone ttl": 9}
	if diff := cmp.Diff(want, d.auditTotals(t, table)); diff != "" {
		t.Errorf("audit trail (-want +got):\n%s", diff)
	}
}

// A dry run under WithAnonymizeOnPurge counts what it would anonymise without reading a
// value: it read every expired value and ran the anonymiser on it, to roll the result back.
func TestDryRunReadsNoValue(t *testing.T) {
	var reading atomic.Bool
	d := failingSQLite(t, func(q string) error {
		// A statement that reads the sender column's value, not a test of it.
		if reading.Load() && (strings.Contains(q, `, "sender",`) || strings.Contains(q, `, "sender" FROM`)) {
			return errInjected
		}
		return nil
	})
	table := d.table(t)
	d.insert(t, table, 1, day(0))
	s := d.sweeper(t, d.db, table, WithPolicy(testPolicy(t)), WithAnonymizeOnPurge())
	reading.Store(true)
	r, err := s.DryRun(context.Background(), day(100))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"sender": 1, "body": 1}, r.Anonymized); diff != "" {
		t.Errorf("anonymised (-want +got):\n%s", diff)
	}
	reading.Store(false)
	if _, err := s.Sweep(context.Background(), day(100)); err != nil {
		t.Fatal(err)
	}
}
