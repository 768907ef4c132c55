// Package getters hands personal data on by the routes a service takes: a getter of
// another package, text joined or escaped, a write to standard error.
package getters

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"io"
	"log"
	"os"
	"strings"

	"github.com/ef8f9424/pii"

	"accounts"
)

func Use(c accounts.Customer, p *pii.Policy) {
	log.Println(c.Contact())                               // want `c.Contact\(\) \(the field tagged pii:"email" at accounts.Customer.Email, returned by accounts.Customer.Contact\) reaches log.Println`
	log.Println("to " + c.Contact())                       // want `"to " \+ c.Contact\(\) holds c.Contact\(\)`
	log.Println(strings.Join([]string{c.Email, "x"}, ",")) // want `holds c.Email \(tagged pii:"email" at accounts.Customer.Email\)`
	fmt.Fprintln(os.Stderr, html.EscapeString(c.Email))    // want `holds c.Email`
	_, _ = os.Stderr.WriteString(c.Email)                  // want `c.Email \(tagged pii:"email" at accounts.Customer.Email\) reaches os.File.WriteString`
	_, _ = io.WriteString(os.Stdout, c.Email)              // want `reaches io.WriteString`
	_, _ = os.Stdout.Write([]byte("to " + c.Contact()))    // want `reaches os.File.Write`
	log.Println(pii.Safe(c.Contact()))                     // want `pii.Safe hides nothing in it: c.Contact\(\) is the field tagged pii:"email" at accounts.Customer.Email, returned by accounts.Customer.Contact, and its type string carries no tag`
	_ = log.Output(1, "to "+c.Email)                       // want `holds c.Email \(tagged pii:"email" at accounts.Customer.Email\), which reaches log.Output`
	_ = log.Default().Output(2, c.Contact())               // want `reaches log.Logger.Output`
	log.Println(c.Mail())                                  // want `c.Mail\(\) \(the field tagged pii:"email" at accounts.Customer.Email, returned by accounts.Customer.Mail\)`
	log.Println(c.Key(), accounts.Mixed(c, true), c.ID)    // no personal data, or not on every path
	r, _ := pii.Redacted(p, c)
	log.Println(r.Contact(), strings.Join([]string{r.Email}, ","))
	err := accounts.Lookup(c.Email)
	log.Println(err)               // want `err \(accounts.Lookup may return \*accounts.NotFound, which carries pii tags\) reaches log.Println`
	log.Println(accounts.Boxed(c)) // want `accounts.Boxed\(c\) \(accounts.Boxed may return accounts.Customer, which carries pii tags\) reaches log.Println`
	log.Println(pii.Safe(err))
	log.Println(accounts.Check(c.Email)) // want `accounts.Check may return \*accounts.NotFound`
	log.Println(accounts.Again(c.Email)) // want `accounts.Again may return \*accounts.NotFound`
	log.Println(accounts.Quiet(c.ID))
	got, err := accounts.Find(c.ID) // its error prints the ID only
	log.Println(got.ID, err)
	_, err = accounts.Find(c.ID)
	fmt.Printf("%v\n", err)
	if c.ID == "" {
		panic(&accounts.NotFound{Email: c.Email}) // want `&accounts.NotFound\{…\} \(\*accounts.NotFound carries pii tags\) reaches panic`
	}
	if c.Email == "" {
		panic(&accounts.Missing{ID: c.ID}) // its Error prints the ID only
	}
	err = fmt.Errorf("lookup: %w", accounts.Lookup(c.Email))
	log.Println(err) // want `err \(accounts.Lookup may return \*accounts.NotFound, which carries pii tags\) reaches log.Println`
	wrapped := errors.Join(err, errors.New("and"))
	log.Println(wrapped)               // want `wrapped \(accounts.Lookup may return`
	_ = fmt.Errorf("again: %w", err)   // wrapped whole: the chain keeps it
	_ = fmt.Errorf("again: %v", err)   // want `err \(accounts.Lookup may return \*accounts.NotFound, which carries pii tags\) reaches fmt.Errorf`
	log.Println(fmt.Errorf("%v", err)) // want `err \(accounts.Lookup may return \*accounts.NotFound, which carries pii tags\) reaches fmt.Errorf`
	for range 3 {
		err = fmt.Errorf("retry: %w", err)
	}
	log.Println(fmt.Errorf("quiet: %w", accounts.Quiet(c.ID)))
	err = errors.New("no customer")
	log.Println(err)
	h := sha256.New()
	_, _ = io.WriteString(h, c.Email) // a hash is a writer too, and no output
	log.Printf("%x", h.Sum(nil))
}

// ChangedText calls getters that return a tagged field's text, changed.
func ChangedText(c accounts.Customer) {
	log.Println(c.Mailto()) // want `c.Mailto\(\) \(the field tagged pii:"email" at accounts.Customer.Email, returned by accounts.Customer.Mailto\)`
	log.Println(c.Lower())  // want `returned by accounts.Customer.Lower`
	log.Println(c.User())   // want `returned by accounts.Customer.User`
	log.Println(c.Prefix())
}
