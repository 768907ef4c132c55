// Package tbhelp hands tests a testing.TB through its own type, so that a package that
// uses it need not import "testing" (see tbuse).
package tbhelp

import (
	"testing"

	"models"
)

// Env holds a test's TB.
type Env struct{ TB testing.TB }

// New returns an Env for t.
func New(t *testing.T) *Env { return &Env{TB: t} }

// Dump logs u to a test's log: a *testing.T is no service's logger.
func Dump(t *testing.T, u models.User) {
	t.Log(u)
	t.Logf("email %s", u.Email)
}
