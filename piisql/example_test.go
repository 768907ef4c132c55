package piisql_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ef8f9424/pii/piisql"
	_ "modernc.org/sqlite"
)

// Signup is a row of a signups table: the email address may be kept 30 days.
type Signup struct {
	ID      int64     `db:"id" pii:"no"`
	At      time.Time `db:"created_at" pii:"no,created"`
	Email   *string   `pii:"email,ttl=30"`
	Country string    `pii:"no"`
}

func ExampleSweeper_Sweep() {
	dir, _ := os.MkdirTemp("", "piisql")
	defer os.RemoveAll(dir)
	db, _ := sql.Open("sqlite", filepath.Join(dir, "signups.db"))
	defer db.Close()
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	db.Exec(`CREATE TABLE signups (id INTEGER PRIMARY KEY, created_at TIMESTAMP NOT NULL, email TEXT, country TEXT)`)
	db.Exec(`INSERT INTO signups VALUES (1, ?, 'ann@example.com', 'NZ'), (2, ?, 'bo@example.com', 'FR')`,
		now.AddDate(0, 0, -45), now.AddDate(0, 0, -5))

	s, err := piisql.New[Signup](ctx, db, piisql.SQLite, "signups", "id")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := s.Migrate(ctx); err != nil {
		fmt.Println(err)
		return
	}
	report, err := s.Sweep(ctx, now)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report)
	// Output:
	// swept signups at 2026-06-01 12:00 UTC: 1 batch, 2 rows examined, 0 held, 0 without a creation time
	//   email: 1 cleared
}

// A mapping that names a column the table lacks is refused before any sweep.
func ExampleNew_missingColumn() {
	dir, _ := os.MkdirTemp("", "piisql")
	defer os.RemoveAll(dir)
	db, _ := sql.Open("sqlite", filepath.Join(dir, "signups.db"))
	defer db.Close()
	db.Exec(`CREATE TABLE signups (id INTEGER PRIMARY KEY, created_at TIMESTAMP NOT NULL, country TEXT)`)

	_, err := piisql.New[Signup](context.Background(), db, piisql.SQLite, "signups", "id")
	fmt.Println(err)
	// Output:
	// piisql: table signups, column email (field Email): no such column in the table
}
