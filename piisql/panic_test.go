package piisql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"testing"
	"time"
)

// panicText is a field type whose Value panics, as an application's own driver.Valuer
// may.
type panicText string

func (p panicText) Value() (driver.Value, error) {
	if p == "" {
		return "", nil
	}
	panic("a valuer of the application")
}

type panicMessage struct {
	ID      int64          `db:"id" pii:"no"`
	Created time.Time      `db:"created_at" pii:"no,created"`
	Sender  panicText      `pii:"email,ttl=30"`
	Body    *string        `pii:"true,mtl=7,ttl=90"`
	Phone   sql.NullString `pii:"phone,mtl=30,ttl=365"`
	Topic   string         `pii:"no"`
}

// A panic inside a batch (here an application's driver.Valuer, of a value anonymised under
// WithAnonymizeOnPurge) reaches the caller with the batch's transaction ended and its
// connection back in the pool. The connection stayed taken, its transaction open: on
// SQLite holding the write lock, so that every later write of the application waited
// for it and failed; on PostgreSQL holding the batch's rows.
func TestSweepPanicEndsBatch(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		d.insert(t, table, 1, day(0))
		s := must(t)(New[panicMessage](ctx, d.db, d.dialect, table, "id", WithPolicy(testPolicy(t)), WithAnonymizeOnPurge()))
		func() {
			defer func() {
				if p := recover(); p != "a valuer of the application" {
					t.Errorf("recovered %v, want the scanner's panic", p)
				}
			}()
			s.Sweep(ctx, day(400))
		}()
		if n := d.db.Stats().InUse; n != 0 {
			if d.dialect == PostgreSQL {
				// Ends the lost transaction, which would block dropping the table.
				d.db.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
					WHERE pid <> pg_backend_pid() AND state LIKE 'idle in transaction%' AND query LIKE '%' || $1 || '%'`, table)
			}
			t.Fatalf("%d connections still taken after the panic, want 0", n)
		}
		wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		q := fmt.Sprintf("UPDATE %s SET topic = 'x' WHERE id = 1", table)
		if _, err := d.db.ExecContext(wctx, q); err != nil {
			t.Errorf("the application's write after the panic: %v", err)
		}
	})
}
