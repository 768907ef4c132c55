// Package tbuse logs to a test's log through a testing.TB it gets from another package,
// without importing "testing" (so no implementation of testing.TB is in sight): no
// hint, as testing's TB prints to a test's log. An interface of its own, shaped like
// testing.TB's Log and Logf, is a logger's all the same: a hint.
package tbuse

import (
	"models"
	"tbhelp"
)

// LogUser logs u to the test's log of e.
func LogUser(e *tbhelp.Env, u models.User) {
	e.TB.Logf("user %v", u)
	e.TB.Log(u.Email)
}

// TLog is shaped like testing.TB's Log and Logf, but is no test's: what implements it
// is not known here.
type TLog interface {
	Log(args ...any)
	Logf(format string, args ...any)
}

// Audit logs u through l.
func Audit(l TLog, u models.User) {
	l.Logf("user %v", u) // want `u \(models.User carries pii tags\) reaches tbuse.TLog.Logf as it is, a method of an interface whose implementation is not known here`
	l.Log(u.Email)       // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches tbuse.TLog.Log as it is, a method of an interface whose implementation is not known here`
}
