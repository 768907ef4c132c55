// Package withheld holds the value that package pii puts in a log line in place of a
// value it could not make a redacted copy of, and withholds whole: one that holds
// personal data where no walk reaches (an unexported interface field that its own
// methods print). An adapter whose logger has a finer way for such a value (zap's
// marshalers, which write their fields through an encoder the adapter redacts) tells it
// by its type.
package withheld

// A Value prints, and encodes as JSON or text, as its note.
type Value struct{ Note string }

// String returns the note.
func (v Value) String() string { return v.Note }

// MarshalText gives the note, so that JSON and text encoders write it as a string.
func (v Value) MarshalText() ([]byte, error) { return []byte(v.Note), nil }
