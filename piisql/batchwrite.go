package piisql

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// batchWriter gathers a batch's decisions and writes them: one UPDATE for each set of
// columns that rows have to clear (so that a row is rewritten once, whatever number of its
// columns go), one DELETE, the closed requests, and an audit row per column and rule.
type batchWriter struct {
	s       *Sweeper
	tx      *txn
	now     time.Time
	dry     bool               // a dry run: what would be anonymised is counted, never read
	updates map[string]*update // by the set of columns, as a string of '0' and '1'
	order   []string           // the keys of updates in order of first use
	audits  []audit            // in order of first use
	deletes audit
	delKeys []any
	reqs    []RequestStatus
	// anonymize mode: the columns each row has had anonymised, and what to anonymise now
	anonymized map[string][]anonymized
	anon       map[string]*anonGroup
	anonOrder  []string
	// rowByRow is set when the batch is run again one row at a time, each row's changes
	// written at once by addRow, inside a savepoint (see Sweeper.batch).
	rowByRow bool
}

// update is the rows one UPDATE clears, and which columns.
type update struct {
	cols        []int
	keys        []any
	first, last string // the first and last key, as text, for errors
}

// audit counts what one column lost under one rule, and between which keys.
type audit struct {
	col         int // index in Mapping.Columns, or -1 for row deletions
	rule        string
	n           int
	first, last string
}

func newBatchWriter(s *Sweeper, tx *txn, now time.Time, dry bool) *batchWriter {
	return &batchWriter{s: s, tx: tx, now: now, dry: dry, updates: map[string]*update{}, deletes: audit{col: -1, rule: ruleRow},
		anon: map[string]*anonGroup{}}
}

// add records what v says to do to the row. A column already cleared is left alone and
// counted nowhere.
func (w *batchWriter) add(rw *row, v verdict) {
	if v.req != nil {
		w.reqs = append(w.reqs, *v.req)
	}
	if v.deleteRow {
		w.delKeys = append(w.delKeys, rw.key)
		w.deletes.count(rw.keyText)
		return
	}
	sig := []byte(strings.Repeat("0", len(rw.set)))
	var cols, anon []int
	for _, cd := range v.cols {
		if cd.rule == ruleTTL && w.s.cfg.anonymize {
			if rw.set[cd.col] && !w.wasAnonymized(rw, w.s.m.Columns[cd.col].Name) {
				anon = append(anon, cd.col)
				w.audit(colDue{cd.col, ruleAnon}).count(rw.keyText)
			}
			continue
		}
		if rw.set[cd.col] {
			sig[cd.col] = '1'
			cols = append(cols, cd.col)
			w.audit(cd).count(rw.keyText)
		}
	}
	if len(anon) > 0 {
		w.addAnon(rw, anon)
	}
	if len(cols) == 0 {
		return
	}
	u := w.updates[string(sig)]
	if u == nil {
		u = &update{}
		for i, c := range sig {
			if c == '1' {
				u.cols = append(u.cols, i)
			}
		}
		w.updates[string(sig)] = u
		w.order = append(w.order, string(sig))
	}
	if len(u.keys) == 0 {
		u.first = rw.keyText
	}
	u.last = rw.keyText
	u.keys = append(u.keys, rw.key)
}

// wasAnonymized reports whether column col of the row has been anonymised: recorded in
// pii_anonymized, no sooner than the row was created. A record older than the row is of an
// earlier row under the same key (SQLite gives a new row the key of the deleted last one),
// whose values the new row does not hold. On SQLite, which reads column names in any case,
// a record of the column under another case (a mapping since changed) is the column's.
func (w *batchWriter) wasAnonymized(rw *row, col string) bool {
	return slices.ContainsFunc(w.anonymized[rw.keyText], func(a anonymized) bool {
		same := a.col == col || w.s.dialect == SQLite && strings.EqualFold(a.col, col)
		return same && !a.at.Before(rw.created)
	})
}

func (w *batchWriter) audit(cd colDue) *audit {
	for i := range w.audits {
		if a := &w.audits[i]; a.col == cd.col && a.rule == cd.rule {
			return a
		}
	}
	w.audits = append(w.audits, audit{col: cd.col, rule: cd.rule})
	return &w.audits[len(w.audits)-1]
}

func (a *audit) count(key string) {
	if a.n == 0 {
		a.first = key
	}
	a.last = key
	a.n++
}

