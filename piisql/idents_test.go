package piisql

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// odd has columns named after SQL keywords and in mixed case.
type odd struct {
	Select int64     `db:"select" pii:"no"`
	When   time.Time `db:"When" pii:"no,created"`
	User   *string   `db:"user" pii:"email,ttl=30"`
	Order  *string   `db:"Order" pii:"true,ttl=30"`
}

// A table in a schema of its own, named after a keyword and in mixed case, with keyword
// and mixed-case columns (PostgreSQL keeps the case of quoted names): swept, held and
// requested through, each name quoted, the hold seen however the schema is spelt.
func TestOddIdentifiers(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		schema, name := "", fmt.Sprintf("Table_%d", tableSeq.Add(1))
		if d.dialect == PostgreSQL {
			schema = fmt.Sprintf("Audit_%d", time.Now().UnixNano())
			d.exec(t, `CREATE SCHEMA "`+schema+`"`)
			t.Cleanup(func() { d.db.Exec(`DROP SCHEMA "` + schema + `" CASCADE`) })
		}
		qualified := `"` + name + `"`
		table := name
		if schema != "" {
			qualified = `"` + schema + `".` + qualified
			table = schema + "." + name
		}
		d.exec(t, "CREATE TABLE "+qualified+` ("select" BIGINT PRIMARY KEY, "When" `+d.tsType+` NOT NULL, "user" TEXT, "Order" TEXT)`)
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + qualified) })
		for id := int64(1); id <= 3; id++ {
			d.exec(t, "INSERT INTO "+qualified+" VALUES (?, ?, 'a@example.com', 'x')", id, day(0).UTC())
		}
		s := must(t)(New[odd](ctx, d.db, d.dialect, table, "select"))
		if err := s.PlaceHold(ctx, 1, "litigation", day(1)); err != nil {
			t.Fatal(err)
		}
		if err := s.RequestDeletion(ctx, 2, day(1)); err != nil {
			t.Fatal(err)
		}
		r, err := s.Sweep(ctx, day(30))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]int{"user": 2, "Order": 2}, r.Cleared); diff != "" || r.Held != 1 {
			t.Errorf("held %d, cleared (-want +got):\n%s", r.Held, diff)
		}
		rows, err := d.db.Query(`SELECT "select", "user" IS NULL, "Order" IS NULL FROM ` + qualified + ` ORDER BY "select"`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var id int64
			var u, o bool
			if err := rows.Scan(&id, &u, &o); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%d %v %v", id, u, o))
		}
		if diff := cmp.Diff([]string{"1 false false", "2 true true", "3 true true"}, got); diff != "" {
			t.Errorf("rows (-want +got):\n%s", diff)
		}
	})
}
