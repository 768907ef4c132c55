package benchmarks

import (
	"io"
	"log/slog"
)

// The contenders of each workload. Ours come first in every list, so that benchstat,
// which compares every column with the first, reports each peer against ours.

// A StructRunner redacts the sample record once per Run call. A runner belongs to one
// goroutine; the shared, concurrency-safe state (a policy, a marshaler) lives in the
// case that made it.
type StructRunner interface {
	// Run redacts the sample record, in place or into a copy as the library does.
	Run() error
	// Result returns what the last Run produced, as a Record, for the correctness table.
	Result() Record
}

// A StructCase is one library's way of redacting the struct workload.
type StructCase struct {
	Name string
	// NewRunner returns a runner for one goroutine.
	NewRunner func() (StructRunner, error)
}

// A LogCase is one slog handler writing the log-line workload as JSON.
type LogCase struct {
	Name string
	// NewHandler returns the handler under test writing to w.
	NewHandler func(w io.Writer) (slog.Handler, error)
	// Prepare, when set, returns what is logged in place of the record, inside the
	// timed loop: the floor logs a copy it redacted itself through plain slog.
	Prepare func(Record) any
}

// value returns what c logs for rec.
func (c LogCase) value(rec Record) any {
	if c.Prepare == nil {
		return rec
	}
	return c.Prepare(rec)
}

// A TextCase is one library's free-text redaction.
type TextCase struct {
	Name string
	// NewRedactor returns the redaction function for one goroutine.
	NewRedactor func() (func(string) (string, error), error)
}

// StructCases lists the contenders of the struct workload: ours, the floor, the peers.
func StructCases() []StructCase {
	return append(append(oursStructCases(), floorStructCases()...), peerStructCases()...)
}

// LogCases lists the contenders of the log-line workload: ours, the floor, the peers.
func LogCases() []LogCase {
	return append(append(oursLogCases(), floorLogCases()...), peerLogCases()...)
}

// TextCases lists the contenders of the free-text workloads, ours first.
func TextCases() []TextCase { return append(oursTextCases(), peerTextCases()...) }

// LastLine is an io.Writer that keeps only the last write: the log line a handler wrote.
// It reuses its buffer, so writing costs every handler the same and allocates nothing
// once warm.
type LastLine struct{ b []byte }

// Write keeps a copy of p as the last line.
func (l *LastLine) Write(p []byte) (int, error) {
	l.b = append(l.b[:0], p...)
	return len(p), nil
}

// String returns the last line written.
func (l *LastLine) String() string { return string(l.b) }

// LogMessage and LogKey are the message and attribute key of the log-line workload.
const (
	LogMessage = "inbound message"
	LogKey     = "record"
)
