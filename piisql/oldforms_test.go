package piisql

import (
	"context"
	"testing"
)

// On SQLite a time is kept as text or, under modernc.org/sqlite's _time_integer_format,
// as a Unix integer, and SQLite orders every integer before every text: the records of
// anonymisation merged when the rows of an earlier version are rewritten keep the later
// time whichever forms the two are in. The earlier one was kept when it was text, and a
// value anonymised since its row was created was anonymised again.
func TestOldRecordsOfMixedFormsSQLite(t *testing.T) {
	d := sqliteDB(t)
	ctx := context.Background()
	table := d.table(t)
	s := d.sweeper(t, d.db, table, WithPolicy(testPolicy(t)), WithAnonymizeOnPurge())
	// Row 3 was created after the record of this version (that of an earlier row under
	// its key, SQLite giving a new row the key of the deleted last one), and anonymised
	// since, as the earlier version's record, an integer, says.
	d.insert(t, table, 3, day(30).Add(-30*60e9))
	d.exec(t, "UPDATE "+table+" SET sender = 'anonymised@example.com' WHERE id = 3")
	d.writeOld(t, oldRow{"pii_anonymized", table, "3"}, day(30).Add(-60*60e9))
	d.exec(t, "INSERT INTO pii_anonymized (table_name, record_key, column_name, anonymized_at) VALUES (?, '3', 'sender', ?)",
		"main."+table, day(31).Unix())
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var at storedTime
	if err := d.db.QueryRow("SELECT anonymized_at FROM pii_anonymized WHERE table_name = ? AND record_key = '3'", table).Scan(&at); err != nil || !at.t.Equal(day(31)) {
		t.Errorf("record 3 anonymised at %v (%v), want %v", at.t, err, day(31))
	}
	r, err := s.Sweep(ctx, day(70))
	if err != nil {
		t.Fatal(err)
	}
	if n := r.Anonymized["sender"]; n != 0 {
		t.Errorf("%d senders anonymised, want none: row 3's was", n)
	}
}
