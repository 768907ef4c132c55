// Package redaction follows a redacted copy through what cannot add to it (a
// conversion, a slice expression, an append of copies), and a value redacted in place
// no further than the exact value redacted.
package redaction

import (
	"encoding/json"
	"log"

	"github.com/ef8f9424/pii"

	"models"
)

// JUser encodes itself through a redacted copy, converted to a type without the
// method: the standard MarshalJSON pattern.
type JUser struct { // want JUser:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (u JUser) MarshalJSON() ([]byte, error) { // want MarshalJSON:"prints itself redacted"
	r, err := pii.Redacted(nil, u)
	if err != nil {
		return nil, err
	}
	type plain JUser
	return json.Marshal(plain(r))
}

// Wire has models.User's fields, for the wire.
type Wire models.User // want Wire:"pii-tagged"

func Converted(u models.User, us []models.User, p *pii.Policy) {
	type plain JUser
	j, _ := pii.Redacted(p, JUser{ID: "1"})
	_, _ = json.Marshal(plain(j))
	_, _ = json.Marshal((*plain)(&j))
	r, _ := pii.Redacted(p, u)
	log.Println(Wire(r))
	rs, _ := pii.Redacted(p, us)
	log.Println(rs[:1])
	log.Println(append([]models.User(nil), rs...))
	log.Println(append(rs, r))
	log.Println(append(rs[:0:0], r, r))
	log.Println(Wire(u))                           // want `Wire\(u\) \(redaction.Wire carries pii tags\)`
	log.Println(us[:1])                            // want `us\[:1\] \(\[\]models.User carries pii tags\)`
	log.Println(append([]models.User(nil), us...)) // want `carries pii tags\) reaches log.Println`
	log.Println(append(rs, u))                     // want `carries pii tags\) reaches log.Println`
	w := u
	_ = p.Redact(&w)
	log.Println(Wire(w))
}

// Ticket holds a tagged field beside a record.
type Ticket struct { // want Ticket:"pii-tagged"
	ID      string      `pii:"no"`
	Contact string      `pii:"email"`
	Owner   models.User `pii:"no"`
}

func InPlace(u, w models.User, us []models.User, t Ticket, p *pii.Policy) {
	_ = p.Redact(&us[0])
	log.Println(us[0], us[0].Email, &us[0])
	log.Println(us)    // want `us \(\[\]models.User carries pii tags\)`
	log.Println(us[1]) // want `us\[1\] \(models.User carries pii tags\)`
	_ = p.Redact(&t.Owner)
	log.Println(t.Owner, t.Owner.Email)
	log.Println(t)         // want `t \(redaction.Ticket carries pii tags\)`
	log.Println(t.Contact) // want `t.Contact \(tagged pii:"email"`
	_ = p.Redact(&u.Phone) // a string: no tag to redact it by
	log.Println(u.Phone)   // want `u.Phone \(tagged pii:"phone"`
	x := u
	var a any = u
	_ = p.Redact(&u)
	log.Println(u)
	log.Println(x) // want `x \(models.User carries pii tags\)`
	log.Println(a) // want `a holds u \(models.User carries pii tags\)`
	pw := &w
	_ = p.Redact(pw)
	log.Println(w, *pw)
}

func Loops(us, vs, ws []models.User, p *pii.Policy) {
	for i := range us {
		_ = p.Redact(&us[i])
	}
	log.Println(us)
	for i := range vs {
		if i > 0 {
			_ = p.Redact(&vs[i])
		}
	}
	log.Println(vs) // want `vs \(\[\]models.User carries pii tags\)`
	for i := range ws {
		if err := p.Redact(&ws[i]); err != nil {
			return
		}
	}
	log.Println(ws)
}
