package piisql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ef8f9424/pii"
)

// The bookkeeping tables, shared by every table a Sweeper works on (their rows name it).
// README.md documents them. {id} is the dialect's auto-numbered key, {time} its time type.
var bookkeepingDDL = []string{
	`CREATE TABLE IF NOT EXISTS pii_requests (
	id {id},
	table_name TEXT NOT NULL,
	record_key TEXT NOT NULL,
	requested_at {time} NOT NULL,
	done_at {time},
	deleted_at {time},
	gone_by {time}
)`,
	`CREATE INDEX IF NOT EXISTS pii_requests_record ON pii_requests (table_name, record_key)`,
	`CREATE TABLE IF NOT EXISTS pii_holds (
	id {id},
	table_name TEXT NOT NULL,
	record_key TEXT NOT NULL,
	reason TEXT NOT NULL,
	placed_at {time} NOT NULL,
	lifted_at {time}
)`,
	`CREATE INDEX IF NOT EXISTS pii_holds_record ON pii_holds (table_name, record_key)`,
	`CREATE TABLE IF NOT EXISTS pii_audit (
	id {id},
	table_name TEXT NOT NULL,
	column_name TEXT,
	rule TEXT NOT NULL,
	row_count BIGINT NOT NULL,
	first_key TEXT NOT NULL,
	last_key TEXT NOT NULL,
	swept_at {time} NOT NULL
)`,
	`CREATE INDEX IF NOT EXISTS pii_audit_table ON pii_audit (table_name, swept_at)`,
	`CREATE TABLE IF NOT EXISTS pii_anonymized (
	table_name TEXT NOT NULL,
	record_key TEXT NOT NULL,
	column_name TEXT NOT NULL,
	anonymized_at {time} NOT NULL,
	PRIMARY KEY (table_name, record_key, column_name)
)`,
}

// The rules the audit trail names.
const (
	ruleTTL     = "ttl"              // a column's maximum retention ran out
	ruleRequest = "deletion-request" // a deletion request applied to a column
	ruleRow     = "row-deleted"      // a deletion request removed the row (WithDeleteRows)
	ruleAnon    = "ttl-anonymized"   // a column's TTL ran out under WithAnonymizeOnPurge
)

// Migrate creates the bookkeeping tables (pii_requests, pii_holds, pii_audit,
// pii_anonymized) and their indexes when they do not exist, and rewrites the rows of this
// Sweeper's table that earlier versions wrote in another form (the table named as it was
// given to New, a char(n) key with its padding), which a sweep would not find. It is safe
// to run at every start, from several machines at once.
func (s *Sweeper) Migrate(ctx context.Context) error {
	id, ts := "INTEGER PRIMARY KEY", "TIMESTAMP"
	if s.dialect == PostgreSQL {
		id, ts = "BIGSERIAL PRIMARY KEY", "TIMESTAMPTZ"
	}
	for _, ddl := range bookkeepingDDL {
		ddl = strings.NewReplacer("{id}", id, "{time}", ts).Replace(ddl)
		// Two CREATE ... IF NOT EXISTS of one table at once (machines starting together)
		// can fail on PostgreSQL, the loser meeting the winner's catalogue rows; run
		// again, the statement sees the table and does nothing.
		var err error
		for range migrateTries {
			if _, err = s.db.ExecContext(ctx, ddl); err == nil || ctx.Err() != nil {
				break
			}
		}
		if err != nil {
			return fmt.Errorf("piisql: migrate: %w", err)
		}
	}
	// Two machines rewriting the same rows at once can deadlock on PostgreSQL: run again.
	var err error
	for range migrateTries {
		if _, err = s.migrateRows(ctx, true); err == nil || ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("piisql: migrate: %w", err)
	}
	return nil
}

// migrateTries is how many times Migrate runs a statement that fails.
const migrateTries = 3

// keyText returns a key as the bookkeeping tables store it: an integer in decimal, a
// string as it is.
func keyText(k any) (string, error) {
	switch k := k.(type) {
	case int64:
		return strconv.FormatInt(k, 10), nil
	case int:
		return strconv.Itoa(k), nil
	case int32:
		return strconv.FormatInt(int64(k), 10), nil
	case uint64:
		return strconv.FormatUint(k, 10), nil
	case uint32:
		return strconv.FormatUint(uint64(k), 10), nil
	case string:
		return k, nil
	case []byte:
		return string(k), nil
	}
	return "", ErrKeyType
}

// callArgs checks the key and the time (named what) given to op, and returns the key as
// the bookkeeping tables store it.
func (s *Sweeper) callArgs(op string, k any, at time.Time, what string) (string, error) {
	kt, err := keyText(k)
	if err != nil {
		return "", fmt.Errorf("piisql: %s on table %s: %w", op, s.m.Table, err)
	}
	if at.IsZero() {
		return "", fmt.Errorf("piisql: %s on table %s: %s: %w", op, s.m.Table, what, pii.ErrZeroTime)
	}
	return kt, nil
}

