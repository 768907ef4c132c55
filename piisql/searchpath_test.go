package piisql

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// On PostgreSQL a table named without its schema is found through the connection's
// search_path, whose schema may be named with characters no plain identifier has
// ("my-app", "Müller"). New panicked quoting it; the table is now swept.
func TestSchemaOfSearchPathPostgreSQL(t *testing.T) {
	d := pgDB(t)
	if d == nil {
		t.Skip("PII_PG_DSN is not set: the PostgreSQL tests need a server (./ci starts one)")
	}
	ctx := context.Background()
	for _, schema := range []string{"my-app", `Mü"ller`} {
		t.Run(schema, func(t *testing.T) {
			quoted := `"` + strings.ReplaceAll(schema, `"`, `""`) + `"`
			d.exec(t, "CREATE SCHEMA "+quoted)
			t.Cleanup(func() { d.db.Exec("DROP SCHEMA " + quoted + " CASCADE") })
			db := d.open(t)
			db.SetMaxOpenConns(1)
			if _, err := db.Exec("SET search_path TO " + quoted); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(`CREATE TABLE messages (id BIGINT PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL,
				sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)`); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(`INSERT INTO messages VALUES (1, $1, 'a@example.com', 'hello', '+44 20 7946 0000', 'billing')`, day(0)); err != nil {
				t.Fatal(err)
			}
			s := d.sweeper(t, db, "messages")
			r, err := s.Sweep(ctx, day(400))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(map[string]int{"sender": 1, "body": 1, "phone": 1}, r.Cleared); diff != "" {
				t.Errorf("cleared (-want +got):\n%s", diff)
			}
		})
	}
}
