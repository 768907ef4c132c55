// Package texts hands the text of tagged values to sinks: errors wrapped where they are
// printed, the text an Error or String method gives, and parts of a tagged field's text.
package texts

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"models"
)

type NotFound struct { // want NotFound:"pii-tagged"
	Email string `pii:"email"`
}

func (e *NotFound) Error() string { return "no user " + e.Email } // want Error:`returns tagged pii:"email" at texts.NotFound.Email`

// Quiet prints nothing of what it holds.
type Quiet struct { // want Quiet:"pii-tagged"
	Email string `pii:"email"`
}

func (Quiet) Error() string { return "not found" } // want Error:"prints itself redacted"

func Wrapped(email string) {
	var err error = &NotFound{Email: email}
	log.Println(err)                         // want `err holds &NotFound\{…\} \(\*texts.NotFound carries pii tags\)`
	log.Println(fmt.Errorf("find: %w", err)) // want `holds &NotFound\{…\}`
	log.Println(errors.Join(err))            // want `holds &NotFound\{…\}`
	w := fmt.Errorf("x: %w", err)
	log.Println(w)                           // want `holds &NotFound\{…\}`
	log.Println(fmt.Errorf("find: %s", "x")) // nothing wrapped
	var q error = Quiet{Email: email}
	log.Println(fmt.Errorf("find: %w", q)) // its text holds nothing
}

func ErrorText(email string) {
	var err error = &NotFound{Email: email}
	log.Println("find: " + err.Error()) // want `holds &NotFound\{…\}`
	nf := &NotFound{Email: email}
	log.Println(nf.Error()) // want `nf.Error\(\) \(the field tagged pii:"email" at texts.NotFound.Email, returned by texts.NotFound.Error\)`
	s := nf.Error()
	log.Println(s) // want `s holds nf.Error\(\)`
	log.Println(Quiet{Email: email}.Error())
}

func Parts(u models.User) {
	log.Println(strings.Split(u.Email, "@")[0]) // want `tagged pii:"email" at models.User.Email`
	parts := strings.Split(u.Email, "@")
	log.Println(parts[0]) // want `tagged pii:"email" at models.User.Email`
	s := u.Email
	log.Println(s[:3])       // want `tagged pii:"email" at models.User.Email`
	log.Println(u.Email[1:]) // want `tagged pii:"email" at models.User.Email`
	row := []string{fmt.Sprint(u.ID), u.Email}
	log.Println(row[0]) // which element holds what is not followed
	code := fmt.Sprint(u.ID)
	log.Println(code[:2])
	ids := strings.Split(code, "-")
	log.Println(ids[0])
}

// Coded is a tagged error whose Error, with a pointer receiver, prints its ID only.
type Coded struct { // want Coded:"pii-tagged"
	ID    int    `pii:"no"`
	Email string `pii:"email"`
}

func (e *Coded) Error() string { return fmt.Sprintf("user %d not found", e.ID) } // want Error:"prints itself redacted"

func Hidden(email string) {
	var err error = &Coded{ID: 1, Email: email}
	log.Println(err)
	log.Println(err.Error())
	log.Println(fmt.Errorf("x: %w", err))
	c := &Coded{ID: 1, Email: email}
	log.Println(c)
	log.Println(c.Error())
	log.Println(Coded{ID: 1, Email: email}) // want `Coded\{…\} \(texts.Coded carries pii tags\) reaches log.Println`
}
