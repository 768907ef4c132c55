// Package overwritten logs a field after it was set again, and a text buffer after it was
// reset: what it held before is gone where the overwrite runs first on every path.
package overwritten

import (
	"bytes"
	"fmt"
	"log"
	"models"
	"strings"
)

type Event struct {
	Kind    string
	Payload any
}

// set sets the payload.
func (e *Event) set(v any) { e.Payload = v }

// fields overwrites a field set to personal data, then logs it.
func fields(u models.User, ok bool) {
	e := Event{Kind: "user", Payload: u}
	e.Payload = u.ID
	log.Println(e.Payload)

	// Overwritten again, with personal data, between: it holds that.
	again := Event{Payload: u.ID}
	again.Payload = 1
	if ok {
		again.Payload = u.Email
	}
	log.Println(again.Payload) // want `again.Payload holds u.Email`

	// Overwritten in a branch only: it may hold either.
	branch := Event{Payload: u}
	if ok {
		branch.Payload = u.ID
	}
	log.Println(branch.Payload) // want `branch.Payload holds u \(models.User carries pii tags\)`

	// Overwritten, then the whole struct set again.
	reset := Event{Payload: u.ID}
	reset.Payload = 1
	reset = Event{Payload: u}
	log.Println(reset.Payload) // want `reset.Payload holds u`

	// Logged in a loop that sets it after: a later turn logs that.
	loop := Event{Payload: u}
	loop.Payload = u.ID
	for range 2 {
		log.Println(loop.Payload) // want `loop.Payload holds u`
		loop.Payload = u
	}

	// Logged in a function literal: it runs when called, after what follows.
	later := Event{Payload: u}
	later.Payload = u.ID
	show := func() {
		log.Println(later.Payload) // want `later.Payload holds u`
	}
	later.Payload = u
	show()

	// Set in a function literal called between.
	set := Event{Payload: u}
	refill := func() { set.Payload = u }
	set.Payload = u.ID
	refill()
	log.Println(set.Payload) // want `set.Payload holds u`

	// Set through a pointer.
	aliased := Event{Payload: u}
	p := &aliased
	aliased.Payload = u.ID
	p.Payload = u
	log.Println(aliased.Payload) // want `aliased.Payload holds u`

	// Set by a method given its address.
	method := Event{Payload: u}
	method.Payload = u.ID
	method.set(u)
	log.Println(method.Payload) // want `method.Payload holds u`

	// A label between lets a goto skip the overwrite.
	jumped := Event{Payload: u}
	if ok {
		goto show
	}
	jumped.Payload = u.ID
show:
	log.Println(jumped.Payload) // want `jumped.Payload holds u`
}

// buffers resets a strings.Builder or bytes.Buffer given personal data, then logs it.
func buffers(u models.User, ok bool) {
	var b strings.Builder
	b.WriteString(u.Email)
	b.Reset()
	b.WriteString("user ")
	b.WriteString(fmt.Sprint(u.ID))
	log.Println(b.String())
	msg := b.String()
	log.Println(msg)

	var buf bytes.Buffer
	buf.WriteString(u.Phone)
	buf.Truncate(0)
	buf.WriteString("done")
	log.Println(buf.String())

	// Written again after the reset.
	var after strings.Builder
	after.WriteString(u.Email)
	after.Reset()
	after.WriteString(u.Phone)
	log.Println(after.String()) // want `after.String\(\) holds u.Phone`

	// Reset in a branch only.
	var branch strings.Builder
	branch.WriteString(u.Email)
	if ok {
		branch.Reset()
	}
	log.Println(branch.String()) // want `branch.String\(\) holds u.Email`

	// Reset before the loop that writes it, logged in that loop.
	var loop strings.Builder
	loop.Reset()
	for range 2 {
		log.Println(loop.String()) // want `loop.String\(\) holds u.Email`
		loop.WriteString(u.Email)
	}

	// Written in a function literal that runs after the reset.
	var deferred strings.Builder
	write := func() { deferred.WriteString(u.Email) }
	deferred.Reset()
	write()
	log.Println(deferred.String()) // want `deferred.String\(\) holds u.Email`

	// Written through a pointer taken before.
	var pointed strings.Builder
	w := &pointed
	pointed.WriteString(u.Email)
	pointed.Reset()
	w.WriteString(u.Email)
	log.Println(pointed.String()) // want `pointed.String\(\) holds u.Email`

	// Written again with what it held before the reset.
	var kept2 strings.Builder
	kept2.WriteString(u.Email)
	before := kept2.String()
	kept2.Reset()
	kept2.WriteString(before)
	log.Println(kept2.String()) // want `kept2.String\(\) holds u.Email`

	// Truncated to a length that keeps what was written.
	var kept bytes.Buffer
	kept.WriteString(u.Email)
	kept.Truncate(3)
	log.Println(kept.String()) // want `kept.String\(\) holds u.Email`
}
