// Package services holds routes a third review found in services written elsewhere: a
// tagged field copied into a local before it is logged, the elements of a channel or
// of a slice a helper ranges over.
package services

import (
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"

	"github.com/ef8f9424/pii"

	"models"
)

func Locals(u models.User, p *pii.Policy) {
	email := u.Email
	log.Printf("sending to %s", email) // want `email holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches log.Printf`
	id := u.ID
	log.Printf("user %d", id)
	n := len(u.Email)
	log.Printf("len %d", n)
	to := email
	log.Print(to) // want `to holds u.Email`
	r, _ := pii.Redacted(p, u)
	phone := r.Phone
	log.Print(phone)
	name := u.Phone
	name = "someone"
	log.Print(name)
}

// Drain prints what it receives: a Customer channel leaks through it.
func Drain[T any](ch <-chan T, w io.Writer) { // want Drain:`forwards \[0\] to fmt.Fprintln`
	for v := range ch {
		fmt.Fprintln(w, v)
	}
}

// Count only counts.
func Count[T any](ch <-chan T) int {
	n := 0
	for range ch {
		n++
	}
	return n
}

// Each prints the elements of a slice.
func Each(xs []any) { // want Each:`forwards \[0\] to log.Println`
	for _, x := range xs {
		log.Println(x)
	}
}

// First prints one received value.
func First(ch chan any) { // want First:`forwards \[0\] to log.Println`
	v := <-ch
	log.Println(v)
}

func Pipes(w io.Writer, u models.User) {
	users := make(chan models.User)
	stats := make(chan models.Stats)
	go Drain(users, w) // want `users \(chan models.User carries pii tags\) reaches services.Drain, which hands it to fmt.Fprintln`
	go Drain(stats, w)
	_ = Count(users)
	Each([]any{u}) // want `holds u \(models.User carries pii tags\), which reaches services.Each`
	Each([]any{u.ID})
	First(make(chan any))
}

// Worker keeps a logging function it is given as a literal.
type Worker struct {
	logf func(format string, args ...any)
}

func Closures(u models.User, p *pii.Policy) {
	logOne := func(v any) { log.Println("one", v) }
	logOne(u.ID)
	logOne(u) // want `u \(models.User carries pii tags\) reaches services.logOne, which hands it to log.Println`
	logOne(pii.Safe(u))
	audit := func(who string) { logOne("audit " + who) }
	audit("system")
	audit(u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches services.audit, which hands it to services.logOne`
	w := Worker{logf: func(format string, args ...any) { log.Printf(format, args...) }}
	w.logf("user %d", u.ID)
	w.logf("user %v", u) // want `reaches services.logf, which hands it to log.Printf`
	w.logf("user %T", u)
	r, _ := pii.Redacted(p, u)
	logOne(r)
	var quiet func(any)
	quiet = func(v any) { _ = v }
	quiet(u)
}

func Cased(u models.User) {
	log.Printf("login %s", strings.ToLower(u.Email))                    // want `strings.ToLower\(u.Email\) holds u.Email \(tagged pii:"email"`
	log.Printf("login %s", strings.TrimSpace(strings.ToUpper(u.Phone))) // want `holds u.Phone`
	log.Printf("login %s", strings.ToLower(Worker{}.Name()))
	log.Printf("login %d", strings.Count(u.Email, "@"))
	log.Printf("login %s", strconv.Quote(u.Email)) // want `holds u.Email`
}

// Name is a method of no personal data.
func (w Worker) Name() string { return "worker" }

// Logger is the service's own logging interface.
type Logger interface {
	Info(msg string, args ...any)
}

// stdLogger implements it by printing.
type stdLogger struct{}

func (stdLogger) Info(msg string, args ...any) { // want Info:`forwards \[0 1\] to log.Println`
	log.Println(append([]any{msg}, args...)...)
}

// Quiet is implemented only by a logger that logs nothing.
type Quiet interface {
	Debug(msg string, args ...any)
}

type nop struct{}

func (nop) Debug(string, ...any) {}

func Interfaces(l Logger, q Quiet, u models.User) {
	l.Info("signup", "id", u.ID)
	l.Info("signup", "user", u) // want `u \(models.User carries pii tags\) reaches services.Logger.Info \(as services.stdLogger.Info\), which hands it to log.Println`
	l.Info("signup", "user", pii.Safe(u))
	q.Debug("signup", "user", u)
}

// Note prints itself through the library: what is put in its tagged field is redacted
// with it; what is put in its other fields is not.
type Note struct { // want Note:"pii-tagged"
	Email string `pii:"email"`
	Text  string `pii:"no"`
}

func (n Note) String() string { return pii.Safe(n).String() } // want String:"prints itself redacted"

func Notes(u models.User) {
	log.Print(Note{Email: u.Email, Text: "signup"})
	log.Print(Note{u.Email, "signup"})
	log.Print(&Note{Email: u.Email})
	log.Print(Note{Text: u.Email}) // want `Note\{…\} holds u.Email \(tagged pii:"email" at models.User.Email\)`
}

// lineWriter logs what is written to it.
type lineWriter struct{}

func (lineWriter) Write(p []byte) (int, error) { // want Write:`forwards \[0\] to log.Print`
	log.Print(string(p))
	return len(p), nil
}

func Writers(w io.Writer, u models.User) {
	_, _ = w.Write([]byte(u.Email)) // want `\[\]byte\(u.Email\) holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches io.Writer.Write \(as services.lineWriter.Write\)`
	_, _ = w.Write([]byte("ok"))
}

func Made(us []models.User, p *pii.Policy) {
	out := make([]models.User, 0, len(us))
	for _, u := range us {
		r, _ := pii.Redacted(p, u)
		out = append(out, r)
	}
	log.Print(out)
	raw := make([]models.User, 0, len(us))
	raw = append(raw, us...)
	log.Print(raw) // want `raw \(\[\]models.User carries pii tags\) reaches log.Print`
	byID := make(map[int]models.User)
	for _, u := range us {
		byID[u.ID] = u
	}
	log.Print(byID) // want `byID \(map\[int\]models.User carries pii tags\) reaches log.Print`
}

func Channels(u models.User) {
	events := make(chan any, 2)
	events <- u.ID
	log.Println(<-events)
	events <- u
	log.Println(<-events) // want `<-events holds u \(models.User carries pii tags\), which reaches log.Println`
	ids := make(chan int, 1)
	ids <- u.ID
	log.Println(<-ids)
}

func Consumer(u models.User) {
	events := make(chan any)
	go func() {
		for ev := range events {
			log.Println(ev) // want `ev holds u \(models.User carries pii tags\), which reaches log.Println`
		}
	}()
	events <- u.ID
	events <- u
	close(events)
}

func Keys(us []models.User) {
	seen := map[string]bool{}
	byID := map[int]string{}
	for _, u := range us {
		seen[u.Email] = true
		byID[u.ID] = "x"
	}
	log.Print(len(seen))
	log.Print(byID)
	log.Print(seen) // want `seen holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches log.Print`
}
