// Package indexed reads an element of a map or slice at a constant key or index, where
// what was stored or appended at another key or index is personal data.
package indexed

import (
	"fmt"
	"log"
	"models"
	"slices"
)

// keys stores at one constant key, and reads at another.
func keys(u models.User, k string) {
	m := map[string]any{}
	m["email"] = u.Email
	log.Println(m["id"])
	log.Println(m["email"]) // want `m\["email"\] holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches log.Println`
	log.Println(m[k])       // want `m\[k\] holds u.Email`
	log.Println(m)          // want `m holds u.Email`

	lit := map[string]any{"email": u.Email, "id": 1}
	log.Println(lit["id"])
	log.Println(lit["email"]) // want `lit\["email"\] holds u.Email`
	log.Println(lit)          // want `lit holds u.Email`

	// At a key not known, any key may hold it.
	unknown := map[string]any{"id": 1}
	unknown[k] = u
	log.Println(unknown["id"]) // want `unknown\["id"\] holds u \(models.User carries pii tags\)`

	// Copied from one key to another: the key read may hold what the other held.
	copied := map[string]any{}
	copied["email"] = u.Email
	copied["id"] = copied["email"]
	log.Println(copied["id"]) // want `copied\["id"\] holds u.Email`
	through := map[string]any{}
	through["email"] = u.Email
	x := through["email"]
	through["id"] = x
	log.Println(through["id"]) // want `through\["id"\] holds u.Email`

	// A nested store: m2["a"]["b"] = u stores into m2["a"], whatever "b" is.
	m2 := map[string]map[string]any{}
	m2["a"]["b"] = u
	log.Println(m2["a"]) // want `m2\["a"\] holds u`
}

// indexes sets one constant index of a slice, and reads another.
func indexes(u models.User, i int) {
	args := make([]any, 2)
	args[1] = u
	fmt.Println(args[0])
	fmt.Println(args[1]) // want `args\[1\] holds u`
	fmt.Println(args[i]) // want `args\[i\] holds u`

	// A reslice moves what each index holds.
	moved := []any{1, u}
	moved = moved[1:]
	fmt.Println(moved[0]) // want `moved\[0\] holds u`
}

// appends appends to a slice whose first elements are known, and reads them.
func appends(u models.User, i int, more []any) { // want appends:"forwards \\[2\\] to fmt.Println"
	args := []any{1}
	args = append(args, u)
	fmt.Println(args[0])
	fmt.Println(args[1])           // want `args\[1\] holds u`
	fmt.Println(args[len(args)-1]) // want `args\[len\(args\) - 1\] holds u`
	fmt.Println(args[i])           // want `args\[i\] holds u`
	fmt.Println(args)              // want `args holds u`
	fmt.Println(args...)           // want `args holds u`

	// Appended in a loop: from index 1 on, whatever the turn.
	list := []any{"users"}
	for range 3 {
		list = append(list, "user", u)
	}
	fmt.Println(list[0])
	fmt.Println(list[2]) // want `list\[2\] holds u`

	// Appended to a slice that may be shorter than it was declared: the index is not known.
	short := []any{1, 2}
	if i > 0 {
		short = more
	}
	short = append(short, u)
	fmt.Println(short[0]) // want `short\[0\] holds u`

	// Appended to another slice: where it lands is not known.
	other := []any{1}
	other = append(more, u)
	fmt.Println(other[0]) // want `other\[0\] holds u`

	// Reset to empty, then appended to: index 0 holds it.
	reset := []any{1}
	reset = reset[:0]
	reset = append(reset, u)
	fmt.Println(reset[0]) // want `reset\[0\] holds u`

	// Moved from one index to another.
	swapped := []any{1}
	swapped = append(swapped, u)
	swapped[0] = swapped[1]
	fmt.Println(swapped[0]) // want `swapped\[0\] holds u`

	// Reordered, or handed elsewhere: any index may hold it.
	reversed := []any{1}
	reversed = append(reversed, u)
	slices.Reverse(reversed)
	fmt.Println(reversed[0]) // want `reversed\[0\] holds u`
	alias := []any{1}
	alias = append(alias, u)
	w := alias
	slices.Reverse(w)
	fmt.Println(alias[0]) // want `alias\[0\] holds u`

	// Through a pointer, the slice may be anything.
	via := []any{1}
	p := &via
	*p = nil
	via = append(via, u)
	fmt.Println(via[0]) // want `via\[0\] holds u`
}
