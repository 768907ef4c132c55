package piisql

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"
)

// Machines starting at once each run Migrate: on PostgreSQL two CREATE TABLE IF NOT EXISTS
// of one table at once can fail ("duplicate key value violates unique constraint
// pg_type_typname_nsp_index"); Migrate is safe to run at every start, so none may fail.
func TestMigrateConcurrently(t *testing.T) {
	dsn := os.Getenv("PII_PG_DSN")
	if dsn == "" {
		t.Skip("PII_PG_DSN is not set: the PostgreSQL tests need a server (./ci starts one)")
	}
	d := pgDB(t)
	for round := range 10 {
		schema := fmt.Sprintf("migrate_%d_%d", time.Now().UnixNano(), round)
		d.exec(t, "CREATE SCHEMA "+schema)
		d.exec(t, "CREATE TABLE "+schema+".msgs (id BIGINT PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL, sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			db, err := sql.Open("pgx", dsn+" search_path="+schema)
			if err != nil {
				t.Fatal(err)
			}
			s, err := New[message](context.Background(), db, PostgreSQL, "msgs", "id")
			if err != nil {
				t.Fatal(err)
			}
			wg.Go(func() {
				errs[i] = s.Migrate(context.Background())
				db.Close()
			})
		}
		wg.Wait()
		d.exec(t, "DROP SCHEMA "+schema+" CASCADE")
		for _, err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}
