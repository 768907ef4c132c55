// Package invtest declares the types whose inventory piivet reads from source and the
// library reads at run time, so that a test can compare the two.
package invtest

import (
	"database/sql"
	"net"
	"net/netip"
	"time"

	"github.com/ef8f9424/pii"
)

// Message is a messaging record with nested, repeated and recursive parts.
type Message struct {
	SID       string    `pii:"no"`
	From      string    `pii:"phone,mtl=120"`
	To        string    `pii:"phone,mtl=120,ttl=365"`
	Body      string    `pii:"body,mtl=30,redact=scan"`
	Created   time.Time `pii:"no,created"`
	Media     []Media
	Forwarded *Message
	Tags      map[string]string `pii:"no"`
	Extra     any
	Done      chan struct{}
	internal  string
}

// Media is an attachment.
type Media struct {
	SID string `pii:"no"`
	URL string `pii:"url,mtl=30"`
}

// Base is embedded in Account; its ID is shadowed.
type Base struct {
	ID      int64 `pii:"no"`
	Updated time.Time
}

// Account embeds Base and inherits tags into Address.
type Account struct {
	Base
	ID       string         `pii:"no"`
	Name     sql.NullString `pii:"name"`
	Home     Address        `pii:"address,mtl=30"`
	Work     *Address       `pii:"address,handling=sensitive"`
	LastIP   netip.Addr     `pii:"ip"`
	PeerIP   net.IP         `pii:"ip"`
	Voice    []byte         `pii:"biometric,anon=seal"`
	Diagnose string         `pii:"health"`
	Born     time.Time      `pii:"dob,anon=generalize"`
	PIN      string         `pii:"secret"`
	Lat, Lon float64        `pii:"geo"`
	Card     Card           `pii:"card"`
	Grid     [2][]string    `pii:"true"`
	Boxes    Box[int]       `pii:"no"`
	Pairs    []Pair
}

// Address is untagged; the field that holds it gives its tag.
type Address struct {
	Street string
	City   string
	Note   string `pii:"body"`
}

// Card redacts itself.
type Card struct{ Digits string }

// RedactPII hides the card number.
func (c *Card) RedactPII(pii.Kind) { c.Digits = "" }

// Box is generic; only its instantiations are listed.
type Box[T any] struct {
	V T `pii:"no"`
}

// Pair embeds two structs that share a field name.
type Pair struct {
	Left
	Right
}

// Left and Right both have Name.
type Left struct {
	Name string `pii:"name"`
}

// Right has Name too.
type Right struct {
	Name string `pii:"no"`
}
