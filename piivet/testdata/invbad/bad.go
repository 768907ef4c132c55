// Package invbad compiles, but one of its tags is malformed.
package invbad

type Bad struct {
	Phone float64 `pii:"phone"`
}
