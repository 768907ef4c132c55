// Package holdinguse logs what another package's functions return holding what they
// were given (the Holds fact).
package holdinguse

import (
	"holding"
	"log"
	"models"
)

func use(u models.User) {
	log.Println(holding.Box(u))                    // want `holding.Box\(u\) holds u \(models.User carries pii tags\), which reaches log.Println`
	log.Println(holding.Pair("email", u.Email)...) // want `holding.Pair\("email", u.Email\) holds u.Email \(tagged pii:"email" at models.User.Email\)`
	log.Println(holding.Again(u.Phone))            // want `holds u.Phone`
	log.Println(holding.Lower([]string{u.Email}))  // want `holds u.Email`
	args := holding.Pair("user", u)
	log.Println(args...) // want `args holds u`

	log.Println(holding.Box(u.ID))
	log.Println(holding.Count(u.Email))
	log.Println(holding.Same(u.ID))
	log.Println(holding.Err(u.Email))
	log.Println(holding.Pair("id", u.ID)...)
}
