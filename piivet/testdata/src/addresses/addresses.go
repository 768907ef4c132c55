// Package addresses prints what getters that return a pointer to a field give: fmt prints
// a pointer as an address, but a pointer to a struct, array, slice or map given to it
// directly as its fields, and a pointer whose type has a String method by that method.
package addresses

import (
	"encoding/json"
	"fmt"
	"log"
	"time"
)

type Address struct {
	Street string
	City   string
}

// Masked prints itself as it is.
type Masked string

func (m *Masked) String() string { return string(*m) }

type Contact struct { // want Contact:"pii-tagged"
	ID    string    `pii:"no"`
	Email string    `pii:"email"`
	Card  []byte    `pii:"card"`
	Home  Address   `pii:"address"`
	Born  time.Time `pii:"dob"`
	Nick  Masked    `pii:"name"`
}

func (c *Contact) EmailPtr() *string   { return &c.Email } // want EmailPtr:`returns tagged pii:"email" at addresses.Contact.Email`
func (c *Contact) CardPtr() *[]byte    { return &c.Card }  // want CardPtr:`returns tagged pii:"card" at addresses.Contact.Card`
func (c *Contact) HomePtr() *Address   { return &c.Home }  // want HomePtr:`returns tagged pii:"address" at addresses.Contact.Home`
func (c *Contact) BornPtr() *time.Time { return &c.Born }  // want BornPtr:`returns tagged pii:"dob" at addresses.Contact.Born`
func (c *Contact) NickPtr() *Masked    { return &c.Nick }  // want NickPtr:`returns tagged pii:"name" at addresses.Contact.Nick`

// Wrapper holds a pointer to an address.
type Wrapper struct {
	Home *Address
}

// basic prints a pointer to a string: fmt prints its address, whatever the verb.
func basic(c *Contact) {
	log.Println(c.EmailPtr())
	log.Printf("%v", c.EmailPtr())
	log.Printf("%+v %d %s %x", c.EmailPtr(), c.EmailPtr(), c.EmailPtr(), c.EmailPtr())
	log.Printf("%p", c.EmailPtr())
	fmt.Println(c.EmailPtr())
	println(c.EmailPtr())
	p := c.EmailPtr()
	log.Println(p)
	log.Println([]any{c.EmailPtr()})
	log.Println(*c.EmailPtr())        // want `\*c.EmailPtr\(\) \(the field tagged pii:"email" at addresses.Contact.Email, returned by addresses.Contact.EmailPtr\) reaches log.Println`
	log.Println(*p)                   // want `\*p \(the field tagged pii:"email"`
	_, _ = json.Marshal(c.EmailPtr()) // want `c.EmailPtr\(\) \(the field tagged pii:"email" at addresses.Contact.Email, returned by addresses.Contact.EmailPtr\) reaches json.Marshal`
}

// composite prints a pointer to a struct or slice: at the top, fmt prints what it points
// to (&{...}, &[...]); inside another value, its address.
func composite(c *Contact) {
	log.Println(c.HomePtr())      // want `c.HomePtr\(\) \(the field tagged pii:"address" at addresses.Contact.Home, returned by addresses.Contact.HomePtr\) reaches log.Println`
	log.Printf("%d", c.HomePtr()) // want `c.HomePtr\(\) \(the field tagged pii:"address"`
	log.Printf("%v", c.CardPtr()) // want `c.CardPtr\(\) \(the field tagged pii:"card"`
	log.Printf("%p", c.HomePtr())
	home := c.HomePtr()
	log.Println(home) // want `home holds c.HomePtr\(\)`
	log.Println(Wrapper{Home: c.HomePtr()})
	log.Println(&Wrapper{Home: c.HomePtr()})
	log.Println([]any{c.HomePtr(), c.CardPtr()})
	args := []any{c.HomePtr()}
	log.Println(args)
	log.Println(args...)               // want `args holds c.HomePtr\(\)`
	log.Println([]any{c.HomePtr()}...) // want `holds c.HomePtr\(\)`
	fmt.Println(fmt.Sprint(Wrapper{Home: c.HomePtr()}))
	_, _ = json.Marshal(Wrapper{Home: c.HomePtr()}) // want `holds c.HomePtr\(\)`
}

// methods prints a pointer whose type prints itself: fmt calls its String, at any depth.
func methods(c *Contact) {
	log.Println(c.BornPtr())        // want `c.BornPtr\(\) \(the field tagged pii:"dob"`
	log.Println([]any{c.BornPtr()}) // want `holds c.BornPtr\(\)`
	log.Println(c.NickPtr())        // want `c.NickPtr\(\) \(the field tagged pii:"name"`
	log.Printf("%p", c.NickPtr())
}
