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

// Account hides its personal data from encoding/json.
type Account struct { // want Account:"pii-tagged"
	ID       string `pii:"no"`
	Password string `pii:"secret" json:"-"`
	email    string `pii:"no"`
}

// Profile shows it: the key "-" is a name.
type Profile struct { // want Profile:"pii-tagged"
	Name string `pii:"name" json:"-,"`
}

// Custom hides it too, but encodes itself, with its secret.
type Custom struct { // want Custom:"pii-tagged"
	Password string `pii:"secret" json:"-"`
}

func (c Custom) MarshalJSON() ([]byte, error) { return []byte(`{"p":"` + c.Password + `"}`), nil } // want MarshalJSON:`returns tagged pii:"secret" at models.Custom.Password`

// Hub and Spoke point at each other; Hub carries tags, so Spoke carries them too (Hub is met first).
type Hub struct { // want Hub:"pii-tagged"
	Out   *Spoke `pii:"no"`
	Owner string `pii:"name"`
}

type Spoke struct { // want Spoke:"pii-tagged"
	From *Hub `pii:"no"`
}

// Printable hides its secret from encoding/json, but prints it in String, which zap.Any
// calls.
type Printable struct { // want Printable:"pii-tagged"
	Password string `pii:"secret" json:"-"`
}

func (p Printable) String() string { return p.Password } // want String:`returns tagged pii:"secret" at models.Printable.Password`
