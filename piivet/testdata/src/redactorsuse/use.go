// Package redactorsuse calls another package's redacting helpers: their facts cross.
package redactorsuse

import (
	"log"

	"models"
	"redactors"
)

func Use(u, v models.User, us []models.User) {
	log.Println(redactors.Appended(us), redactors.Indexed(us))
	log.Println(redactors.Leaky(us)) // want `redactors.Leaky\(us\) \(\[\]models.User carries pii tags\)`
	_ = redactors.Scrub(&u)
	log.Println(u)
	log.Println(v) // want `v \(models.User carries pii tags\)`
	var s redactors.S
	s.ScrubBoth(&u, &v)
	log.Println(v)
}
