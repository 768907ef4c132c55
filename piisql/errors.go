package piisql

import (
	"errors"
	"fmt"
)

// The errors of the package, for errors.Is. They are wrapped with the table, column or
// field at fault, and never with a value.
var (
	// ErrIdentifier is returned for a table or column name that is not a plain SQL
	// identifier (letters, digits and underscores, not starting with a digit, at most 63
	// bytes): such a name is refused, never put into SQL.
	ErrIdentifier = errors.New("not an SQL identifier")
	// ErrNoTable is returned when the table does not exist in the database.
	ErrNoTable = errors.New("no such table")
	// ErrNoColumn is returned when a column the mapping needs (the key, the creation time, a
	// personal-data column) is missing from the table.
	ErrNoColumn = errors.New("no such column in the table")
	// ErrNoCreated is returned for a row type with no field tagged `pii:"no,created"`:
	// without each record's creation time no deadline can be computed.
	ErrNoCreated = errors.New(`no creation time: tag one time.Time field pii:"no,created"`)
	// ErrKeyIsPII is returned when the key column holds personal data: keys are written to
	// the bookkeeping tables and the reports, which must hold no personal data.
	ErrKeyIsPII = errors.New("the key column is tagged as personal data")
	// ErrNotColumn is returned for personal data inside a field that maps to one column (a
	// nested struct, a slice): a column cannot be partly cleared.
	ErrNotColumn = errors.New("personal data inside a field that maps to a single column")
	// ErrDuplicateColumn is returned when a personal-data or creation field maps to the same
	// column as another field (names compared in any case, as SQLite does): which field's
	// retention applies to it could not be told.
	ErrDuplicateColumn = errors.New("two fields map to one column")
	// ErrUnsettable is returned under WithAnonymizeOnPurge for a personal-data field that
	// reflection cannot set, one behind a pointer to an unexported embedded struct: its
	// value could not be read to be anonymised.
	ErrUnsettable = errors.New("field cannot be set by reflection (behind a pointer to an unexported embedded struct)")
	// ErrCreatedUnreadable is returned by a sweep that met rows whose creation time could
	// not be read: it swept the rest, and left those alone.
	ErrCreatedUnreadable = errors.New("unreadable creation time")
	// ErrRowFailed is returned by a sweep that left rows as they were, in whole or in
	// part, because the database refused their change (a CHECK constraint, a trigger or a
	// foreign key), their values could not be read or anonymised, or their retention
	// could not be decided: it swept the rest, and names the first and why.
	ErrRowFailed = errors.New("rows left as they were")
	// ErrNotStruct is returned for a row type that is not a struct.
	ErrNotStruct = errors.New("row type is not a struct")
	// ErrKeyType is returned for a key that is neither an integer nor a string.
	ErrKeyType = errors.New("key is neither an integer nor a string")
	// ErrNoRecord is returned by RequestDeletion and PlaceHold for a key with no row.
	ErrNoRecord = errors.New("no record with this key")
	// ErrNoHold is returned by LiftHold when the record has no hold in force.
	ErrNoHold = errors.New("no hold in force on the record")
	// ErrKeyNotUnique is returned when the table does not declare the key column unique (a
	// primary key of that column alone, or a unique index of it alone, with no WHERE): a
	// batch names its rows by key, and a key of two rows would clear the wrong ones.
	ErrKeyNotUnique = errors.New("the key column is not declared unique")
	// ErrNoZero is returned for a personal-data column declared NOT NULL whose Go type
	// writes its zero value as NULL (a driver.Valuer of its own): such a column has no
	// value to be cleared to.
	ErrNoZero = errors.New("NOT NULL column whose Go type has no zero value but NULL")
	// ErrNotMigrated is returned by a dry run that finds rows of the bookkeeping tables in
	// the form of an earlier version of piisql, which it would not match to their records
	// (a sweep or Migrate rewrites them).
	ErrNotMigrated = errors.New("bookkeeping rows of an earlier version: run Migrate")
	// ErrBatchSize is returned for a batch size below 1 or above MaxBatchSize.
	ErrBatchSize = errors.New("batch size out of range")
)

// A ColumnError reports a mapping that cannot work, naming the table, the column and the Go
// field (when one maps to it).
type ColumnError struct {
	Table  string
	Column string
	Field  string // the Go field path, or "" for the key column when no field maps to it
	Err    error
}

// Error names the table, column and field.
func (e *ColumnError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("piisql: table %s, column %s: %v", e.Table, e.Column, e.Err)
	}
	return fmt.Sprintf("piisql: table %s, column %s (field %s): %v", e.Table, e.Column, e.Field, e.Err)
}

// Unwrap returns the cause, for errors.Is.
func (e *ColumnError) Unwrap() error { return e.Err }
