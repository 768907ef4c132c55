// Package elemfields logs fields of the elements of what its helpers are given: a
// field that is no personal data hands nothing on, a tagged one is reported where it is
// written, and an element itself is handed on.
package elemfields

import (
	"log"
	"models"
)

// first logs the ID of the first user only.
func first(us []models.User) {
	log.Println("first", us[0].ID)
}

// byKey logs the ID of one user of a map.
func byKey(m map[string]models.User) {
	log.Println(m["a"].ID, len(m))
}

// ids collects the IDs by index.
func ids(us []models.User) {
	args := make([]any, len(us))
	for i := range us {
		args[i] = us[i].ID
	}
	log.Println(args...)
}

// mail logs a tagged field of an element: reported here.
func mail(us []models.User) {
	log.Println(us[0].Email) // want `us\[0\].Email \(tagged pii:"email" at models.User.Email\) reaches log.Println`
}

// whole logs an element as it is: reported here, by its type.
func whole(us []models.User) {
	log.Println(us[0]) // want `us\[0\] \(models.User carries pii tags\) reaches log.Println`
}

// anyElem logs an element of an argument list: it hands its parameter on.
func anyElem(args []any) { // want anyElem:`forwards \[0\] to log.Println`
	log.Println(args[0])
}

func run(us []models.User, m map[string]models.User) {
	first(us)
	byKey(m)
	ids(us)
	mail(us)
	whole(us)
	anyElem([]any{us[0]}) // want `holds us\[0\]`
}
