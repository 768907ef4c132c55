package piisql

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ef8f9424/pii"
)

// Sweep applies the retention rules at now: in every row not under a hold, it clears each
// personal-data column whose TTL has run out and each column a pending deletion request
// may now remove (deleting the row instead under WithDeleteRows), and closes the requests
// it carried out. It works in batches of rows in key order, each in its own transaction
// with its audit rows, so that it can be stopped anywhere and run again: a run never clears
// what is already cleared, and picks up what a stopped one left.
//
// When ctx is cancelled the sweep finishes the batch in hand, commits it, and returns the
// report so far with an error wrapping ctx.Err(). Two sweeps of one table may run at once,
// from one process or several machines: they never take the same rows in one batch, and
// each row's columns are cleared, counted and audited once.
func (s *Sweeper) Sweep(ctx context.Context, now time.Time) (Report, error) {
	return s.sweep(ctx, now, false)
}

// DryRun reports what Sweep at now would do, and does nothing: each batch runs and is
// rolled back, so the counts are exact, and the bookkeeping tables are left as they were.
func (s *Sweeper) DryRun(ctx context.Context, now time.Time) (Report, error) {
	return s.sweep(ctx, now, true)
}

func (s *Sweeper) sweep(ctx context.Context, now time.Time, dry bool) (Report, error) {
	r := Report{Table: s.m.Table, Now: now.In(s.cfg.loc), DryRun: dry, Cleared: map[string]int{}, Anonymized: map[string]int{}}
	if now.IsZero() {
		return r, fmt.Errorf("piisql: sweep of table %s: now: %w", s.m.Table, pii.ErrZeroTime)
	}
	start := time.Now()
	// Requests, holds and records of anonymisation written by earlier versions in a form
	// a batch does not find would be passed over: a sweep rewrites them as Migrate does,
	// and a dry run, which writes nothing, refuses to count without them.
	if n, err := s.migrateRows(ctx, !dry); err != nil {
		return r, err
	} else if dry && n > 0 {
		return r, fmt.Errorf("piisql: dry run of table %s: %s of the bookkeeping tables in the form of an earlier version (Migrate rewrites them): %w",
			s.m.Table, plural(int(n), "row", "rows"), ErrNotMigrated)
	}
	if err := s.countNoKey(ctx, &r); err != nil {
		return r, err
	}
	var cursor any
	for {
		if err := ctx.Err(); err != nil {
			r.Duration = time.Since(start)
			return r, fmt.Errorf("piisql: sweep of table %s stopped after %d batches: %w", s.m.Table, r.Batches, err)
		}
		bs := time.Now()
		b, last, err := s.batch(context.WithoutCancel(ctx), now, cursor, dry, &r)
		if err != nil {
			r.Duration = time.Since(start)
			return r, err
		}
		if b.Rows == 0 {
			break
		}
		cursor = last
		r.Batches++
		b.Number = r.Batches
		b.Duration = time.Since(bs)
		r.LongestBatch = max(r.LongestBatch, b.Duration)
		if s.cfg.progress != nil {
			s.cfg.progress(b)
		}
	}
	r.Duration = time.Since(start)
	var errs []error
	if r.Unreadable > 0 {
		errs = append(errs, fmt.Errorf("piisql: sweep of table %s: %s with a creation time that cannot be read, the first record %s (column %s): %w",
			s.m.Table, plural(r.Unreadable, "row", "rows"), r.firstUnreadable, s.m.Created, ErrCreatedUnreadable))
	}
	if r.Failed > 0 {
		errs = append(errs, fmt.Errorf("piisql: sweep of table %s: %w (%d), the first record %s: %w",
			s.m.Table, ErrRowFailed, r.Failed, r.firstFailed, r.failure))
	}
	return r, errors.Join(errs...)
}

// batch runs one batch after the key cursor (nil for the first): it takes the next rows
// with something to do, decides each, and writes the changes with their audit rows in one
// transaction. It returns the batch (Rows 0 when there was nothing left) and its last key.
//
// When a statement that changes the table's rows fails (a CHECK constraint, a trigger or a
// foreign key that refuses one row fails it for every row it names), the batch is rolled
// back and run again one row at a time, each row in a savepoint: the rows the database
// refuses are left as they were and counted in Report.Failed, and the rest are swept. One
// row no longer stops every sweep of its table at its batch. On PostgreSQL a COMMIT that
// a deferred constraint or constraint trigger refuses (see refusedAtCommit) does the same,
// the constraints made immediate for the rows to be told apart.
func (s *Sweeper) batch(ctx context.Context, now time.Time, cursor any, dry bool, r *Report) (Batch, any, error) {
	b, last, err := s.batchTx(ctx, now, cursor, dry, r, nil)
	if ce := (*changeError)(nil); errors.As(err, &ce) {
		b, last, err = s.batchTx(ctx, now, cursor, dry, r, ce)
	}
	return b, last, err
}

