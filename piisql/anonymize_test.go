package piisql

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// values reads what each row's sender and body hold.
func (d *testDB) values(t *testing.T, table string) map[int64][2]sql.NullString {
	t.Helper()
	rows, err := d.db.Query("SELECT id, sender, body FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64][2]sql.NullString{}
	for rows.Next() {
		var id int64
		var v [2]sql.NullString
		if err := rows.Scan(&id, &v[0], &v[1]); err != nil {
			t.Fatal(err)
		}
		out[id] = v
	}
	return out
}

// Under WithAnonymizeOnPurge an expired column is anonymised by the policy, once: a second
// sweep leaves the anonymised value as it is, and a deletion request still clears it.
func TestSweepAnonymizes(t *testing.T) {
	pol := testPolicy(t)
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		d.insert(t, table, 1, day(0))  // 100 days old: sender and body expired
		d.insert(t, table, 2, day(60)) // 40 days old: sender expired
		d.insert(t, table, 3, day(95)) // 5 days old: nothing
		before := d.values(t, table)
		s := d.sweeper(t, d.db, table, WithPolicy(pol), WithAnonymizeOnPurge())
		r, err := s.Sweep(ctx, day(100))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]int{"sender": 2, "body": 1}, r.Anonymized); diff != "" {
			t.Errorf("anonymised (-want +got):\n%s", diff)
		}
		if len(r.Cleared) != 0 {
			t.Errorf("cleared %v, want nothing", r.Cleared)
		}
		after := d.values(t, table)
		for _, id := range []int64{1, 2} {
			got := after[id][0]
			if !got.Valid || got.String == "" || got == before[id][0] || strings.Contains(got.String, "user") {
				t.Errorf("row %d: sender %q, want a pseudonym of %q", id, got.String, before[id][0].String)
			}
		}
		if after[1][1] == before[1][1] {
			t.Errorf("row 1: body kept its value after its TTL")
		}
		if after[2][1] != before[2][1] || after[3] != before[3] {
			t.Errorf("a column not yet expired changed")
		}

		again, err := s.Sweep(ctx, day(101))
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Anonymized) != 0 {
			t.Errorf("a second sweep anonymised again: %v", again.Anonymized)
		}
		if diff := cmp.Diff(after, d.values(t, table)); diff != "" {
			t.Errorf("a second sweep changed anonymised values (-want +got):\n%s", diff)
		}
		want := map[string]int{"sender ttl-anonymized": 2, "body ttl-anonymized": 1}
		if diff := cmp.Diff(want, d.auditTotals(t, table)); diff != "" {
			t.Errorf("audit trail (-want +got):\n%s", diff)
		}

		if err := s.RequestDeletion(ctx, 2, day(101)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Sweep(ctx, day(101)); err != nil {
			t.Fatal(err)
		}
		// Every MTL of row 2 (created on day 60) has ended: the request clears it all,
		// the anonymised sender included.
		if got := d.states(t, table)[2]; got != (state{}) {
			t.Errorf("row 2 after its deletion request: %+v, want every column cleared", got)
		}
	})
}

type contact struct {
	Sender *string `pii:"email,ttl=30"`
}

// embedsUnexported holds its sender behind a pointer to an unexported embedded struct,
// which reflection cannot allocate.
type embedsUnexported struct {
	*contact
	ID      int64     `db:"id" pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
}

// embedsValue holds it in an unexported embedded struct, which reflection can set.
type embedsValue struct {
	contact
	ID      int64     `db:"id" pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
}