// onRecord runs the statement that write returns for the record with key k, in a
// transaction that first locks the record (FOR UPDATE, or SQLite's write lock), so that
// it waits for a sweep's batch holding the record and the next batch sees it. write gets
// the record's creation time. ErrNoRecord when there is no such record.
func (s *Sweeper) onRecord(ctx context.Context, op string, k any, write func(tx execer, created time.Time, key string) (*query, error)) error {
	tx, err := s.dialect.begin(ctx, s.db)
	if err != nil {
		return fmt.Errorf("piisql: %s on table %s: %w", op, s.m.Table, err)
	}
	defer tx.abandon()
	err = func() error {
		qq := s.newQuery().sql("SELECT ", s.keyTextColumn(), ", ", s.createdColumn(), " FROM ", s.table, " WHERE ", quote(s.m.Key), " = ").
			arg(k).sql(s.dialect.lockRow())
		// The key as the table holds it, not as given: "02" finds row 2 (the database
		// converts it), and the sweep looks its holds and requests up as "2".
		var key string
		var raw any
		err := tx.QueryRowContext(ctx, qq.String(), qq.args...).Scan(&key, &raw)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("piisql: %s on table %s: %w", op, s.m.Table, ErrNoRecord)
		}
		if err != nil {
			return fmt.Errorf("piisql: %s on table %s: %w", op, s.m.Table, err)
		}
		// An unreadable creation time is taken as none, as the sweep takes it: a hold
		// must be placeable on any record.
		created, err := s.createdTime(raw)
		if err != nil {
			created = time.Time{}
		}
		q, err := write(tx, created, key)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q.String(), q.args...); err != nil {
			return fmt.Errorf("piisql: %s on table %s: %w", op, s.m.Table, err)
		}
		return nil
	}()
	if err != nil {
		tx.rollback()
		return err
	}
	if err := tx.commit(); err != nil {
		return fmt.Errorf("piisql: %s on table %s: %w", op, s.m.Table, err)
	}
	return nil
}

// RequestDeletion records that the data subject of the record with key k asked at at for
// its deletion. The sweep carries it out: each personal-data column at once, or when its
// minimum retention ends, as pii.Schedule.DeletionPlan says, and the whole row too under
// WithDeleteRows. A request dated before the record's creation is refused (the error wraps
// pii.ErrBeforeCreation), as is a key with no record (ErrNoRecord).
func (s *Sweeper) RequestDeletion(ctx context.Context, k any, at time.Time) error {
	if _, err := s.callArgs("RequestDeletion", k, at, "request time"); err != nil {
		return err
	}
	return s.onRecord(ctx, "RequestDeletion", k, func(_ execer, created time.Time, kt string) (*query, error) {
		if at.Before(created) {
			return nil, fmt.Errorf("piisql: RequestDeletion on table %s: %w", s.m.Table, pii.ErrBeforeCreation)
		}
		return s.newQuery().sql("INSERT INTO pii_requests (table_name, record_key, requested_at) VALUES (").
			arg(s.bk).sql(", ").arg(kt).sql(", ").arg(at.UTC()).sql(")"), nil
	})
}

// PlaceHold puts a legal or fraud hold on the record with key k from at: until it is
// lifted the sweep leaves the record alone, and once lifted every retention clock it
// stopped resumes, as pii.Hold says. reason is kept in pii_holds for the people who read
// it; it must hold no personal data.
func (s *Sweeper) PlaceHold(ctx context.Context, k any, reason string, at time.Time) error {
	if _, err := s.callArgs("PlaceHold", k, at, "placed"); err != nil {
		return err
	}
	return s.onRecord(ctx, "PlaceHold", k, func(_ execer, _ time.Time, kt string) (*query, error) {
		return s.newQuery().sql("INSERT INTO pii_holds (table_name, record_key, reason, placed_at) VALUES (").
			arg(s.bk).sql(", ").arg(kt).sql(", ").arg(reason).sql(", ").arg(at.UTC()).sql(")"), nil
	})
}

// LiftHold lifts, at at, every hold in force on the record with key k. It returns an
// error wrapping ErrNoHold when there is none, and one wrapping pii.ErrNegativeDays when at
// is before a hold was placed.
func (s *Sweeper) LiftHold(ctx context.Context, k any, at time.Time) error {
	if _, err := s.callArgs("LiftHold", k, at, "lifted"); err != nil {
		return err
	}
	// In the record's transaction, as PlaceHold: it waits for a batch holding the record
	// (and, on SQLite, for the write lock, up to the busy timeout).
	return s.onRecord(ctx, "LiftHold", k, func(tx execer, _ time.Time, kt string) (*query, error) {
		holds, err := s.loadHolds(ctx, tx, []string{kt})
		if err != nil {
			return nil, err
		}
		active := 0
		for _, h := range holds[kt] {
			if h.Lifted.IsZero() {
				active++
				if at.Before(h.Placed) {
					return nil, fmt.Errorf("piisql: LiftHold on table %s: lifted before it was placed: %w", s.m.Table, pii.ErrNegativeDays)
				}
			}
		}
		if active == 0 {
			return nil, fmt.Errorf("piisql: LiftHold on table %s: %w", s.m.Table, ErrNoHold)
		}
		return s.newQuery().sql("UPDATE pii_holds SET lifted_at = ").arg(at.UTC()).
			sql(" WHERE table_name = ").arg(s.bk).sql(" AND record_key = ").arg(kt).sql(" AND lifted_at IS NULL"), nil
	})
}

