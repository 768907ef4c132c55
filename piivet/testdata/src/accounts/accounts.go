// Package accounts declares a record with getters, which other packages call.
package accounts

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
