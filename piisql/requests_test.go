package piisql

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// A deletion request on a row whose creation time is NULL is carried out, its minimum
// retentions counted from the request (the latest the row can have been created, so no
// column goes before its MTL allows): it was accepted, then never carried out nor reported.
func TestRequestWithoutCreationTime(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		table := d.table(t) + "_nc"
		d.exec(t, "CREATE TABLE "+table+" (id "+d.idType+", created_at "+d.tsType+", sender TEXT NOT NULL, body TEXT, phone TEXT, topic TEXT)")
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + table) })
		d.exec(t, "INSERT INTO "+table+" (id, sender, body, phone) VALUES (1, 'a@example.com', 'x', '+44 20 7946 0000')")
		s := d.sweeper(t, d.db, table)
		if err := s.RequestDeletion(ctx, 1, day(1)); err != nil {
			t.Fatal(err)
		}
		// Before the request's time nothing is due, and nothing fails.
		if r, err := s.Sweep(ctx, day(0)); err != nil || len(r.Cleared) != 0 {
			t.Errorf("day 0: cleared %v, error %v; want nothing", r.Cleared, err)
		}
		r, err := s.Sweep(ctx, day(2))
		if err != nil {
			t.Fatal(err)
		}
		// sender goes at once, body after its 7 days, phone after its 30.
		if diff := cmp.Diff(map[int64]state{1: {false, true, true}}, d.states(t, table)); diff != "" {
			t.Errorf("day 2 (-want +got):\n%s", diff)
		}
		want := []RequestStatus{{Key: "1", Requested: day(1), DeletedAt: day(31), GoneBy: day(32)}}
		if diff := cmp.Diff(want, r.Requests, cmpopts.IgnoreUnexported(RequestStatus{})); diff != "" {
			t.Errorf("day 2 requests (-want +got):\n%s", diff)
		}
		if r.NoCreated != 1 {
			t.Errorf("NoCreated %d, want 1", r.NoCreated)
		}
		if r, err = s.Sweep(ctx, day(31)); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[int64]state{1: {}}, d.states(t, table)); diff != "" {
			t.Errorf("day 31 (-want +got):\n%s", diff)
		}
		want[0].Done = true
		if diff := cmp.Diff(want, r.Requests, cmpopts.IgnoreUnexported(RequestStatus{})); diff != "" {
			t.Errorf("day 31 requests (-want +got):\n%s", diff)
		}
	})
}

// Two requests for one record: carrying the record's deletion out closes both (the second
// stayed pending for ever once WithDeleteRows had deleted the row).
func TestTwoRequestsOneRecord(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		ctx := context.Background()
		for _, deleteRows := range []bool{false, true} {
			table := d.table(t)
			d.insert(t, table, 1, day(0))
			var opts []Option
			if deleteRows {
				opts = append(opts, WithDeleteRows())
			}
			s := d.sweeper(t, d.db, table, opts...)
			for _, at := range []int{1, 2} {
				if err := s.RequestDeletion(ctx, 1, day(at)); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.Sweep(ctx, day(100)); err != nil {
				t.Fatal(err)
			}
			q := "SELECT COUNT(*) FROM pii_requests WHERE table_name = ? AND done_at IS NULL"
			if d.dialect == PostgreSQL {
				q = dollars(q)
			}
			var pending int
			if err := d.db.QueryRow(q, table).Scan(&pending); err != nil {
				t.Fatal(err)
			}
			if pending != 0 {
				t.Errorf("delete rows %v: %d requests left pending, want 0", deleteRows, pending)
			}
		}
	})
}