// batchTx runs one batch in its own transaction; one row at a time after retry, the
// failure of the batch's first run.
func (s *Sweeper) batchTx(ctx context.Context, now time.Time, cursor any, dry bool, r *Report, retry *changeError) (Batch, any, error) {
	tx, err := s.dialect.begin(ctx, s.db)
	if err != nil {
		return Batch{}, nil, fmt.Errorf("piisql: sweep of table %s: begin: %w", s.m.Table, err)
	}
	defer tx.abandon()
	if retry != nil && retry.atCommit {
		// For this transaction only: the connection goes back to the pool as it came.
		if _, err := tx.ExecContext(ctx, "SET CONSTRAINTS ALL IMMEDIATE"); err != nil {
			tx.rollback()
			return Batch{}, nil, fmt.Errorf("piisql: sweep of table %s: %w", s.m.Table, err)
		}
	}
	// The batch counts into its own report, added to r only once it is committed (or,
	// for a dry run, rolled back as planned).
	part := Report{Cleared: map[string]int{}, Anonymized: map[string]int{}}
	b, last, err := s.batchIn(ctx, tx, now, cursor, dry, retry != nil, &part)
	if err != nil || dry || b.Rows == 0 {
		if rerr := tx.rollback(); err == nil && rerr != nil {
			err = fmt.Errorf("piisql: sweep of table %s: rollback: %w", s.m.Table, rerr)
		}
	} else if cerr := tx.commit(); cerr != nil {
		err = fmt.Errorf("piisql: sweep of table %s: commit: %w", s.m.Table, cerr)
		if retry == nil && s.dialect == PostgreSQL && refusedAtCommit(cerr) {
			err = &changeError{err: err, atCommit: true}
		}
	}
	if err != nil {
		return Batch{}, nil, err
	}
	r.add(part)
	return b, last, nil
}

// refusedAtCommit reports whether PostgreSQL refused a COMMIT for what the batch's rows
// did: a deferred constraint (SQLSTATE class 23) or a deferred constraint trigger, which
// fails it with whatever its RAISE gives (P0001 unless told otherwise). A failure of the
// connection or the server (classes 08, 53, 57, 58, XX) is none.
func refusedAtCommit(err error) bool {
	st := (interface{ SQLState() string })(nil)
	if !errors.As(err, &st) || len(st.SQLState()) != 5 {
		return false
	}
	switch st.SQLState()[:2] {
	case "08", "53", "57", "58", "XX":
		return false
	}
	return true
}

// row is one row of a batch: its key as the driver gave it and as text, its creation
// time, and which personal-data columns still hold something (never what).
type row struct {
	key     any
	keyText string
	created time.Time
	// createdErr is why the creation time could not be read (created is then zero).
	createdErr error
	set        []bool // by index in Mapping.Columns
}

func (s *Sweeper) batchIn(ctx context.Context, tx *txn, now time.Time, cursor any, dry, rowByRow bool, r *Report) (Batch, any, error) {
	rows, err := s.selectBatch(ctx, tx, cursor)
	if err != nil || len(rows) == 0 {
		return Batch{}, nil, err
	}
	keys := make([]string, len(rows))
	for i := range rows {
		keys[i] = rows[i].keyText
	}
	holds, err := s.loadHolds(ctx, tx, keys)
	if err != nil {
		return Batch{}, nil, err
	}
	reqs, err := s.loadRequests(ctx, tx, keys)
	if err != nil {
		return Batch{}, nil, err
	}
	w := newBatchWriter(s, tx, now, dry)
	w.rowByRow = rowByRow
	if s.cfg.anonymize {
		if w.anonymized, err = s.loadAnonymized(ctx, tx, keys); err != nil {
			return Batch{}, nil, err
		}
	}
	b := Batch{Rows: len(rows)}
	for i := range rows {
		rw := &rows[i]
		var req *request
		if q, ok := reqs[rw.keyText]; ok {
			if q.unreadable {
				r.failed(rw.keyText, errors.New("a pending deletion request whose time cannot be read"))
				continue
			}
			req = &q
		}
		created := rw.created
		if rw.createdErr != nil {
			// Unreadable: left alone as a row without a creation time, and reported by
			// the sweep's error once the rest is swept.
			if r.Unreadable == 0 {
				r.firstUnreadable = rw.keyText
			}
			r.Unreadable++
		} else if created.IsZero() {
			r.NoCreated++
		}
		if created.IsZero() {
			if req == nil {
				continue
			}
			// No creation time: its TTLs cannot be counted, but a deletion request must
			// still be carried out. The request is the latest the record can have been
			// created, so its MTLs counted from there end no sooner than the true ones.
			created = req.at
			if now.Before(created) {
				continue // requested for later than now: nothing is due yet
			}
		} else if now.Before(created) {
			// Created after now: a skewed clock or a bad timestamp. Nothing of it can be
			// due, and one such row must not stop the sweep of the rest.
			r.Future++
			continue
		}
		v, err := s.decide(rw.keyText, created, now, holds[rw.keyText], req)
		if err != nil {
			// A hold or request that pii refuses (a time outside its range, a hold lifted
			// before it was placed): the row is left alone, and reported.
			r.failed(rw.keyText, fmt.Errorf("deciding its retention: %w", err))
			continue
		}
		if v.held {
			r.Held++
			continue
		}
		if !rowByRow {
			w.add(rw, v)
		} else if err := w.addRow(ctx, rw, v, r); err != nil {
			return Batch{}, nil, err
		}
	}
	if err := w.flush(ctx, r, &b); err != nil {
		return Batch{}, nil, err
	}
	r.Rows += b.Rows
	return b, rows[len(rows)-1].key, nil
}

