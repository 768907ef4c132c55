package piisql

import (
	"context"
	"fmt"
	"time"
)

// batchWriter gathers a batch's decisions and writes them: one UPDATE per column and rule,
// one DELETE, the closed requests, and an audit row for each statement that changed rows.
type batchWriter struct {
	s       *Sweeper
	tx      *txn
	now     time.Time
	groups  []group // in order of first use
	deletes group
	reqs    []RequestStatus
}

// group is the keys one statement applies to.
type group struct {
	col      int
	rule     string
	keys     []any
	keyTexts []string
}

func newBatchWriter(s *Sweeper, tx *txn, now time.Time) *batchWriter {
	return &batchWriter{s: s, tx: tx, now: now, deletes: group{col: -1, rule: ruleRow}}
}

// add records what v says to do to the row.
func (w *batchWriter) add(rw *row, v verdict) {
	if v.req != nil {
		w.reqs = append(w.reqs, *v.req)
	}
	if v.deleteRow {
		w.deletes.keys = append(w.deletes.keys, rw.key)
		w.deletes.keyTexts = append(w.deletes.keyTexts, rw.keyText)
		return
	}
	for _, cd := range v.cols {
		g := w.group(cd)
		g.keys = append(g.keys, rw.key)
		g.keyTexts = append(g.keyTexts, rw.keyText)
	}
}

func (w *batchWriter) group(cd colDue) *group {
	for i := range w.groups {
		if g := &w.groups[i]; g.col == cd.col && g.rule == cd.rule {
			return g
		}
	}
	w.groups = append(w.groups, group{col: cd.col, rule: cd.rule})
	return &w.groups[len(w.groups)-1]
}

// flush writes the batch's changes and audit rows, and counts them into r and b.
func (w *batchWriter) flush(ctx context.Context, r *Report, b *Batch) error {
	s := w.s
	for _, g := range w.groups {
		c := s.m.Columns[g.col]
		q := s.newQuery().sql("UPDATE ", s.table, " SET ", quote(c.Name), " = ")
		if c.NotNull {
			q.arg(c.zero())
		} else {
			q.sql("NULL")
		}
		q.sql(" WHERE ", quote(s.m.Key), " IN ").in(g.keys).sql(" AND ")
		s.notCleared(q, c)
		n, err := w.exec(ctx, q)
		if err != nil {
			return err
		}
		if n > 0 {
			r.Cleared[c.Name] += n
			b.Cleared += n
		}
		if err := w.audit(ctx, c.Name, g, n); err != nil {
			return err
		}
	}
	if len(w.deletes.keys) > 0 {
		q := s.newQuery().sql("DELETE FROM ", s.table, " WHERE ", quote(s.m.Key), " IN ").in(w.deletes.keys)
		n, err := w.exec(ctx, q)
		if err != nil {
			return err
		}
		r.Deleted += n
		b.Deleted += n
		if err := w.audit(ctx, "", w.deletes, n); err != nil {
			return err
		}
	}
	for _, st := range w.reqs {
		if st.Done {
			q := s.newQuery().sql("UPDATE pii_requests SET done_at = ").arg(w.now.UTC()).
				sql(", deleted_at = ").arg(st.DeletedAt.UTC()).sql(", gone_by = ").arg(st.GoneBy.UTC()).
				sql(" WHERE id = ").arg(st.id)
			if _, err := w.exec(ctx, q); err != nil {
				return err
			}
		}
		r.Requests = append(r.Requests, st)
	}
	return nil
}

func (w *batchWriter) exec(ctx context.Context, q *query) (int, error) {
	res, err := w.tx.ExecContext(ctx, q.String(), q.args...)
	if err != nil {
		return 0, fmt.Errorf("piisql: sweep of table %s: %w", w.s.m.Table, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("piisql: sweep of table %s: %w", w.s.m.Table, err)
	}
	return int(n), nil
}

// audit records that a statement changed n rows of column col (none for a row deletion)
// under g's rule, between g's first and last key. Nothing is recorded when n is 0.
func (w *batchWriter) audit(ctx context.Context, col string, g group, n int) error {
	if n == 0 {
		return nil
	}
	s := w.s
	q := s.newQuery().sql("INSERT INTO pii_audit (table_name, column_name, rule, row_count, first_key, last_key, swept_at) VALUES (").
		arg(s.m.Table).sql(", ")
	if col == "" {
		q.sql("NULL")
	} else {
		q.arg(col)
	}
	q.sql(", ").arg(g.rule).sql(", ").arg(int64(n)).sql(", ").arg(g.keyTexts[0]).sql(", ").
		arg(g.keyTexts[len(g.keyTexts)-1]).sql(", ").arg(w.now.UTC()).sql(")")
	_, err := w.exec(ctx, q)
	return err
}
