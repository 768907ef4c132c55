// Package holding returns what its functions are given inside an interface or an
// argument list of their own building (the Holds fact).
package holding

import "strings"

// Box returns its value as any.
func Box[T any](v T) any { return v } // want Box:`holds \[0\]`

// Pair builds an argument list of a key and a value.
func Pair(k string, v any) []any { return []any{k, v} } // want Pair:`holds \[0 1\]`

// Again returns another's result.
func Again(v any) any { return Box(v) } // want Again:`holds \[0\]`

// Lower returns its texts lowered, in a list.
func Lower(ss []string) []string { // want Lower:`holds \[0\]`
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, strings.ToLower(s))
	}
	return out
}

// Count returns a number of what it is given: it holds none.
func Count(v any) []int { return []int{len(strings.Fields(v.(string)))} }

// Same returns its value, of its type parameter: the call's type says what it is.
func Same[T any](v T) T { return v } // want Same:"returns its first parameter"

// Err wraps a value in an error of its own: which field its Error prints is the
// Stores fact's to say.
func Err(v string) error { return &valueError{v} }

type valueError struct{ v string }

func (e *valueError) Error() string { return "bad value" } // want Error:"prints itself redacted"
