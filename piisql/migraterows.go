package piisql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// The bookkeeping tables whose rows name a record, and must be found by a batch.
var recordTables = []string{"pii_requests", "pii_holds", "pii_anonymized"}

// migrateRows brings this table's rows of the bookkeeping tables written by earlier
// versions of piisql to the form a batch looks them up by, so that no request, hold or
// record of anonymisation goes unmatched:
//
//   - rows that name the table otherwise than bookkeepingName does: as it was given to New
//     ("public.messages", "MESSAGES" or "main.messages" on SQLite), and on PostgreSQL
//     without its schema when that is not public and no other schema has a table of that
//     name (an unqualified name in a database where several have one could be any of them,
//     and is left as it is);
//   - keys of a char(n) key column written with their padding (the driver's string), where
//     a batch looks for the key as CAST(key AS TEXT) writes it, without it.
//
// With write false it only counts them. It returns how many rows it found.
func (s *Sweeper) migrateRows(ctx context.Context, write bool) (int64, error) {
	var found int64
	for _, bt := range recordTables {
		names, err := s.staleNames(ctx, bt)
		if err != nil {
			return found, err
		}
		if len(names) == 0 && !s.keyPadded {
			continue
		}
		cond := func(q *query) {
			q.sql("(")
			if len(names) > 0 {
				q.sql("table_name IN ").in(anys(names))
			} else {
				q.sql("1 = 0")
			}
			if s.keyPadded {
				q.sql(" OR table_name = ").arg(s.bk).sql(" AND record_key LIKE '% '")
			}
			q.sql(")")
		}
		var n int64
		q := s.newQuery().sql("SELECT COUNT(*) FROM ", bt, " WHERE ")
		cond(q)
		if err := s.db.QueryRowContext(ctx, q.String(), q.args...).Scan(&n); err != nil {
			return found, fmt.Errorf("piisql: table %s: reading %s: %w", s.m.Table, bt, err)
		}
		found += n
		if n == 0 || !write {
			continue
		}
		if err := s.rewriteRows(ctx, bt, cond); err != nil {
			return found, fmt.Errorf("piisql: table %s: rewriting the rows of %s written by earlier versions: %w", s.m.Table, bt, err)
		}
	}
	return found, nil
}

// rewriteRows rewrites the rows of bookkeeping table bt that cond selects to name the
// table by s.bk and its records by their unpadded keys, in one transaction. pii_anonymized
// holds one row per record and column: a row that meets one already there is merged into
// it, keeping the later time (a column anonymised no sooner than its row was created has
// been anonymised, whichever record says so).
func (s *Sweeper) rewriteRows(ctx context.Context, bt string, cond func(*query)) error {
	tx, err := s.dialect.begin(ctx, s.db)
	if err != nil {
		return err
	}
	defer tx.abandon()
	key := "record_key"
	if s.keyPadded {
		key = "RTRIM(record_key)"
	}
	var qs []*query
	if bt == "pii_anonymized" {
		ins := s.newQuery().sql("INSERT INTO pii_anonymized (table_name, record_key, column_name, anonymized_at) ")
		if s.dialect == PostgreSQL {
			ins.sql("SELECT ").arg(s.bk).sql(", ", key, ", column_name, MAX(anonymized_at) FROM pii_anonymized WHERE ")
			cond(ins)
			ins.sql(" GROUP BY ", key, ", column_name ON CONFLICT (table_name, record_key, column_name) DO UPDATE SET anonymized_at = ",
				"GREATEST(pii_anonymized.anonymized_at, excluded.anonymized_at)")
		} else {
			// The time of the row with the latest (SQLite takes a bare column from the row
			// of the one MAX), compared as sqliteSeconds reads them.
			ins.sql("SELECT t, k, c, a FROM (SELECT ").arg(s.bk).sql(" AS t, ", key, " AS k, column_name AS c, anonymized_at AS a, MAX(",
				sqliteSeconds("anonymized_at"), ") FROM pii_anonymized WHERE ")
			cond(ins)
			ins.sql(" GROUP BY k, c) WHERE true ON CONFLICT (table_name, record_key, column_name) DO UPDATE SET anonymized_at = CASE WHEN ",
				sqliteSeconds("excluded.anonymized_at"), " > ", sqliteSeconds("pii_anonymized.anonymized_at"),
				" THEN excluded.anonymized_at ELSE pii_anonymized.anonymized_at END")
		}
		del := s.newQuery().sql("DELETE FROM pii_anonymized WHERE ")
		cond(del)
		qs = append(qs, ins, del)
	} else {
		up := s.newQuery().sql("UPDATE ", bt, " SET table_name = ").arg(s.bk).sql(", record_key = ", key, " WHERE ")
		cond(up)
		qs = append(qs, up)
	}
	for _, q := range qs {
		if _, err := tx.ExecContext(ctx, q.String(), q.args...); err != nil {
			tx.rollback()
			return err
		}
	}
	return tx.commit()
}