// loadHolds returns the holds of the records with the given keys, by key.
func (s *Sweeper) loadHolds(ctx context.Context, q execer, keys []string) (map[string][]pii.Hold, error) {
	out := map[string][]pii.Hold{}
	err := s.eachRow(ctx, q, "holds", s.forKeys("record_key, reason, placed_at, lifted_at", "pii_holds", "", keys),
		func(rows *sql.Rows) error {
			// A time that cannot be read is zero: a hold placed at no time is refused by
			// pii, and its record reported and left alone; one lifted at no time is in
			// force.
			var k string
			var h pii.Hold
			var placed, lifted storedTime
			if err := rows.Scan(&k, &h.Reason, &placed, &lifted); err != nil {
				return err
			}
			h.Placed, h.Lifted = placed.t, lifted.t
			out[k] = append(out[k], h)
			return nil
		})
	return out, err
}

// request is the earliest deletion request of a record not yet carried out, with the ids
// of every pending request of the record: carrying out the earliest carries out them all.
type request struct {
	ids []int64
	at  time.Time
	// unreadable is set when a pending request's time cannot be read: the record is left
	// alone and reported, rather than deleted at a guessed time.
	unreadable bool
}

// loadRequests returns the pending deletion requests of each of the given keys.
func (s *Sweeper) loadRequests(ctx context.Context, q execer, keys []string) (map[string]request, error) {
	out := map[string]request{}
	qq := s.forKeys("id, record_key, requested_at", "pii_requests", " AND done_at IS NULL", keys).sql(" ORDER BY requested_at, id")
	err := s.eachRow(ctx, q, "deletion requests", qq, func(rows *sql.Rows) error {
		var id int64
		var key string
		var at storedTime
		if err := rows.Scan(&id, &key, &at); err != nil {
			return err
		}
		// The earliest by time, not by the ORDER BY: SQLite orders integers before text,
		// and times written under two forms of the driver are both.
		r, seen := out[key]
		if !seen || at.t.Before(r.at) {
			r.at = at.t
		}
		r.unreadable = r.unreadable || at.t.IsZero()
		r.ids = append(r.ids, id)
		out[key] = r
		return nil
	})
	return out, err
}

// anonymized says that a column of a record was anonymised, and when.
type anonymized struct {
	col string
	at  time.Time
}

// loadAnonymized returns, by key, the columns of the given records already anonymised
// under WithAnonymizeOnPurge: an anonymised value is anonymised once, never again.
func (s *Sweeper) loadAnonymized(ctx context.Context, q execer, keys []string) (map[string][]anonymized, error) {
	out := map[string][]anonymized{}
	err := s.eachRow(ctx, q, "anonymised columns", s.forKeys("record_key, column_name, anonymized_at", "pii_anonymized", "", keys),
		func(rows *sql.Rows) error {
			// A time that cannot be read is zero, before the row's creation: the value is
			// anonymised again rather than, perhaps, never.
			var k string
			var a anonymized
			var at storedTime
			if err := rows.Scan(&k, &a.col, &at); err != nil {
				return err
			}
			a.at = at.t
			out[k] = append(out[k], a)
			return nil
		})
	return out, err
}

// forKeys selects cols (fixed SQL) from the bookkeeping table bk for this Sweeper's table
// and the given keys, with the extra condition cond (fixed SQL, or "").
func (s *Sweeper) forKeys(cols, bk, cond string, keys []string) *query {
	return s.newQuery().sql("SELECT ", cols, " FROM ", bk, " WHERE table_name = ").arg(s.bk).
		sql(cond, " AND record_key IN ").in(anys(keys))
}

// eachRow runs qq and calls scan on each row; what names the rows in errors.
func (s *Sweeper) eachRow(ctx context.Context, q execer, what string, qq *query, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, qq.String(), qq.args...)
	if err != nil {
		return fmt.Errorf("piisql: reading %s of table %s: %w", what, s.m.Table, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("piisql: reading %s of table %s: %w", what, s.m.Table, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("piisql: reading %s of table %s: %w", what, s.m.Table, err)
	}
	return nil
}

// anys returns ss as arguments.
func anys[E any](ss []E) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// pendingRequests appends the condition that selects rows with a pending deletion request,
// whatever their columns hold (a row already cleared by its TTL must still be deleted
// under WithDeleteRows, and its request closed).
func (s *Sweeper) pendingRequests(q *query) {
	q.sql(s.keyTextColumn(), " IN (SELECT record_key FROM pii_requests WHERE table_name = ").
		arg(s.bk).sql(" AND done_at IS NULL)")
}
