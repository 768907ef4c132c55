// Package mapped maps records to texts with a generic helper and a function literal,
// as lo.Map does, then logs the texts.
package mapped

import (
	"log"
	"models"
	"slices"
	"strings"
)

// Map returns f of each of xs.
func Map[T, U any](xs []T, f func(T, int) U) []U { // want Map:`calls \[1\] with \[0\]`
	out := make([]U, 0, len(xs))
	for i, x := range xs {
		out = append(out, f(x, i))
	}
	return out
}

// Reduce folds xs into one value.
func Reduce[T, R any](xs []T, f func(R, T) R, init R) R { // want Reduce:`calls \[1\] with \[2\] \[1\] with \[0\]`
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func use(us []models.User) {
	emails := Map(us, func(u models.User, _ int) string { return u.Email })
	log.Println(emails)                                     // want `emails holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches log.Println`
	log.Println(Map(us, func(u models.User, _ int) string { // want `holds u.Phone \(tagged pii:"phone" at models.User.Phone\)`
		return strings.ToLower(u.Phone)
	}))
	all := Reduce(us, func(acc string, u models.User) string { return acc + "," + u.Email }, "")
	log.Println(all) // want `all holds`

	ids := Map(us, func(u models.User, _ int) int { return u.ID })
	log.Println(ids)
	n := slices.IndexFunc(us, func(u models.User) bool { return u.Email == "" })
	log.Println(n)
	has := slices.ContainsFunc(us, func(u models.User) bool { return strings.HasSuffix(u.Email, ".test") })
	log.Println(has)
	count := Reduce(us, func(acc int, u models.User) int { return acc + len(u.Email) }, 0)
	log.Println(count)
}