// flush writes the batch's changes and audit rows, and counts them into r and b. The rows
// are locked (FOR UPDATE, or SQLite's write lock) since they were read, so each UPDATE must
// change every row it names; one that does not is an error, and the batch is rolled back.
// An error of a statement that changes the table's rows is a *changeError.
func (w *batchWriter) flush(ctx context.Context, r *Report, b *Batch) error {
	s := w.s
	if !w.rowByRow {
		if err := w.flushRows(ctx); err != nil {
			return &changeError{err: err}
		}
	}
	if len(w.delKeys) > 0 {
		r.Deleted += len(w.delKeys)
		b.Deleted += len(w.delKeys)
		if err := w.writeAudit(ctx, w.deletes); err != nil {
			return err
		}
	}
	for _, a := range w.audits {
		if a.rule == ruleAnon {
			r.Anonymized[s.m.Columns[a.col].Name] += a.n
			b.Anonymized += a.n
		} else {
			r.Cleared[s.m.Columns[a.col].Name] += a.n
			b.Cleared += a.n
		}
		if err := w.writeAudit(ctx, a); err != nil {
			return err
		}
	}
	for _, st := range w.reqs {
		if st.Done {
			q := s.newQuery().sql("UPDATE pii_requests SET done_at = ").arg(w.now.UTC()).
				sql(", deleted_at = ").arg(st.DeletedAt.UTC()).sql(", gone_by = ").arg(st.GoneBy.UTC()).
				sql(" WHERE id IN ").in(anys(st.ids))
			if err := w.execAll(ctx, q, len(st.ids), "closing the deletion requests of record "+st.Key); err != nil {
				return err
			}
		}
		r.Requests = append(r.Requests, st)
	}
	return nil
}

// flushRows writes the changes of the batch's rows: the UPDATEs that clear columns, the
// anonymised values, the DELETE.
func (w *batchWriter) flushRows(ctx context.Context) error {
	s := w.s
	for _, sig := range w.order {
		u := w.updates[sig]
		q := s.newQuery().sql("UPDATE ", s.table, " SET ")
		for i, ci := range u.cols {
			c := s.m.Columns[ci]
			if i > 0 {
				q.sql(", ")
			}
			q.sql(quote(c.Name), " = ")
			if c.NotNull {
				q.arg(c.zero())
			} else {
				q.sql("NULL")
			}
		}
		q.sql(" WHERE ", quote(s.m.Key), " IN ").in(u.keys)
		names := make([]string, len(u.cols))
		for i, ci := range u.cols {
			names[i] = s.m.Columns[ci].Name
		}
		if err := w.execAll(ctx, q, len(u.keys), "clearing "+strings.Join(names, ", ")+" of "+span(u.first, u.last)); err != nil {
			return err
		}
	}
	if !w.dry {
		if err := w.flushAnon(ctx); err != nil {
			return err
		}
	}
	if len(w.delKeys) > 0 {
		q := s.newQuery().sql("DELETE FROM ", s.table, " WHERE ", quote(s.m.Key), " IN ").in(w.delKeys)
		if err := w.execAll(ctx, q, len(w.delKeys), "deleting "+span(w.deletes.first, w.deletes.last)); err != nil {
			return err
		}
	}
	return nil
}

// execAll runs a statement that must change exactly want rows; what says what it does, by
// column and key, for its errors.
func (w *batchWriter) execAll(ctx context.Context, q *query, want int, what string) error {
	res, err := w.tx.ExecContext(ctx, q.String(), q.args...)
	if err != nil {
		return w.stmtError(what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return w.stmtError(what, err)
	}
	if int(n) != want {
		return w.stmtError(what, fmt.Errorf("changed %d rows, not the %d it locked", n, want))
	}
	return nil
}

// span names the records from key first to key last.
func span(first, last string) string {
	if first == last {
		return "record " + first
	}
	return "records " + first + " to " + last
}

// writeAudit records what a batch did to one column (none for a row deletion) under one
// rule. Nothing is recorded for a count of 0.
func (w *batchWriter) writeAudit(ctx context.Context, a audit) error {
	if a.n == 0 {
		return nil
	}
	s := w.s
	q := s.newQuery().sql("INSERT INTO pii_audit (table_name, column_name, rule, row_count, first_key, last_key, swept_at) VALUES (").
		arg(s.bk).sql(", ")
	if a.col < 0 {
		q.sql("NULL")
	} else {
		q.arg(s.m.Columns[a.col].Name)
	}
	q.sql(", ").arg(a.rule).sql(", ").arg(int64(a.n)).sql(", ").arg(a.first).sql(", ").arg(a.last).
		sql(", ").arg(w.now.UTC()).sql(")")
	return w.execAll(ctx, q, 1, "writing the audit row of "+span(a.first, a.last))
}
