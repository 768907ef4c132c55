// Package ifacelogger logs through a logger's interface that no type in sight
// implements (injected from main): a hint, as what logs behind it is not known.
package ifacelogger

import (
	"testing"

	"github.com/ef8f9424/pii"

	"models"
)

// Logger is satisfied by *log.Logger, given by main.
type Logger interface {
	Printf(format string, v ...any)
	Info(msg string, kv ...interface{})
	Publish(v ...any)
	Errorf(format string, v ...string)
}

// Service logs through its Logger.
type Service struct {
	log Logger
	p   *pii.Policy
}

func (s *Service) Create(u models.User) {
	s.log.Printf("created %v", u)       // want `u \(models.User carries pii tags\) reaches ifacelogger.Logger.Printf as it is, a method of an interface whose implementation is not known here \(a hint: fine if the logger behind it redacts by type\): pass pii.Safe\(u\), or pii.Redacted's copy`
	s.log.Printf("created %s", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches ifacelogger.Logger.Printf as it is, a method of an interface whose implementation is not known here \(a hint, but no logger can redact a string by its type\): pass the field of pii.Redacted's copy`
	s.log.Info("created", "user", u)    // want `u \(models.User carries pii tags\) reaches ifacelogger.Logger.Info as it is, a method of an interface`
	s.log.Printf("created %v", pii.Safe(u))
	r, _ := pii.Redacted(s.p, u)
	s.log.Printf("created %v", r)
	s.log.Printf("created %T", u)
	s.log.Printf("created %d", u.ID)
	s.log.Publish(u)            // not a logger's name
	s.log.Errorf("%s", u.Email) // not ...any
}

// debugf hands its values to the interface: its callers get the hint.
func (s *Service) debugf(format string, v ...any) { // want debugf:`forwards \[0 1\] to ifacelogger.Logger.Printf \(hint\)`
	s.log.Printf(format, v...)
}

func (s *Service) Update(u models.User) {
	s.debugf("updated %v", u) // want `u \(models.User carries pii tags\) reaches ifacelogger.Service.debugf, which hands it to ifacelogger.Logger.Printf as it is, a method of an interface whose implementation is not known here`
	s.debugf("updated %v", u.ID)
}

// Test logs to a test's log: testing's TB is no service's logger.
func Test(t testing.TB, u models.User) {
	t.Logf("user %v", u)
}
