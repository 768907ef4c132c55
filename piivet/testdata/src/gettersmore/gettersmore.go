// Package gettersmore calls getters that return more than the field (a second result),
// or a pointer to it, and logs what they return.
package gettersmore

import (
	"errors"
	"log"
)

type Contact struct { // want Contact:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

// Lookup returns the address and whether there is one.
func (c Contact) Lookup() (string, bool) { return c.Email, c.Email != "" } // want Lookup:`returns tagged pii:"email" at gettersmore.Contact.Email`

// Must returns the address or an error.
func (c *Contact) Must() (string, error) { // want Must:`returns tagged pii:"email" at gettersmore.Contact.Email`
	if c.Email == "" {
		return "", errors.New("no address")
	}
	return c.Email, nil
}

// EmailPtr returns a pointer to the address.
func (c *Contact) EmailPtr() *string { return &c.Email } // want EmailPtr:`returns tagged pii:"email" at gettersmore.Contact.Email`

// Key returns what is no personal data, and more.
func (c Contact) Key() (string, bool) { return c.ID, true }

func use(c Contact) {
	e, ok := c.Lookup()
	log.Println(e, ok) // want `e \(the field tagged pii:"email" at gettersmore.Contact.Email, returned by gettersmore.Contact.Lookup\) reaches log.Println`
	m, err := c.Must()
	if err != nil {
		log.Println(err)
		return
	}
	log.Printf("to %s", m)     // want `m \(the field tagged pii:"email" at gettersmore.Contact.Email, returned by gettersmore.Contact.Must\) reaches log.Printf`
	log.Println(*c.EmailPtr()) // want `\*c.EmailPtr\(\) \(the field tagged pii:"email" at gettersmore.Contact.Email, returned by gettersmore.Contact.EmailPtr\) reaches log.Println`
	p := c.EmailPtr()
	log.Println(*p) // want `holds`

	get := c.EmailPtr
	log.Println(*get()) // want `\*get\(\) \(the field tagged pii:"email" at gettersmore.Contact.Email, returned by gettersmore.Contact.EmailPtr\)`
	key := c.Key
	k0, _ := key()
	log.Println(k0)

	k, found := c.Key()
	log.Println(k, found)
	_, ok2 := c.Lookup()
	log.Println(ok2)
}