// Anonymising a field of an embedded struct, and through New of a pointer type: the
// sweep panicked ("reflect.Value.Set using value obtained using unexported field", and a
// field of a nil pointer for New[*T]); now a field reflection cannot fill is refused at
// New, naming it, and the others are anonymised.
func TestAnonymizeEmbedded(t *testing.T) {
	pol := testPolicy(t)
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		opts := []Option{WithAnonymizeOnPurge(), WithPolicy(pol)}
		_, err := New[embedsUnexported](ctx, d.db, d.dialect, table, "id", opts...)
		if !errors.Is(err, ErrUnsettable) || !strings.Contains(err.Error(), "column sender (field Sender)") {
			t.Errorf("behind a pointer to an unexported struct: error %v, want ErrUnsettable naming column sender", err)
		}
		news := []func() (*Sweeper, error){
			func() (*Sweeper, error) { return New[embedsValue](ctx, d.db, d.dialect, table, "id", opts...) },
			func() (*Sweeper, error) { return New[*message](ctx, d.db, d.dialect, table, "id", opts...) },
		}
		for i, newSweeper := range news {
			d.exec(t, "DELETE FROM "+table)
			d.insert(t, table, 1, day(0))
			r, err := must(t)(newSweeper()).Sweep(ctx, day(40))
			if err != nil {
				t.Fatalf("sweeper %d: %v", i, err)
			}
			if diff := cmp.Diff(map[string]int{"sender": 1}, r.Anonymized); diff != "" {
				t.Errorf("sweeper %d: anonymised (-want +got):\n%s", i, diff)
			}
			if got := d.values(t, table)[1][0].String; got == "user1@example.com" || got == "" {
				t.Errorf("sweeper %d: sender %q after the sweep, want a pseudonym", i, got)
			}
			d.exec(t, "DELETE FROM pii_anonymized WHERE table_name = ?", table)
		}
	})
}

// One batch anonymising three columns of 6,000 rows: its record of what it anonymised (a
// row of pii_anonymized per value) is written in statements that stay within the
// databases' limits on bound parameters. One INSERT of them all (72,000 parameters, over
// both limits) failed every such sweep.
func TestAnonymizeLargeBatch(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		const n = 6000
		d.fill(t, table, n)
		s := d.sweeper(t, d.db, table, WithPolicy(testPolicy(t)), WithAnonymizeOnPurge(), WithBatchSize(MaxBatchSize))
		r, err := s.Sweep(ctx, day(800))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]int{"sender": n, "body": n, "phone": n}, r.Anonymized); diff != "" || r.Batches != 1 {
			t.Errorf("%d batches, anonymised (-want +got):\n%s", r.Batches, diff)
		}
		q := "SELECT COUNT(*) FROM pii_anonymized WHERE table_name = ?"
		if d.dialect == PostgreSQL {
			q = dollars(q)
		}
		var recorded int
		if err := d.db.QueryRow(q, table).Scan(&recorded); err != nil || recorded != 3*n {
			t.Errorf("%d values recorded as anonymised (error %v), want %d", recorded, err, 3*n)
		}
	})
}

// A key used again (SQLite gives a new row the key of the deleted last one; an application
// may insert one): the new row's values are anonymised when their TTL runs out. The record
// that the old row's values were anonymised (dated before the new row was created) kept
// the new row's personal data for ever.
func TestAnonymizeKeyUsedAgain(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t)
		d.insert(t, table, 1, day(0))
		s := d.sweeper(t, d.db, table, WithPolicy(testPolicy(t)), WithAnonymizeOnPurge())
		if _, err := s.Sweep(ctx, day(40)); err != nil {
			t.Fatal(err)
		}
		d.exec(t, "DELETE FROM "+table)
		d.insert(t, table, 1, day(50))
		r, err := s.Sweep(ctx, day(90))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]int{"sender": 1}, r.Anonymized); diff != "" {
			t.Errorf("anonymised (-want +got):\n%s", diff)
		}
		if got := d.values(t, table)[1][0].String; got == "user1@example.com" {
			t.Errorf("the new row's sender is kept after its TTL")
		}
		// And only once: the next sweep leaves the pseudonym as it is.
		if r, err := s.Sweep(ctx, day(91)); err != nil || len(r.Anonymized) != 0 {
			t.Errorf("third sweep: anonymised %v, error %v; want nothing", r.Anonymized, err)
		}
	})
}
