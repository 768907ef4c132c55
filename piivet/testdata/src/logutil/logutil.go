// Package logutil wraps sinks, as services do: its callers' arguments reach the sinks.
package logutil

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/ef8f9424/pii"
)

// Logf logs through the standard logger.
func Logf(format string, args ...any) { // want Logf:`forwards \[0 1\] to log.Printf`
	log.Printf(format, args...)
}

// Dump prints one value.
func Dump(label string, v any) { // want Dump:`forwards \[0 1\] to fmt.Fprintf`
	fmt.Fprintf(os.Stderr, "%s: %+v\n", label, v)
}

// Logger carries a prefix.
type Logger struct{ prefix string }

// Infof logs with the prefix, through Logf.
func (l *Logger) Infof(format string, args ...any) { // want Infof:`forwards \[0 1\] to logutil.Logf, which hands it to log.Printf`
	Logf(l.prefix+format, args...)
}

// Fields logs key/value pairs it builds itself.
func Fields(kv ...any) { // want Fields:`forwards \[0\] to fmt.Println`
	all := append([]any{"fields"}, kv...)
	fmt.Println(all...)
}

// Safe redacts what it is given before logging it: nothing reaches a sink as it is.
func Safe(v any) {
	fmt.Println(pii.Safe(v))
}

// Count logs only how many values it was given.
func Count(vs ...any) {
	fmt.Println(len(vs))
}

// Replaced logs something else than what it was given.
func Replaced(v any) {
	v = "nothing"
	fmt.Println(v)
}

// WriteJSON encodes v.
func WriteJSON(w io.Writer, v any) error { // want WriteJSON:`forwards \[1\] to json.Encoder.Encode`
	return json.NewEncoder(w).Encode(v)
}

// Redact returns a redacted copy of u, as a helper of a service would.
func Redact[T any](p *pii.Policy, v T) T { // want Redact:`returns a redacted copy`
	r, err := pii.Redacted(p, v)
	if err != nil {
		var zero T
		return zero
	}
	return r
}

// RedactErr returns the library's answer as it is.
func RedactErr[T any](p *pii.Policy, v T) (T, error) { // want RedactErr:`returns a redacted copy`
	return pii.Redacted(p, v)
}

// NotRedact returns its argument on one path.
func NotRedact[T any](p *pii.Policy, v T, ok bool) T {
	if ok {
		return v
	}
	r, _ := pii.Redacted(p, v)
	return r
}

// Email logs an address it is given as a string.
func Email(event, addr string) { // want Email:`forwards \[0 1\] to log.Printf`
	log.Printf("%s by %s", event, addr)
}

// ID logs a number taken from a record.
func ID(u Record) {
	log.Println(u.ID)
}

// Record is an untagged record a helper takes.
type Record struct{ ID int }

// Must returns v, or panics with err: what it returns is what it is given.
func Must[T any](v T, err error) T { // want Must:`forwards \[1\] to panic` Must:"returns its first parameter"
	if err != nil {
		panic(err)
	}
	return v
}
