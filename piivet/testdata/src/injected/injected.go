// Package injected logs through a function field that main sets (Service{logf:
// log.Printf}): which function it holds is not known here, a hint.
package injected

import (
	"log"
	"models"
)

type Service struct {
	logf   func(format string, args ...any)
	Debug  func(args ...any)
	notify func(args ...any)
	quiet  func(format string, args ...any)
	count  func(n int)
	// Named with a logger's word inside another word: no loggers.
	Fingerprint func(parts ...any) string
	OnLogin     func(args ...any)
	Catalog     func(keys ...any) int
	errLog      func(args ...any)
}

// New takes the logger from main.
func New(logf func(string, ...any)) *Service {
	return &Service{logf: logf, quiet: func(string, ...any) {}}
}

func (s *Service) Create(u models.User) {
	s.logf("creating %v", u)       // want `u \(models.User carries pii tags\) reaches injected.Service.logf as it is, a function value whose function is not known here \(a hint: fine if the logger behind it redacts by type\)`
	s.logf("creating %s", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches injected.Service.logf as it is, a function value whose function is not known here \(a hint, but no logger can redact a string by its type\)`
	s.Debug(u)                     // want `reaches injected.Service.Debug as it is, a function value`
	s.logf("%T created", u)
	s.logf("created %d", u.ID)
	s.notify(u)
	s.quiet("creating %v", u)
	s.count(u.ID)
	s.Fingerprint(u)
	s.OnLogin(u)
	s.Catalog(u)
	s.errLog(u) // want `reaches injected.Service.errLog as it is, a function value`
}

// trace hands what it is given to the injected logger.
func (s *Service) trace(v any) { // want trace:`forwards \[0\] to injected.Service.logf \(hint\)`
	s.logf("trace %v", v)
}

func (s *Service) Update(u models.User) {
	s.trace(u) // want `u \(models.User carries pii tags\) reaches injected.Service.trace, which hands it to injected.Service.logf as it is, a function value whose function is not known here`
}

// Local logs through one set here: log.Printf.
type Local struct{ logf func(string, ...any) }

func (l Local) Create(u models.User) {
	l.logf("creating %v", u) // want `u \(models.User carries pii tags\) reaches log.Printf as it is`
}

var _ = Local{logf: log.Printf}
