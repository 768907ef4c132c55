// Package texts hands the text of tagged values to sinks: errors wrapped where they are
// printed, the text an Error or String method gives, and parts of a tagged field's text.
package texts

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"strconv"
	"strings"

	"models"
	"textutil"
)

type NotFound struct { // want NotFound:"pii-tagged"
	Email string `pii:"email"`
}

func (e *NotFound) Error() string { return "no user " + e.Email } // want Error:`returns tagged pii:"email" at texts.NotFound.Email`

// Quiet prints nothing of what it holds.
type Quiet struct { // want Quiet:"pii-tagged"
	Email string `pii:"email"`
}

func (Quiet) Error() string { return "not found" } // want Error:"prints itself redacted"

func Wrapped(email string) {
	var err error = &NotFound{Email: email}
	log.Println(err)                         // want `err holds &NotFound\{…\} \(\*texts.NotFound carries pii tags\)`
	log.Println(fmt.Errorf("find: %w", err)) // want `holds &NotFound\{…\}`
	log.Println(errors.Join(err))            // want `holds &NotFound\{…\}`
	w := fmt.Errorf("x: %w", err)
	log.Println(w)                           // want `holds &NotFound\{…\}`
	log.Println(fmt.Errorf("find: %s", "x")) // nothing wrapped
	var q error = Quiet{Email: email}
	log.Println(fmt.Errorf("find: %w", q)) // its text holds nothing
}

func ErrorText(email string) {
	var err error = &NotFound{Email: email}
	log.Println("find: " + err.Error()) // want `holds &NotFound\{…\}`
	nf := &NotFound{Email: email}
	log.Println(nf.Error()) // want `nf.Error\(\) \(the field tagged pii:"email" at texts.NotFound.Email, returned by texts.NotFound.Error\)`
	s := nf.Error()
	log.Println(s) // want `s holds nf.Error\(\)`
	log.Println(Quiet{Email: email}.Error())
}

func Parts(u models.User) {
	log.Println(strings.Split(u.Email, "@")[0]) // want `tagged pii:"email" at models.User.Email`
	parts := strings.Split(u.Email, "@")
	log.Println(parts[0]) // want `tagged pii:"email" at models.User.Email`
	s := u.Email
	log.Println(s[:3])       // want `tagged pii:"email" at models.User.Email`
	log.Println(u.Email[1:]) // want `tagged pii:"email" at models.User.Email`
	row := []string{fmt.Sprint(u.ID), u.Email}
	log.Println(row[0]) // which element holds what is not followed
	code := fmt.Sprint(u.ID)
	log.Println(code[:2])
	ids := strings.Split(code, "-")
	log.Println(ids[0])
}

// Coded is a tagged error whose Error, with a pointer receiver, prints its ID only.
type Coded struct { // want Coded:"pii-tagged"
	ID    int    `pii:"no"`
	Email string `pii:"email"`
}

func (e *Coded) Error() string { return fmt.Sprintf("user %d not found", e.ID) } // want Error:"prints itself redacted"

func Hidden(email string) {
	var err error = &Coded{ID: 1, Email: email}
	log.Println(err)
	log.Println(err.Error())
	log.Println(fmt.Errorf("x: %w", err))
	c := &Coded{ID: 1, Email: email}
	log.Println(c)
	log.Println(c.Error())
	log.Println(Coded{ID: 1, Email: email}) // want `Coded\{…\} \(texts.Coded carries pii tags\) reaches log.Println`
}

func Compound(u models.User) {
	msg := "signup "
	msg += u.Email
	log.Println(msg) // want `msg holds u.Email`
	n := 0
	n += len(u.Email)
	log.Println(n)
	ok := "signup "
	ok += "done"
	log.Println(ok)
}

func Encoded(u models.User) {
	log.Println(base64.StdEncoding.EncodeToString([]byte(u.Email)))    // want `holds u.Email`
	log.Println(base64.RawURLEncoding.EncodeToString([]byte(u.Email))) // want `holds u.Email`
	log.Println(hex.EncodeToString([]byte(u.Email)))                   // want `holds u.Email`
	log.Println(strconv.AppendQuote(nil, u.Email))                     // want `holds u.Email`
	log.Println(strconv.QuoteToASCII(u.Email))                         // want `holds u.Email`
	log.Println(base64.StdEncoding.AppendEncode(nil, []byte(u.Email))) // want `holds u.Email`
	log.Println(textutil.Hash(u.Email))
	log.Println(base64.StdEncoding.EncodeToString([]byte("x")))
}

func normalizeEmail(s string) string { // want normalizeEmail:`keeps the text of \[0\]`
	return strings.ToLower(strings.TrimSpace(s))
}

func describe(n string) string { return "user " + n } // want describe:`keeps the text of \[0\]`

func Helpers(u models.User) {
	email := normalizeEmail(u.Email)
	log.Printf("%s", email)                       // want `email holds u.Email`
	log.Println(describe(u.Phone))                // want `describe\(u.Phone\) holds u.Phone`
	log.Println(textutil.Normalize(u.Email))      // want `holds u.Email`
	log.Println(textutil.Label("email", u.Email)) // want `holds u.Email`
	log.Println(textutil.Label(u.Email, "x"))     // want `holds u.Email`
	log.Println(textutil.Length(u.Email))
	log.Println(describe("x"), normalizeEmail(strconv.Itoa(u.ID)))
}

// N normalizes text with a prefix: a method that keeps its parameter's text.
type N struct{ prefix string }

func (n N) norm(s string) string { return n.prefix + s } // want norm:`keeps the text of \[0\]`

// Tag labels text: a method that keeps its parameter's text, not its receiver's.
type Tag string

func (t Tag) label(s string) string { return s + "!" } // want label:`keeps the text of \[0\]`

// MethodExprs calls such methods as method expressions: the receiver comes first, and
// is not what they keep.
func MethodExprs(u models.User, n N) {
	log.Println(n.norm(u.Email))    // want `n.norm\(u.Email\) holds u.Email`
	log.Println(N.norm(n, u.Email)) // want `N.norm\(n, u.Email\) holds u.Email`
	log.Println(Tag.label(Tag(u.Email), "x"))
}

// prefixed keeps the text of s; its variadic parts are not followed.
func prefixed(s string, parts ...string) string { return s + strings.Join(parts, "") } // want prefixed:`keeps the text of \[0\]`

// Variadic calls a function that keeps a text with its variadic values given as a
// slice (parts...): the parameters before them are its arguments as they are.
func Variadic(u models.User, parts []string) {
	log.Println(prefixed(u.Email, parts...)) // want `prefixed\(u.Email, parts...\) holds u.Email`
	log.Println(prefixed(u.Email, "a", "b")) // want `prefixed\(u.Email, "a", "b"\) holds u.Email`
	log.Println(prefixed("x", parts...))
}
