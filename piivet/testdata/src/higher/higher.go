// Package higher hands a printer to a function as a value (a logf injected into a
// helper), which calls it with what it was given.
package higher

import (
	"fmt"
	"log"
	"models"
)

// each prints each user with the printer it is given.
func each(us []models.User, f func(...any) (int, error)) { // want each:`calls \[1\] with \[0\]`
	for _, u := range us {
		_, _ = f(u)
	}
}

// process logs a user through the logf it is given.
func process(u models.User, logf func(string, ...any)) { // want process:`calls \[1\] with \[0\]`
	logf("processing %v", u)
}

// later logs in a goroutine.
func later(v any, logf func(string, ...any)) { // want later:`calls \[1\] with \[0\]`
	go func() { logf("later %v", v) }()
}

// count calls what it is given with the number of users only.
func count(us []models.User, logf func(string, ...any)) {
	logf("count %d", len(us))
}

// first logs the ID of the first user only.
func first(us []models.User, logf func(string, ...any)) {
	logf("first %s", us[0].ID)
}

// Service holds its users and logs through what it is given.
type Service struct{ us []models.User } // want Service:"pii-tagged"

// Dump logs every user through f.
func (s *Service) Dump(f func(...any)) { // want Dump:`calls \[0\] with \[receiver\]`
	for _, u := range s.us {
		f(u)
	}
}

func quiet(...any) {}

func use(us []models.User, u models.User, l *log.Logger, s *Service) {
	each(us, fmt.Println)  // want `us \(\[\]models.User carries pii tags\) reaches higher.each, which hands it to fmt.Println`
	process(u, log.Printf) // want `u \(models.User carries pii tags\) reaches higher.process, which hands it to log.Printf`
	process(u, l.Printf)   // want `reaches higher.process, which hands it to log.Logger.Printf`
	later(u, log.Printf)   // want `reaches higher.later, which hands it to log.Printf`
	logf := log.Printf
	process(u, logf) // want `reaches higher.process, which hands it to log.Printf`

	count(us, log.Printf)
	first(us, log.Printf)
	process(u, func(string, ...any) {})
	s.Dump(quiet)
	s.Dump(log.Print) // want `s \(\*higher.Service carries pii tags\) reaches higher.Service.Dump, which hands it to log.Print`
}

// Process is process, for other packages.
func Process(u models.User, logf func(string, ...any)) { // want Process:`calls \[1\] with \[0\]`
	logf("processing %v", u)
}

// typed logs only the type of what it is given.
func typed(u models.User, logf func(string, ...any)) {
	logf("processing a %T", u)
}

// notFound is a tagged error.
type notFound struct { // want notFound:"pii-tagged"
	Email string `pii:"email"`
}

func (e *notFound) Error() string { return "not found: " + e.Email } // want Error:`returns tagged pii:"email" at higher.notFound.Email`

// wrap wraps an error with the function it is given.
func wrap(err error, errorf func(string, ...any) error) error { // want wrap:`calls \[1\] with \[0\] at %w`
	return errorf("context: %w", err)
}

func useFormats(u models.User) {
	typed(u, log.Printf)                     // %T: the type only
	_ = wrap(&notFound{u.Email}, fmt.Errorf) // %w of fmt.Errorf: kept whole in its chain
	wrap(&notFound{u.Email}, func(f string, a ...any) error { log.Printf(f, a...); return nil })
}
