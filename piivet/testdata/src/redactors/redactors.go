// Package redactors declares a service's redacting helpers: ones that return a slice
// filled only with redacted copies (the Redacts fact), and ones that redact what their
// pointer parameter points to in place (the Scrubs fact).
package redactors

import (
	"log"

	"github.com/ef8f9424/pii"

	"models"
)

var p *pii.Policy

// One returns a redacted copy.
func One(u models.User) models.User { // want One:`returns a redacted copy`
	r, _ := pii.Redacted(p, u)
	return r
}

// Appended fills a slice with copies, appended.
func Appended(us []models.User) []models.User { // want Appended:`returns a redacted copy`
	out := make([]models.User, 0, len(us))
	for _, u := range us {
		r, _ := pii.Redacted(p, u)
		out = append(out, r)
	}
	return out
}

// Indexed fills a slice with copies, by index.
func Indexed(us []models.User) []models.User { // want Indexed:`returns a redacted copy`
	out := make([]models.User, len(us))
	for i, u := range us {
		out[i], _ = pii.Redacted(p, u)
	}
	return out
}

// Helped fills a slice with another helper's copies.
func Helped(us []models.User) []models.User { // want Helped:`returns a redacted copy`
	var out []models.User
	for _, u := range us {
		out = append(out, One(u))
	}
	return out
}

// Skipping leaves out what fails to redact.
func Skipping(us []models.User) []models.User { // want Skipping:`returns a redacted copy`
	out := make([]models.User, len(us))
	for i, u := range us {
		r, err := pii.Redacted(p, u)
		if err != nil {
			continue
		}
		out[i] = r
	}
	return out
}

// Leaky appends the raw record where redaction fails: no redactor.
func Leaky(us []models.User) []models.User {
	var out []models.User
	for _, u := range us {
		r, err := pii.Redacted(p, u)
		if err != nil {
			out = append(out, u)
			continue
		}
		out = append(out, r)
	}
	return out
}

// Fallback returns what it was given on one path: no redactor.
func Fallback(us []models.User) []models.User {
	if p == nil {
		return us
	}
	return Appended(us)
}

// Empty fills nothing: no redactor.
func Empty(us []models.User) []models.User {
	return make([]models.User, len(us))
}

// S holds the policy its helpers redact with.
type S struct{ p *pii.Policy }

// scrub redacts u in place.
func (s *S) scrub(u *models.User) { _ = s.p.Redact(u) } // want scrub:`redacts \[0\] in place`

// Scrub redacts u in place after a guard, and says when it failed.
func Scrub(u *models.User) error { // want Scrub:`redacts \[0\] in place`
	if u == nil {
		return nil
	}
	if err := p.Redact(u); err != nil {
		return err
	}
	return nil
}

// ScrubBoth redacts its two records, the second through another helper.
func (s *S) ScrubBoth(a, b *models.User) { // want ScrubBoth:`redacts \[0 1\] in place`
	_ = p.Anonymize(a)
	s.scrub(b)
}

// MaybeScrub redacts u only when asked: not on every path.
func MaybeScrub(u *models.User, yes bool) {
	if yes {
		_ = p.Redact(u)
	}
}

// LateScrub returns before it redacts, on a path that has a record.
func LateScrub(u *models.User) {
	if u.ID == 0 {
		return
	}
	_ = p.Redact(u)
}

// Reset points u at a new record before it redacts: the caller's is left as it is.
func Reset(u *models.User) {
	u = &models.User{}
	_ = p.Redact(u)
}

// Copied redacts a copy of what u points to, and returns it: no Scrubs fact.
func Copied(u *models.User) *models.User { // want Copied:`returns a redacted copy`
	c := *u
	u = &c
	_ = p.Redact(u)
	return u
}

// Swapped redacts what b points to, through a: no fact.
func Swapped(a, b *models.User) {
	a, b = b, a
	_ = p.Redact(a)
}

// EachSkips redacts each record but those a turn skips before the redaction, then
// each record, leaving only an inner loop or a switch early.
func EachSkips(us, vs, ws []models.User) {
	for i := range us {
		if us[i].ID == 0 {
			continue
		}
		_ = p.Redact(&us[i])
	}
	log.Println(us) // want `us \(\[\]models.User carries pii tags\)`
	for i := range vs {
		if i > 0 {
			break
		}
		_ = p.Redact(&vs[i])
	}
	log.Println(vs) // want `vs \(\[\]models.User carries pii tags\)`
	for i := range ws {
		for j := range 3 {
			if j == i {
				break
			}
		}
		switch {
		case i == 0:
			break
		}
		if err := p.Redact(&ws[i]); err != nil {
			continue
		}
	}
	log.Println(ws)
}

// Use prints what the helpers give.
func (s *S) Use(u, v, w models.User, us, vs []models.User) {
	log.Println(Appended(us), Indexed(us), Helped(us), Skipping(us))
	log.Println(Leaky(us))    // want `Leaky\(us\) \(\[\]models.User carries pii tags\)`
	log.Println(Fallback(us)) // want `Fallback\(us\) \(\[\]models.User carries pii tags\)`
	log.Println(Empty(us))    // want `Empty\(us\) \(\[\]models.User carries pii tags\)`
	s.scrub(&u)
	log.Println(u)
	x := v
	s.scrub(&v)
	log.Println(v)
	log.Println(x) // want `x \(models.User carries pii tags\)`
	MaybeScrub(&w, true)
	log.Println(w) // want `w \(models.User carries pii tags\)`
	for i := range us {
		s.scrub(&us[i])
	}
	log.Println(us)
	pv := &vs[0]
	LateScrub(pv)
	log.Println(*pv) // want `\*pv \(models.User carries pii tags\)`
}

// Pair holds a record of its own: a receiver that carries tags.
type Pair struct { // want Pair:"pii-tagged"
	A models.User
}

// scrub redacts u in place, not its receiver's record.
func (pr *Pair) scrub(u *models.User) { _ = p.Redact(u) } // want scrub:`redacts \[0\] in place`

// MethodExprs redacts in place through method expressions: the receiver comes first,
// and is not what is redacted.
func MethodExprs(s *S, u, v models.User, pr Pair) {
	(*S).scrub(s, &u)
	log.Println(u)
	(*Pair).scrub(&pr, &v)
	log.Println(v)
	log.Println(pr) // want `pr \(redactors.Pair carries pii tags\)`
}