// staleNames returns the names other than s.bk under which rows of bookkeeping table bt
// name this Sweeper's table. It reads the distinct names from the table's index, one
// probe each, however many rows they have.
func (s *Sweeper) staleNames(ctx context.Context, bt string) ([]string, error) {
	q := s.newQuery().sql(`WITH RECURSIVE n(name) AS (SELECT MIN(table_name) FROM ` + bt + `
		UNION ALL SELECT (SELECT MIN(table_name) FROM ` + bt + ` WHERE table_name > n.name) FROM n WHERE n.name IS NOT NULL)
		SELECT name FROM n WHERE name IS NOT NULL`)
	var all []string
	err := s.eachRow(ctx, s.db, "the names in "+bt, q, func(rows *sql.Rows) error {
		var name string
		err := rows.Scan(&name)
		all = append(all, name)
		return err
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, name := range all {
		if name == s.bk {
			continue
		}
		ok, err := s.denotes(ctx, name)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, name)
		}
	}
	return out, nil
}

// denotes reports whether a bookkeeping row that names its table name meant this
// Sweeper's table.
func (s *Sweeper) denotes(ctx context.Context, name string) (bool, error) {
	schema, table, qualified := strings.Cut(name, ".")
	if !qualified {
		schema, table = "", name
	}
	if s.dialect == SQLite {
		if !qualified {
			schema = "main"
		}
		return s.dialect.bookkeepingName(schema, table) == s.bk, nil
	}
	if qualified {
		return s.dialect.bookkeepingName(schema, table) == s.bk, nil
	}
	if table != s.name {
		return false, nil
	}
	// Unqualified, and this table is outside public (else name would be s.bk): the row's
	// writer found the table through its search_path. It meant this one if no other
	// schema has a table of the name.
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_catalog.pg_class WHERE relname = $1 AND relkind IN ('r', 'p', 'f')`, table).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("piisql: table %s: reading the catalogue: %w", s.m.Table, err)
	}
	return n == 1, nil
}

// sqliteSeconds is SQL that reads the SQLite time in column col, in any form storedTime
// reads, as Unix seconds, for comparing times: SQLite orders every number before every
// text, and a database whose driver wrote times first as text and then as integers
// (modernc.org/sqlite's _time_integer_format) holds both. Text is read to the second
// (the tables are written in UTC); a number by its size, as numericTime reads it.
func sqliteSeconds(col string) string {
	return "CASE WHEN typeof(" + col + ") = 'text' THEN unixepoch(substr(" + col + ", 1, 19))" +
		" WHEN " + col + " >= 1e18 THEN " + col + " / 1e9" +
		" WHEN " + col + " >= 1e15 THEN " + col + " / 1e6" +
		" WHEN " + col + " >= 1e12 THEN " + col + " / 1e3" +
		" WHEN " + col + " >= 1e8 THEN " + col +
		" ELSE (" + col + " - 2440587.5) * 86400 END"
}
