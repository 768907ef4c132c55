// Package tags holds each tag mistake piivet reports, and the correct forms beside them.
package tags

import (
	"database/sql"
	"log/slog"
	"net/netip"
	"time"

	"models"
)

type Bad struct { // want Bad:"pii-tagged"
	A string      `pii:"phnoe"`               // want `pii: tags.Bad.A: tag "phnoe": unknown kind "phnoe"`
	B string      `pii:"phone,mtl=30,ttl=10"` // want `ttl is shorter than mtl`
	C string      `pii:"no,mtl=30"`           // want `"no" takes no keys`
	D float64     `pii:"phone"`               // want `the field's Go type cannot hold this kind: float64 cannot hold phone`
	E []int       `pii:"email"`               // want `int cannot hold email`
	F string      `json:"f" pii: "phone"`     // want `struct tag "json:\\"f\\" pii: \\"phone\\"" mentions pii but is not key:"value" form`
	G string      `pii:phone`                 // want `mentions pii but is not key:"value" form`
	H string      `pii:"secret,redact=last4"` // want `a secret is always zeroed`
	I string      `pii:"email,handling=loud"` // want `handling must be standard or sensitive`
	J chan int    `pii:"true"`                // want `chan int cannot hold generic`
	K string      `pii:"no,created"`          // want `created marks a record's creation time`
	L string      // want `tags.Bad.L has no pii tag`
	m string      `pii:"name"` // want `PII tag on an unexported field`
	n models.User // want `tags.Bad.n is unexported and holds models.User, which carries pii tags`
}

// Good is correctly tagged: nothing is reported.
type Good struct { // want Good:"pii-tagged"
	ID       int64          `pii:"no"`
	Phone    string         `pii:"phone,mtl=30,ttl=90"`
	Digits   []byte         `pii:"card"`
	Lat      float64        `pii:"geo"`
	Born     time.Time      `pii:"dob"`
	IP       netip.Addr     `pii:"ip"`
	Nick     sql.NullString `pii:"name"`
	Created  time.Time      `pii:"no,created"`
	Owner    models.User    // its own fields are tagged where it is declared
	Extra    any            // an interface: what it holds is classified by its own type
	Done     chan struct{}  // not data
	Address  Address        `pii:"address"`
	internal int            // unexported and holding nothing tagged
	Embedded                // promoted fields, tagged where declared
}

// Address inherits the tag of the field that holds it.
type Address struct {
	Street string
	City   string
}

type Embedded struct { // want Embedded:"pii-tagged"
	Email string `pii:"email"`
}

// Plain has no pii tags: an untagged exported field is not reported.
type Plain struct {
	Name string
}

// Nothing has no exported fields to redact under its tag.
type Nothing struct{ x int }

type Empty struct { // want Empty:"pii-tagged"
	N Nothing `pii:"name"` // want `tags.Nothing has no exported fields`
}

// Twice marks two creation times.
type Twice struct {
	A time.Time `pii:"no,created"`
	B time.Time `pii:"no,created"` // want `created marks .*A is marked already`
}

// Loose leaves a struct without tags in a tagged struct.
type Loose struct {
	ID   int             `pii:"no"`
	Meta models.Untagged // want `tags.Loose.Meta has no pii tag`
	More models.Stats    // tagged where it is declared
}

// runner is no data: its unexported fields may hold tagged values.
type runner struct { // want runner:"pii-tagged"
	sample models.User
	n      int
}

// Record has a creation time; a struct that embeds it has that one and no other.
type Record struct { // want Record:"pii-tagged"
	Created time.Time `pii:"no,created"`
	Who     string    `pii:"name"`
}

// Nested embeds a Record: its creation time is promoted.
type Nested struct{ Record } // want Nested:"pii-tagged"

type TwoCreated struct { // want TwoCreated:"pii-tagged"
	Record            // want `tags.TwoCreated.Record: tag "no,created": created marks a record's creation time`
	Created time.Time `pii:"no,created"`
}

type CreatedByPointer struct { // want CreatedByPointer:"pii-tagged"
	*Record // want `tags.CreatedByPointer.Record: tag "no,created": created marks`
}

type TwoEmbedded struct { // want TwoEmbedded:"pii-tagged"
	Record
	Nested // want `tags.TwoEmbedded.Nested: tag "no,created": created marks`
}

// Deep10 has Record's creation time promoted through ten embeddings, as Go promotes the
// field at any depth: a struct that embeds it and Record has two.
type Deep1 struct{ Record } // want Deep1:"pii-tagged"
type Deep2 struct{ Deep1 }  // want Deep2:"pii-tagged"
type Deep3 struct{ Deep2 }  // want Deep3:"pii-tagged"
type Deep4 struct{ Deep3 }  // want Deep4:"pii-tagged"
type Deep5 struct{ Deep4 }  // want Deep5:"pii-tagged"
type Deep6 struct{ Deep5 }  // want Deep6:"pii-tagged"
type Deep7 struct{ Deep6 }  // want Deep7:"pii-tagged"
type Deep8 struct{ Deep7 }  // want Deep8:"pii-tagged"
type Deep9 struct{ Deep8 }  // want Deep9:"pii-tagged"
type Deep10 struct{ Deep9 } // want Deep10:"pii-tagged"

