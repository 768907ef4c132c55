// Package parts logs a part of what holds a record: an element of an argument list or
// map, a field of a wrapper set to a literal or assigned.
package parts

import (
	"fmt"
	"log"
	"models"
)

type Envelope struct {
	Kind    string
	Payload any
}

func use(u models.User, i int) {
	e := Envelope{Kind: "user", Payload: u}
	log.Println(e.Payload) // want `e.Payload holds u \(models.User carries pii tags\), which reaches log.Println`
	log.Println(e.Kind)
	p := &Envelope{}
	p.Payload = &u
	log.Println(p.Payload) // want `p.Payload holds &u`
	var late Envelope
	log.Println(late.Payload)
	late.Payload = u

	m := map[string]any{"id": u.ID, "user": u}
	log.Println(m["user"]) // want `m\["user"\] holds u`
	log.Println(m["id"])
	args := []any{u.ID, u}
	log.Println(args[1]) // want `args\[1\] holds u`
	log.Println(args[0])
	log.Println(args[i]) // want `args\[i\] holds u`
	emails := []string{fmt.Sprint(u.ID)}
	emails = append(emails, u.Email)
	log.Println(emails[1]) // want `emails\[1\] holds u.Email \(tagged pii:"email" at models.User.Email\)`
	log.Println([]any{u.ID, u}[0])
	log.Println([2]any{1: u}[1]) // want `holds u`
	seen := map[string]int{}
	seen[u.Email] = 1
	for k := range seen {
		log.Println(seen[k])
	}
	log.Println(seen) // want `seen holds u.Email`
}
