// Command sqlsweep shows piisql at work on a SQLite file: it writes a table of messages
// of mixed ages, files a deletion request and places a legal hold, sweeps, and prints the
// report and what each row kept.
//
//	go run ./examples/sqlsweep [-db messages.db]
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/ef8f9424/pii/piisql"
	_ "modernc.org/sqlite"
)

// Message is a row of the messages table. Its tags say what is personal data and how long
// it may be kept: sender addresses 30 days, bodies at least 7 and at most 90.
type Message struct {
	ID      int64     `db:"id" pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
	Sender  *string   `pii:"email,ttl=30"`
	Body    *string   `pii:"true,mtl=7,ttl=90"`
	Topic   string    `pii:"no"`
}

func main() {
	path := flag.String("db", "", "the SQLite file to write (a new temporary one if empty)")
	flag.Parse()
	if *path == "" {
		dir, err := os.MkdirTemp("", "sqlsweep")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		*path = filepath.Join(dir, "messages.db")
	}
	if err := run(os.Stdout, *path, time.Now().UTC().Truncate(time.Minute)); err != nil {
		log.Fatal(err)
	}
}

// run writes the table into the SQLite file at path, sweeps it at now and prints to w.
func run(w io.Writer, path string, now time.Time) error {
	ctx := context.Background()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE messages (id INTEGER PRIMARY KEY,
		created_at TIMESTAMP NOT NULL, sender TEXT, body TEXT, topic TEXT NOT NULL)`); err != nil {
		return err
	}
	// Messages 1 to 6 are 2, 10, 40, 100, 100 and 3 days old.
	ages := []int{2, 10, 40, 100, 100, 3}
	for i, age := range ages {
		_, err := db.ExecContext(ctx, `INSERT INTO messages (id, created_at, sender, body, topic) VALUES (?, ?, ?, ?, ?)`,
			i+1, now.AddDate(0, 0, -age), fmt.Sprintf("user%d@example.com", i+1), "see you at 5", "orders")
		if err != nil {
			return err
		}
	}

	s, err := piisql.New[Message](ctx, db, piisql.SQLite, "messages", "id")
	if err != nil {
		return err
	}
	if err := s.Migrate(ctx); err != nil {
		return err
	}
	// The author of message 6 asks for its deletion today: its sender goes at once, its
	// body when its 7 days of minimum retention end.
	if err := s.RequestDeletion(ctx, 6, now); err != nil {
		return err
	}
	// Message 5 is evidence in a dispute: held since it was 50 days old.
	if err := s.PlaceHold(ctx, 5, "litigation", now.AddDate(0, 0, -50)); err != nil {
		return err
	}

	report, err := s.Sweep(ctx, now)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, report)
	fmt.Fprintln(w, "rows:")
	rows, err := db.QueryContext(ctx, `SELECT id, sender IS NOT NULL, body IS NOT NULL FROM messages ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var sender, body bool
		if err := rows.Scan(&id, &sender, &body); err != nil {
			return err
		}
		fmt.Fprintf(w, "  message %d (%d days old): sender %s, body %s\n", id, ages[id-1], kept(sender), kept(body))
	}
	return rows.Err()
}

func kept(b bool) string {
	if b {
		return "kept"
	}
	return "cleared"
}
