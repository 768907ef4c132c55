package piisql

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// benchRows is the size of the table the benchmark sweeps.
const benchRows = 1_000_000

// fillMillion fills table with benchRows messages: see fill.
func (d *testDB) fillMillion(b *testing.B, table string) { d.fill(b, table, benchRows) }

// fill fills table with n messages, message g created on day(g%400), by one INSERT ...
// SELECT in the database, not row by row.
func (d *testDB) fill(tb testing.TB, table string, n int) {
	tb.Helper()
	if d.dialect == PostgreSQL {
		d.exec(tb, fmt.Sprintf(`INSERT INTO %s (id, created_at, sender, body, phone, topic)
			SELECT g, TIMESTAMPTZ '2026-06-01 10:00:00Z' + ((g %% 400) * INTERVAL '1 day'), 'a@example.com', 'hello',
				'+44 20 7946 0000', 'billing' FROM generate_series(1, %d) AS g`, table, n))
		d.exec(tb, "ANALYZE "+table)
		return
	}
	d.exec(tb, fmt.Sprintf(`WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < %d)
		INSERT INTO %s (id, created_at, sender, body, phone, topic)
		SELECT x, strftime('%%Y-%%m-%%d 10:00:00', '2026-06-01', '+' || (x %% 400) || ' days'), 'a@example.com', 'hello',
			'+44 20 7946 0000', 'billing' FROM g`, n, table))
}

// BenchmarkSweepMillion sweeps a table of a million rows of mixed ages, in which about
// 1.8 million column values are due, and reports rows per second and the longest batch.
// It is not part of the normal test run: go test -run - -bench SweepMillion -benchtime 1x.
func BenchmarkSweepMillion(b *testing.B) {
	dbs := []*testDB{sqliteDB(b)}
	if pg := pgDB(b); pg != nil {
		dbs = append(dbs, pg)
	}
	for _, d := range dbs {
		b.Run(d.name, func(b *testing.B) {
			var longest time.Duration
			var rows int
			for b.Loop() {
				b.StopTimer()
				table := d.table(b)
				d.fillMillion(b, table)
				s := d.sweeper(b, d.db, table)
				b.StartTimer()
				r, err := s.Sweep(context.Background(), day(400))
				if err != nil {
					b.Fatal(err)
				}
				longest = max(longest, r.LongestBatch)
				rows += r.Rows
				b.Logf("%s: %d rows in %v (%d batches, longest %v), cleared %v", d.name, r.Rows, r.Duration,
					r.Batches, r.LongestBatch, r.Cleared)
			}
			b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(longest.Milliseconds()), "longest-batch-ms")
		})
	}
}
