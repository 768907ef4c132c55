// Package piisql applies the retention rules of pii tags to the rows of a SQL table: it
// clears the personal-data columns whose maximum retention (ttl=) has run out, carries out
// deletion requests as the minimum retention (mtl=) allows, honours legal and fraud holds,
// and keeps an audit trail of what it did, by which rule, without ever reading or writing a
// value into it.
//
// The only input is the tagged Go type of the table's rows. Its columns come from `db:"..."`
// tags, as sqlx reads them, or from the field names in snake case; the record's creation
// time from the field tagged `pii:"no,created"`. New reads the table's schema and refuses a
// mapping that cannot work, naming the column.
//
// A Sweeper works in bounded batches by key, each in its own short transaction, so that no
// lock is held for long and a sweep stopped anywhere (a cancelled context, a crash) leaves
// every finished batch committed and the rest for the next run. Two sweepers may run at once:
// on PostgreSQL each batch locks its rows with FOR UPDATE SKIP LOCKED, and SQLite admits one
// writer at a time, so that each value is cleared and audited once. The SQL is kept to what PostgreSQL, CockroachDB and SQLite all accept.
//
// One row never stops a sweep: a row whose creation time cannot be read, whose change the
// database refuses (a CHECK constraint, a trigger, a foreign key) or whose retention cannot
// be decided is left as it was, the rest of the table is swept, and the sweep's error
// (ErrCreatedUnreadable, ErrRowFailed) names the first such record.
package piisql
