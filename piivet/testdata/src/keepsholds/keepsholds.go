// Package keepsholds builds a text from a list that a helper builds: the Keeps fact of
// the one follows the Holds fact of the other, whichever is settled first.
package keepsholds

import (
	"log"
	"models"
	"strings"
)

// parts builds a list that holds its text.
func parts(s string) []string { return []string{"user", s} } // want parts:`holds \[0\]`

// norm joins what parts builds: it keeps the text of its parameter.
func norm(s string) string { return strings.Join(parts(s), " ") } // want norm:`keeps the text of \[0\]`

func use(u models.User) {
	log.Println(norm(u.Email)) // want `norm\(u.Email\) holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches log.Println`
}
