// Package generic uses generic types: piivet neither crashes nor guesses.
package generic

import (
	"fmt"

	"models"
)

type Box[T any] struct { // want Box:"pii-tagged"
	ID  int `pii:"no"`
	Val T   `pii:"phone"`
}

type Pair[K comparable, V any] struct { // want Pair:"pii-tagged"
	Key K      `pii:"no"`
	Val V      `pii:"no"`
	Who string `pii:"name"`
}

type List[T any] struct {
	Next *List[T]
	Item T
}

func Print[T any](v T, b Box[T]) {
	fmt.Println(v)
	fmt.Println(b) // want `b \(generic.Box\[T\] carries pii tags\)`
}

func Use(u models.User) {
	fmt.Println(Pair[string, int]{}) // want `reaches fmt.Println`
	fmt.Println(List[models.User]{}) // want `reaches fmt.Println`
	fmt.Println(List[int]{})
	fmt.Println(Box[string]{}) // want `reaches fmt.Println`
}
