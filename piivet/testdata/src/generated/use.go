// Package generated has a generated file, whose code is not reported (it is fixed in
// what generates it), but read: its types carry their tags, its methods print what they
// print, and its helpers hand on what they are given.
package generated

import (
	"fmt"

	"models"
)

func Use(m *Msg, u models.User) {
	fmt.Println(m) // want `m \(\*generated.Msg carries pii tags\) reaches fmt.Println`
	echo(u)        // want `reaches generated.echo`
	dump(u)
}