// selectBatch takes the next rows after cursor, in key order, that have a personal-data
// column left to clear or a pending deletion request, locking them on PostgreSQL.
func (s *Sweeper) selectBatch(ctx context.Context, tx *txn, cursor any) ([]row, error) {
	q := s.newQuery().sql("SELECT ", quote(s.m.Key), ", ", s.keyTextColumn(), ", ", s.createdColumn())
	for _, c := range s.m.Columns {
		q.sql(", ")
		s.notCleared(q, c)
	}
	q.sql(" FROM ", s.table, " WHERE ")
	if cursor != nil {
		q.sql(quote(s.m.Key), " > ").arg(cursor).sql(" AND ")
	} else {
		q.sql(quote(s.m.Key), " IS NOT NULL AND ") // see countNoKey
	}
	q.sql("(")
	for _, c := range s.m.Columns {
		s.notCleared(q, c)
		q.sql(" OR ")
	}
	s.pendingRequests(q)
	// Ordered by the table's column, qualified: the output column of the key as text is
	// named after the key too, and PostgreSQL would find the name ambiguous.
	q.sql(") ORDER BY ", s.table, ".", quote(s.m.Key), " LIMIT ").arg(s.cfg.batch).sql(s.dialect.lockRows())
	rs, err := tx.QueryContext(ctx, q.String(), q.args...)
	if err != nil {
		return nil, fmt.Errorf("piisql: sweep of table %s: select: %w", s.m.Table, err)
	}
	defer rs.Close()
	var out []row
	n := len(s.m.Columns)
	dest := make([]any, 3+n)
	for rs.Next() {
		rw := row{set: make([]bool, n)}
		var created any
		dest[0], dest[1], dest[2] = &rw.key, &rw.keyText, &created
		for i := range rw.set {
			dest[3+i] = &rw.set[i]
		}
		if err := rs.Scan(dest...); err != nil {
			return nil, fmt.Errorf("piisql: sweep of table %s: select: %w", s.m.Table, err)
		}
		rw.created, rw.createdErr = s.createdTime(created)
		out = append(out, rw)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("piisql: sweep of table %s: select: %w", s.m.Table, err)
	}
	return out, nil
}

// keyTextColumn is the key as text, as the database writes it: the bookkeeping tables
// name records so, and a batch finds the rows with pending requests by it (a key of
// PostgreSQL's char(n) loses its padding in text, which the driver's string kept, and
// such a record's request was never met).
func (s *Sweeper) keyTextColumn() string {
	return "CAST(" + quote(s.m.Key) + " AS TEXT)"
}

// countNoKey counts into r the rows whose key is NULL and that still hold personal data:
// nothing can name them (in a batch's UPDATE, a hold, a request, the audit trail), so the
// sweep leaves them alone rather than fail on them, and reports them.
func (s *Sweeper) countNoKey(ctx context.Context, r *Report) error {
	q := s.newQuery().sql("SELECT COUNT(*) FROM ", s.table, " WHERE ", quote(s.m.Key), " IS NULL AND (")
	for i, c := range s.m.Columns {
		if i > 0 {
			q.sql(" OR ")
		}
		s.notCleared(q, c)
	}
	if len(s.m.Columns) == 0 {
		q.sql("1 = 0")
	}
	q.sql(")")
	if err := s.db.QueryRowContext(ctx, q.String(), q.args...).Scan(&r.NoKey); err != nil {
		return fmt.Errorf("piisql: sweep of table %s: counting rows without a key: %w", s.m.Table, err)
	}
	return nil
}

// notCleared appends the condition that column c still holds something: NOT NULL, or not
// its zero value for a NOT NULL column.
func (s *Sweeper) notCleared(q *query, c Column) {
	if c.NotNull {
		q.sql(quote(c.Name), " <> ").arg(c.zero())
	} else {
		q.sql(quote(c.Name), " IS NOT NULL")
	}
}
