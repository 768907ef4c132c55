package piisql

import (
	"context"
	"errors"
	"fmt"
)

// A stmtError is a statement of a batch that failed: what it did (by column and key) and
// why.
type stmtError struct {
	table, what string
	err         error
}

func (e *stmtError) Error() string {
	return "piisql: sweep of table " + e.table + ": " + e.what + ": " + e.err.Error()
}

func (e *stmtError) Unwrap() error { return e.err }

func (w *batchWriter) stmtError(what string, err error) error {
	return &stmtError{table: w.s.m.Table, what: what, err: err}
}

// A changeError is the failure of a statement that changes the table's rows (an UPDATE, a
// DELETE, an anonymised value): a CHECK constraint, a trigger or a foreign key that refuses
// one row fails the statement of the batch's every row, and the batch is run again one
// row at a time (see Sweeper.batch). atCommit is set when it was the COMMIT that a
// deferred constraint refused.
type changeError struct {
	err      error
	atCommit bool
}

func (e *changeError) Error() string { return e.err.Error() }
func (e *changeError) Unwrap() error { return e.err }

// A rowFailure is why a row was left as it was: its change failed, or its retention
// could not be decided. Without the package's prefix, for the sweep's error.
type rowFailure struct{ err error }

func (e *rowFailure) Error() string {
	if se := (*stmtError)(nil); errors.As(e.err, &se) {
		return se.what + ": " + se.err.Error()
	}
	return e.err.Error()
}

func (e *rowFailure) Unwrap() error { return e.err }

// failed counts into r a row left as it was, and why.
func (r *Report) failed(key string, err error) {
	if r.Failed == 0 {
		r.firstFailed, r.failure = key, &rowFailure{err}
	}
	r.Failed++
}

// savepoint names the savepoint of a row written by addRow.
const savepoint = "piisql_row"

// addRow writes at once, inside a savepoint, what v says to do to the row, and adds it to
// the batch's counts and audit rows. When the database refuses it, the row is rolled back
// to the savepoint and counted in r as failed, and each of its columns is then tried
// alone, so that a constraint on one column keeps no other from being cleared (a DELETE
// that a foreign key refuses gives way to clearing the columns); a pending request of the
// row stays pending. The error is that of the savepoints themselves, which ends the
// batch.
func (w *batchWriter) addRow(ctx context.Context, rw *row, v verdict, r *Report) error {
	refused, err := w.tryRow(ctx, rw, v)
	if err != nil || refused == nil {
		return err
	}
	r.failed(rw.keyText, refused)
	if v.req != nil {
		st := *v.req
		st.Done = false
		w.reqs = append(w.reqs, st)
	}
	if len(v.cols) < 2 && !v.deleteRow {
		return nil
	}
	for _, cd := range v.cols {
		if _, err := w.tryRow(ctx, rw, verdict{cols: []colDue{cd}}); err != nil {
			return err
		}
	}
	return nil
}

// tryRow writes v's changes of the row inside a savepoint, and on success adds them to
// w. refused is the database's refusal; err, a failure of the savepoint.
func (w *batchWriter) tryRow(ctx context.Context, rw *row, v verdict) (refused, err error) {
	one := newBatchWriter(w.s, w.tx, w.now, w.dry)
	one.anonymized = w.anonymized
	one.add(rw, v)
	if len(one.order) > 0 || len(one.anonOrder) > 0 || len(one.delKeys) > 0 {
		if _, err := w.tx.ExecContext(ctx, "SAVEPOINT "+savepoint); err != nil {
			return nil, w.stmtError("savepoint of record "+rw.keyText, err)
		}
		if refused = one.flushRows(ctx); refused != nil {
			if _, err := w.tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT "+savepoint); err != nil {
				return nil, w.stmtError("rolling back to the savepoint of record "+rw.keyText, fmt.Errorf("%w (after %w)", err, refused))
			}
		}
		if _, err := w.tx.ExecContext(ctx, "RELEASE SAVEPOINT "+savepoint); err != nil {
			return nil, w.stmtError("releasing the savepoint of record "+rw.keyText, err)
		}
		if refused != nil {
			return refused, nil
		}
	}
	w.merge(one)
	return nil, nil
}

// merge adds what o, a writer of one row that has written its changes, counted and
// audits.
func (w *batchWriter) merge(o *batchWriter) {
	for _, a := range o.audits {
		w.audit(colDue{a.col, a.rule}).mergeFrom(a)
	}
	w.deletes.mergeFrom(o.deletes)
	w.delKeys = append(w.delKeys, o.delKeys...)
	w.reqs = append(w.reqs, o.reqs...)
}

// mergeFrom adds the count of o, of keys after a's, to a.
func (a *audit) mergeFrom(o audit) {
	if o.n == 0 {
		return
	}
	if a.n == 0 {
		a.first = o.first
	}
	a.last = o.last
	a.n += o.n
}
