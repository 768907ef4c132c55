// Package higherchain hands a printer down through more than one function before it is
// called with what was given with it.
package higherchain

import (
	"higher"
	"log"
	"models"
)

// process logs a user through the logf it is given.
func process(u models.User, logf func(string, ...any)) { // want process:`calls \[1\] with \[0\]`
	logf("processing %v", u)
}

// outer hands both on to process.
func outer(u models.User, f func(string, ...any)) { // want outer:`calls \[1\] with \[0\]`
	process(u, f)
}

// outmost hands them on to outer, the other way round.
func outmost(f func(string, ...any), u models.User) { // want outmost:`calls \[0\] with \[1\]`
	outer(u, f)
}

// imported hands them on to another package's function.
func imported(u models.User, f func(string, ...any)) { // want imported:`calls \[1\] with \[0\]`
	higher.Process(u, f)
}

// Service logs through the function it is given.
type Service struct{ u models.User } // want Service:"pii-tagged"

// run hands its receiver's user on.
func (s *Service) run(f func(string, ...any)) { // want run:`calls \[0\] with \[receiver\]`
	process(s.u, f)
}

// own hands process a function of its own, and calls its parameter with a constant.
func own(u models.User, f func(string, ...any)) {
	process(u, func(string, ...any) {})
	f("done")
}

// counts hands process what it computes, not its parameter.
func counts(us []models.User, f func(string, ...any)) {
	process(models.User{ID: len(us)}, f)
}

// typed hands its value to a function that prints only its type.
func typed(u models.User, f func(string, ...any)) {
	typeOnly(u, f)
}

func typeOnly(u models.User, logf func(string, ...any)) {
	logf("a %T", u)
}

func use(u models.User, s *Service, us []models.User) {
	outer(u, log.Printf)    // want `u \(models.User carries pii tags\) reaches higherchain.outer, which hands it to log.Printf`
	outmost(log.Printf, u)  // want `u \(models.User carries pii tags\) reaches higherchain.outmost, which hands it to log.Printf`
	imported(u, log.Printf) // want `reaches higherchain.imported, which hands it to log.Printf`
	s.run(log.Printf)       // want `s \(\*higherchain.Service carries pii tags\) reaches higherchain.Service.run, which hands it to log.Printf`
	own(u, log.Printf)
	counts(us, log.Printf)
	typed(u, log.Printf)
	outer(u, func(string, ...any) {})
}
