package piisql

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// A Report says what a sweep did (or, for a dry run, would do), without any value: counts
// per column, the deletion requests it met, how long it took.
type Report struct {
	// Table is the table swept, and Now the time the sweep decided for.
	Table string
	Now   time.Time
	// DryRun is true for a report of DryRun: nothing was written.
	DryRun bool
	// Batches is the number of batches, and Rows the rows they examined (rows with
	// personal data left, or a pending deletion request).
	Batches int
	Rows    int
	// Cleared counts, per column, the rows whose value was set to NULL (or its zero value).
	Cleared map[string]int
	// Anonymized counts, per column, the values anonymised under WithAnonymizeOnPurge.
	Anonymized map[string]int
	// Deleted counts the rows deleted under WithDeleteRows.
	Deleted int
	// Held counts the rows left alone because a hold was in force at Now.
	Held int
	// NoCreated counts the rows whose creation time was NULL: no TTL of theirs can be
	// counted, and only a deletion request clears anything of them (its MTLs counted from
	// the request).
	NoCreated int
	// Unreadable counts the rows whose creation time could not be read (text in no known
	// layout, a value of another type): left alone as rows without one, and reported by
	// the sweep's error (ErrCreatedUnreadable), which names the first.
	Unreadable int
	// NoKey counts the rows left alone because their key is NULL (a UNIQUE key column
	// allows it): nothing can name them to clear, hold or audit them.
	NoKey int
	// Future counts the rows left alone because their creation time is after the
	// sweep's now (a skewed clock, or a bad timestamp).
	Future int
	// Failed counts the rows left as they were, in whole or in part, because the database
	// refused their change (a CHECK constraint, a trigger or a foreign key), their values
	// could not be read or anonymised, or their retention could not be decided (a hold or
	// request with a time outside the years 1 to 9999): the sweep's error (ErrRowFailed)
	// names the first, and why.
	Failed int
	// Requests holds the pending deletion requests of the rows examined, in key order.
	Requests []RequestStatus
	// Duration is how long the sweep took; LongestBatch, its longest batch.
	Duration, LongestBatch time.Duration

	firstUnreadable string // the key of the first row counted in Unreadable
	firstFailed     string // the key of the first row counted in Failed
	failure         error  // and why it failed
}

// add counts a batch's report into r.
func (r *Report) add(b Report) {
	r.Rows += b.Rows
	for c, n := range b.Cleared {
		r.Cleared[c] += n
	}
	for c, n := range b.Anonymized {
		r.Anonymized[c] += n
	}
	r.Deleted += b.Deleted
	r.Held += b.Held
	r.NoCreated += b.NoCreated
	r.Future += b.Future
	if r.Unreadable == 0 {
		r.firstUnreadable = b.firstUnreadable
	}
	r.Unreadable += b.Unreadable
	if r.Failed == 0 {
		r.firstFailed, r.failure = b.firstFailed, b.failure
	}
	r.Failed += b.Failed
	r.Requests = append(r.Requests, b.Requests...)
}

// A RequestStatus says where a deletion request stands after a sweep.
type RequestStatus struct {
	// Key is the record's key, as pii_requests stores it.
	Key string
	// Requested is when the deletion was asked for; DeletedAt, when the last column leaves
	// the table (the end of the longest minimum retention it waits for); GoneBy, when every
	// copy, backups included, is gone. As pii.DeletionPlan gives them, in the Sweeper's
	// location.
	Requested, DeletedAt, GoneBy time.Time
	// Done is true when the sweep carried the request out in full.
	Done bool

	ids []int64 // the pending requests it stands for, closed together
}

// Batch describes one committed batch, for WithProgress.
type Batch struct {
	// Number counts the sweep's batches from 1.
	Number int
	// Rows is the rows examined, Cleared and Anonymized the column values cleared and
	// anonymised, Deleted the rows deleted.
	Rows, Cleared, Anonymized, Deleted int
	// Duration is how long the batch took, its transaction included.
	Duration time.Duration
}

// String describes the report, one line for the sweep and one per column and request, in a
// stable order. Durations are left out, so that the same sweep reads the same.
func (r Report) String() string {
	const layout = "2006-01-02 15:04 MST"
	var b strings.Builder
	verb := "swept"
	if r.DryRun {
		verb = "dry run of"
	}
	fmt.Fprintf(&b, "%s %s at %s: %s, %s examined, %d held, %d without a creation time",
		verb, r.Table, r.Now.Format(layout), plural(r.Batches, "batch", "batches"), plural(r.Rows, "row", "rows"),
		r.Held, r.NoCreated)
	if r.Unreadable > 0 {
		fmt.Fprintf(&b, ", %d with an unreadable creation time", r.Unreadable)
	}
	if r.NoKey > 0 {
		fmt.Fprintf(&b, ", %d without a key", r.NoKey)
	}
	if r.Future > 0 {
		fmt.Fprintf(&b, ", %d created after now", r.Future)
	}
	if r.Failed > 0 {
		fmt.Fprintf(&b, ", %d left as they were (their change failed)", r.Failed)
	}
	for _, c := range slices.Sorted(maps.Keys(r.Cleared)) {
		fmt.Fprintf(&b, "\n  %s: %d cleared", c, r.Cleared[c])
	}
	for _, c := range slices.Sorted(maps.Keys(r.Anonymized)) {
		fmt.Fprintf(&b, "\n  %s: %d anonymised", c, r.Anonymized[c])
	}
	if r.Deleted > 0 {
		fmt.Fprintf(&b, "\n  rows deleted: %d", r.Deleted)
	}
	for _, q := range r.Requests {
		state := "pending"
		if q.Done {
			state = "done"
		}
		fmt.Fprintf(&b, "\n  deletion request %s (requested %s): %s, deleted by %s, gone by %s",
			q.Key, q.Requested.Format(layout), state, q.DeletedAt.Format(layout), q.GoneBy.Format(layout))
	}
	return b.String()
}

// plural writes n with the noun in the form n wants.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
