package pii_test

import "time"

// The model of a messaging API that the golden tests classify, redact and inventory:
// messages, calls, and an account with an address and a nested contact list, with the
// retention a messaging platform keeps (bodies 30 days, numbers 120 days, addresses 30).

type Message struct {
	SID       string    `pii:"no"`
	From      string    `pii:"phone,mtl=120"`
	To        string    `pii:"phone,mtl=120"`
	Body      string    `pii:"body,mtl=30"`
	Author    string    `pii:"name,mtl=30"`
	ClientIP  string    `pii:"ip"`
	Segments  int       `pii:"no"`
	Status    string    `pii:"no"`
	Created   time.Time `pii:"no"`
	Media     []Media
	Forwarded *Message
}

type Media struct {
	SID         string `pii:"no"`
	ContentType string `pii:"no"`
	URL         string `pii:"url,mtl=30"`
}

type Call struct {
	SID          string        `pii:"no"`
	From         string        `pii:"phone,mtl=120"`
	To           string        `pii:"phone,mtl=120"`
	CallerName   string        `pii:"name,mtl=120"`
	Duration     time.Duration `pii:"no"`
	Recording    []byte        `pii:"biometric,mtl=30,handling=sensitive,anon=seal"`
	Transcript   string        `pii:"body,mtl=30,redact=scan"`
	PIN          string        `pii:"secret"`
	Participants []Participant
}

type Participant struct {
	Label  string `pii:"no"`
	Number string `pii:"phone,mtl=120"`
}

type Address struct {
	Street     string `pii:"address,mtl=30"`
	City       string `pii:"address,mtl=30"`
	Region     string `pii:"no"`
	PostalCode string `pii:"postal,mtl=30"`
	Country    string `pii:"no"`
}

type Contact struct {
	Name   string            `pii:"name,mtl=30"`
	Email  string            `pii:"email,mtl=30,ttl=365"`
	Phones map[string]string `pii:"phone,mtl=120"`
}

type Account struct {
	SID          string         `pii:"no"`
	FriendlyName string         `pii:"no"`
	Owner        string         `pii:"name,mtl=30"`
	Address      Address        // untagged struct: its own tags apply
	Billing      *PostalAddress `pii:"address,mtl=90"` // a tag on a struct applies to its untagged leaves
	Contacts     []Contact      // the nested contact list
	Card         string         `pii:"card,ttl=400"`
	BirthDate    time.Time      `pii:"dob,handling=sensitive"`
}

// PostalAddress carries no tags of its own: where it is used, the field's tag says what it
// holds.
type PostalAddress struct {
	Line1, Line2 string
	Locality     string
}
