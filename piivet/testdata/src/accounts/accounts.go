// Package accounts declares a record with getters, which other packages call.
package accounts

import (
	"fmt"
	"strings"
)

type Customer struct { // want Customer:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

// Contact returns a field tagged as personal data: a call of it is that field.
func (c Customer) Contact() string { return c.Email } // want Contact:`returns tagged pii:"email" at accounts.Customer.Email`

// Key returns a field that is no personal data.
func (c *Customer) Key() string { return c.ID }

// Mixed returns the field on one path only, and a field that is no personal data on
// the other: it is not taken for a getter.
func Mixed(c Customer, alt bool) string {
	if alt {
		return c.ID
	}
	return c.Email
}

// Mail guards against nil, as generated getters do: a constant on one path, the field
// on the other.
func (c *Customer) Mail() string { // want Mail:`returns tagged pii:"email" at accounts.Customer.Email`
	if c == nil {
		return ""
	}
	return c.Email
}

// NotFound names the customer it did not find, by address.
type NotFound struct { // want NotFound:"pii-tagged"
	Email string `pii:"email"`
}

func (e *NotFound) Error() string { return "no customer " + e.Email } // want Error:`returns tagged pii:"email" at accounts.NotFound.Email`

// Missing names it by ID only: its Error prints no personal data.
type Missing struct { // want Missing:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (e *Missing) Error() string { return "no customer " + e.ID } // want Error:"prints itself redacted"

// Lookup returns a NotFound as an error: where that error is printed, the address is.
func Lookup(email string) error { // want Lookup:`yields \[0\] \*accounts.NotFound`
	if email == "" {
		return nil
	}
	return &NotFound{Email: email}
}

// Find returns a Missing as its second result.
func Find(id string) (Customer, error) { // want Find:`yields \[1\] \*accounts.Missing`
	return Customer{}, &Missing{ID: id}
}

// Boxed returns the record as any.
func Boxed(c Customer) any { return c } // want Boxed:`yields \[0\] accounts.Customer`

// Check wraps Lookup's error with %w: its text is in the result's.
func Check(email string) error { // want Check:`yields \[0\] \*accounts.NotFound`
	if err := Lookup(email); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	return nil
}

// Again returns Lookup's result as it is.
func Again(email string) error { return Lookup(email) } // want Again:`yields \[0\] \*accounts.NotFound`

// Quiet wraps Find's error, whose text names an ID only.
func Quiet(id string) error {
	_, err := Find(id)
	return fmt.Errorf("quiet: %w", err)
}

// Mailto returns the field's text, changed: a call of it is the field still.
func (c Customer) Mailto() string { return "mailto:" + c.Email } // want Mailto:`returns tagged pii:"email" at accounts.Customer.Email`

// Lower returns the field in lower case.
func (c Customer) Lower() string { return strings.ToLower(c.Email) } // want Lower:`returns tagged pii:"email" at accounts.Customer.Email`

// User returns the part of the address before the '@'.
func (c Customer) User() string { return strings.Split(c.Email, "@")[0] } // want User:`returns tagged pii:"email" at accounts.Customer.Email`

// Prefix returns a text of its own around the ID: no personal data.
func (c Customer) Prefix() string { return "id-" + strings.ToLower(c.ID) }
