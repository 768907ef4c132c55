// Package models declares tagged types that other testdata packages use.
package models

type User struct { // want User:"pii-tagged"
	ID    int    `pii:"no"`
	Phone string `pii:"phone"`
	Email string `pii:"email"`
}

// Order holds a User: it carries tags through it.
type Order struct { // want Order:"pii-tagged"
	Number string `pii:"no"`
	Buyer  *User  `pii:"no"`
}

// Stats has no personal data.
type Stats struct {
	Count int `pii:"no"`
}

// Untagged has no pii tags at all.
type Untagged struct {
	Name string
}
