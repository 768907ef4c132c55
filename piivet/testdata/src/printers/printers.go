// Package printers prints types that print themselves without their personal data:
// through a pointer, in containers fmt calls their methods in, and with the verbs fmt
// calls them for.
package printers

import (
	"encoding/json"
	"fmt"
	"unsafe"

	"github.com/ef8f9424/pii"

	"models"
)

// PUser hides behind a String of its pointer.
type PUser struct { // want PUser:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (u *PUser) String() string { return pii.Safe(u).String() } // want String:"prints itself redacted"

// QUser's pointer String reads only the ID.
type QUser struct { // want QUser:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (u *QUser) String() string { return "user " + u.ID } // want String:"prints itself redacted"

// JUser's pointer MarshalJSON hides.
type JUser struct { // want JUser:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (u *JUser) MarshalJSON() ([]byte, error) { return json.Marshal(pii.Safe(u)) } // want MarshalJSON:"prints itself redacted"

// VUser hides behind a String of its value.
type VUser struct { // want VUser:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (u VUser) String() string { return pii.Safe(u).String() } // want String:"prints itself redacted"

// GUser hides from %#v too.
type GUser struct { // want GUser:"pii-tagged"
	Email string `pii:"email"`
}

func (u GUser) String() string   { return pii.Safe(u).String() } // want String:"prints itself redacted"
func (u GUser) GoString() string { return pii.Safe(u).String() } // want GoString:"prints itself redacted"

func Pointers(p PUser, q QUser, j JUser) {
	fmt.Println(&p)
	fmt.Println(&q)
	_, _ = json.Marshal(&j)
	fmt.Println(p)         // want `p \(printers.PUser carries pii tags\) reaches fmt.Println`
	_, _ = json.Marshal(j) // want `j \(printers.JUser carries pii tags\) reaches json.Marshal`
	fmt.Println(&PUser{})  // the literal holds nothing
	fmt.Println(&PUser{ID: "1"})
}

type holder struct{ v VUser } // want holder:"pii-tagged"

// Values of the package, so that no function here hands a parameter on.
var (
	v VUser
	g GUser
	u models.User
)

func Containers() {
	fmt.Println([]VUser{v})
	fmt.Println(map[string]VUser{"a": v})
	fmt.Println(struct{ V VUser }{v})
	fmt.Println([]*VUser{&v})
	fmt.Println(holder{v}) // want `holder\{…\} \(printers.holder carries pii tags\)`
	type both struct {
		V VUser
		U models.User
	}
	fmt.Println(both{v, u}) // want `carries pii tags\) reaches fmt.Println`
	type opaque struct {
		V VUser
		X any
	}
	fmt.Println(opaque{v, u})       // want `carries pii tags\) reaches fmt.Println`
	_, _ = json.Marshal([]VUser{v}) // want `carries pii tags\) reaches json.Marshal`
}

func Verbs() {
	fmt.Printf("%v %s %+v %q\n", v, v, v, v)
	fmt.Printf("%#v\n", v)          // want `v \(printers.VUser carries pii tags\) reaches fmt.Printf`
	fmt.Printf("%d\n", v)           // want `v \(printers.VUser carries pii tags\) reaches fmt.Printf`
	fmt.Printf("%#v\n", []VUser{v}) // want `carries pii tags\) reaches fmt.Printf`
	fmt.Printf("%#v %v\n", g, g)
}

func Addresses() {
	fmt.Println(unsafe.Pointer(&u))
	fmt.Println(uintptr(unsafe.Pointer(&u)))
	fmt.Println(any(&u)) // want `holds &u`
}
