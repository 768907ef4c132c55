package piisql

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Legacy is embedded in shadowed, whose own Email field hides its Email, as Go's promotion
// rules say.
type Legacy struct {
	Email string `db:"old_email" pii:"no"`
}

type shadowed struct {
	Legacy
	ID      int64     `db:"id" pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
	Email   string    `db:"sender" pii:"email,ttl=30"`
}

// A field that hides a promoted one of the same name keeps its own column: the email tag
// of shadowed.Email was applied to the embedded field's column old_email, which was
// cleared, and sender, the personal data, never was.
func TestShadowedField(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t) + "_s"
		d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+d.tsType+" NOT NULL, sender TEXT NOT NULL, old_email TEXT)")
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		d.exec(t, "INSERT INTO "+table+" VALUES (1, ?, 'a@example.com', 'legacy')", day(0).UTC())
		s := must(t)(New[shadowed](ctx, d.db, d.dialect, table, "id"))
		if _, err := s.Sweep(ctx, day(30)); err != nil {
			t.Fatal(err)
		}
		var sender, old string
		if err := d.db.QueryRow("SELECT sender, old_email FROM "+table).Scan(&sender, &old); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([2]string{"", "legacy"}, [2]string{sender, old}); diff != "" {
			t.Errorf("sender and old_email after the sweep (-want +got):\n%s", diff)
		}
	})
}
