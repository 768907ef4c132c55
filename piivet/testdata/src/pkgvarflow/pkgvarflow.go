// Package pkgvarflow stores values in package-level variables in one function and
// reads them in another, which does not name the function the value came from: the
// facts of the reader follow those of the writer's callees, wherever they are declared.
package pkgvarflow

import (
	"log"
	"models"

	"github.com/ef8f9424/pii"
)

var lastUser any

// set stores what lookup gives, declared after get.
func set(id int) { lastUser = lookup(id) }

// get returns what set stored.
func get() any { return lastUser } // want get:`yields \[0\] models.User`

// lookup returns a user.
func lookup(id int) any { return models.User{ID: id} } // want lookup:`yields \[0\] models.User`

func use() {
	set(1)
	log.Println(get()) // want `get\(\) \(pkgvarflow.get may return models.User, which carries pii tags\) reaches log.Println`
}

var cached []models.User

// load stores the redacted copies redactAll makes, declared after current.
func load(us []models.User) { cached = redactAll(us) }

// current returns what load stored.
func current() []models.User { return cached } // want current:"returns a redacted copy"

// redactAll returns redacted copies.
func redactAll(us []models.User) []models.User { // want redactAll:"returns a redacted copy"
	var out []models.User
	for _, u := range us {
		r, _ := pii.Redacted(nil, u)
		out = append(out, r)
	}
	return out
}

func useRedacted(us []models.User) {
	load(us)
	log.Println(current()) // a redacted copy: no report
}
