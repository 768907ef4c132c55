// Package selfhideuse prints selfhide's types: what their methods do is known from
// their facts.
package selfhideuse

import (
	"encoding/json"
	"fmt"

	"selfhide"
)

func Use(u selfhide.User, f *selfhide.Fault, r selfhide.Raw) { // want Use:`forwards \[0 1\] to fmt.Println`
	fmt.Println(u, f)
	_, _ = json.Marshal(&u)
	fmt.Println(r) // want `r \(selfhide.Raw carries pii tags\) reaches fmt.Println`
}