type TwoDeep struct { // want TwoDeep:"pii-tagged"
	Record
	Deep10 // want `tags.TwoDeep.Deep10: tag "no,created": created marks`
}

// OneCreated embeds a record once, and holds another by name: both are fine.
type OneCreated struct { // want OneCreated:"pii-tagged"
	Record
	Other Nested
}

type name string

// Embeds embeds an unexported string type with a tag: the library walks embedded fields
// whatever their spelling, so it is redacted.
type Embeds struct { // want Embeds:"pii-tagged"
	name `pii:"name"`
	ID   int `pii:"no"`
}

type users []models.User // want users:"pii-tagged"

// EmbedsHolder embeds an unexported slice of a tagged type: walked too.
type EmbedsHolder struct { // want EmbedsHolder:"pii-tagged"
	users
	ID int `pii:"no"`
}

// Meta has no pii tags, and an untagged leaf.
type Meta struct{ Source string }

type EmbedsUntagged struct {
	Meta     // want `tags.EmbedsUntagged.Meta has no pii tag`
	ID   int `pii:"no"`
}

type EmbedsUntaggedPtr struct {
	*Meta     // want `tags.EmbedsUntaggedPtr.Meta has no pii tag`
	ID    int `pii:"no"`
}

// Quoted mentions pii only inside a quoted value, or after a separator reflect does not
// read as one.
type Quoted struct {
	A string `json:"pii:x"`
	B string `json:"b",pii:"phone"` // want `tags.Quoted.B: struct tag .* mentions pii but is not key:"value" form`
	C string `json:"c";pii:"phone"` // want `mentions pii but is not key:"value" form`
}

// Mesh points at itself twenty times: asking whether it leaves an untagged leaf visits
// each type once.
type Mesh struct {
	A, B, C, D, E, F, G, H, I, J *Mesh
	K, L, M, N, O, P, Q, R, S, T *Mesh
}

type HoldsMesh struct {
	ID   int `pii:"no"`
	Mesh Mesh
}

// Kinds holds kinds the library lets a number, a flag, a time or a slog.Value hold (an
// age, a special category as a code or a flag, a date), and the ones it does not.
type Kinds struct { // want Kinds:"pii-tagged"
	Age      int          `pii:"age"`
	Years    float64      `pii:"age"`
	Faith    bool         `pii:"religion"`
	Origin   uint8        `pii:"ethnicity"`
	Minor    bool         `pii:"child"`
	Seen     time.Time    `pii:"date"`
	Visited  sql.NullTime `pii:"date"`
	Attr     slog.Value   `pii:"email"`
	Phone    int          `pii:"phone"`    // want `int cannot hold phone`
	Vote     float64      `pii:"politics"` // want `float64 cannot hold politics`
	Mail     time.Time    `pii:"email"`    // want `time.Time cannot hold email`
	Untagged slog.Value   // want `tags.Kinds.Untagged has no pii tag`
}

// Request embeds a tagged struct: its promoted fields are tagged, so its own untagged
// field is what CheckTagged lists.
type Request struct { // want Request:"pii-tagged"
	Record
	Token string // want `tags.Request.Token has no pii tag`
	done  bool
}

// WithMeta embeds an untagged struct only.
type WithMeta struct {
	Meta
	Token string
}

// Holder has no pii tag of its own but holds a record as its data: CheckTagged lists
// Token beside Rec's tagged field.
type Holder struct { // want Holder:"pii-tagged"
	Rec   Record
	Token string // want `tags.Holder.Token has no pii tag, in a struct that holds tagged records \(CheckTagged reports it\)`
	Extra any    // an interface: classified by what it holds
}

// Outer holds a Holder: Holder's untagged field is reported where Holder is declared,
// not again here.
type Outer struct { // want Outer:"pii-tagged"
	H    Holder
	Note string // want `tags.Outer.Note has no pii tag`
}

// Page holds records through a slice of pointers and a map's values, and a struct
// with no tags of its own.
type Page struct { // want Page:"pii-tagged"
	Items []*models.User
	ByID  map[string]models.Stats
	Next  string             // want `tags.Page.Next has no pii tag`
	Meta  struct{ X string } // want `tags.Page.Meta has no pii tag`
}

// Service holds records only in unexported fields, as a cache: it is no record, and
// its exported field is not reported.
type Service struct { // want Service:"pii-tagged"
	users map[string]models.User
	Addr  string
}

// Counter holds a record only as a map key, which CheckTagged does not walk: it is no
// record.
type Counter struct { // want Counter:"pii-tagged"
	Seen map[models.User]int
	Note string
}

// PlainHolder holds only structs without tags: nothing is reported.
type PlainHolder struct {
	U    models.Untagged
	Note string
}
