// Package generic uses generic types: piivet neither crashes nor guesses.
package generic

import (
	"fmt"
	"log"

	"github.com/ef8f9424/pii"

	"models"
	"tuples"
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

func Print[T any](v T, b Box[T]) { // want Print:`forwards \[0\] to fmt.Println`
	fmt.Println(v)
	fmt.Println(b) // want `b \(generic.Box\[T\] carries pii tags\)`
}

func Use(u models.User) {
	fmt.Println(Pair[string, int]{}) // want `reaches fmt.Println`
	fmt.Println(List[models.User]{}) // want `reaches fmt.Println`
	fmt.Println(List[int]{})
	fmt.Println(Box[string]{}) // want `reaches fmt.Println`
}

// Tree hands its values to fmt through a method and a generic function.
type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Dump() { // want Dump:`forwards receiver and \[\] to log.Println`
	log.Println(t.Val)
}

func Walk[T any](t *Tree[T]) { // want Walk:`forwards \[0\] to log.Println`
	if t == nil {
		return
	}
	log.Println(t.Val)
	Walk(t.Left)
}

func Show[T any](x T) { // want Show:`forwards \[0\] to generic.Walk, which hands it to log.Println`
	Walk(&Tree[T]{Val: x})
}

func Trees(u models.User, p *pii.Policy) {
	var t Tree[models.User]
	Walk(&t)                     // want `&t \(\*generic.Tree\[models.User\] carries pii tags\) reaches generic.Walk, which hands it to log.Println`
	t.Dump()                     // want `t \(generic.Tree\[models.User\] carries pii tags\) reaches generic.Tree.Dump`
	Print(u, Box[models.User]{}) // want `u \(models.User carries pii tags\) reaches generic.Print, which hands it to fmt.Println`
	Show(u)                      // want `reaches generic.Show, which hands it to generic.Walk, which hands it to log.Println`
	Show(1)
	Print(pii.Safe(u), Box[pii.SafeValue]{}) // want `generic.Box\[github.com/ef8f9424/pii.SafeValue\].Val: tag "phone": .*pii.SafeValue has no exported fields`
	r, _ := pii.Redacted(p, u)
	Show(r)
	var n Tree[int]
	Walk(&n)
	n.Dump()
}

// Tagged holds a T under a phone tag: only some T can hold a phone number.
type Tagged[T any] struct { // want Tagged:"pii-tagged"
	V  T      `pii:"phone"`
	ID string `pii:"no"`
}

var (
	_ Tagged[string]
	_ Tagged[[]byte]
	_ Tagged[float64]  // want `generic.Tagged\[float64\].V: tag "phone": the field's Go type cannot hold this kind: float64 cannot hold phone`
	_ = Tagged[bool]{} // want `bool cannot hold phone`
	_ Tagged[float64]
)

func Inst[T any](v Tagged[T]) {}

// Page is no record by its declaration; Page[models.User] holds records, and its Next
// is then what CheckTagged lists.
type Page[T any] struct {
	Items []T
	Next  string
	Meta  any
}

// Listed is a record by its declaration: its untagged field is reported there.
type Listed[T any] struct { // want Listed:"pii-tagged"
	Items []T
	Owner models.User `pii:"no"`
	Next  string      // want `generic.Listed.Next has no pii tag`
}

var (
	_ Page[models.User]   // want `generic.Page\[models.User\].Next has no pii tag, in a struct that holds tagged records once instantiated`
	_ Page[int]           // no record
	_ Page[models.User]   // reported once
	_ Listed[models.User] // reported at the declaration
	// Another package's generic struct: its user cannot tag it.
	_ tuples.Tuple2[string, models.User]
)

// Instances met only by inference: the type argument is never written, yet the library
// refuses the type at run time all the same.
type Boxed[T any] struct { // want Boxed:"pii-tagged"
	V T `pii:"name"`
}

func NewBoxed[T any](v T) Boxed[T] { return Boxed[T]{V: v} }

func Wrap[T any](v T) *[]Boxed[T] { return &[]Boxed[T]{{V: v}} }

type Named[T any] struct { // want Named:"pii-tagged"
	Who T `pii:"name"`
}

func Inferred() any { // want Inferred:`yields \[0\] generic.Boxed\[float64\]`
	_ = NewBoxed("ok")
	_ = Wrap(true)                                             // want `generic.Boxed\[bool\].V: tag "name": the field's Go type cannot hold this kind: bool cannot hold name`
	mk := func(v int) Named[int] { return Named[int]{Who: v} } // want `generic.Named\[int\].Who: tag "name".*int cannot hold name`
	_ = mk
	return NewBoxed(3.5) // want `generic.Boxed\[float64\].V: tag "name".*float64 cannot hold name`
}

var _ = NewBoxed[complex64] // want `generic.Boxed\[complex64\].V: tag "name".*complex64 cannot hold name`
