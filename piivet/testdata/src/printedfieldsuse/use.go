package printedfieldsuse

import (
	"errors"
	"fmt"
	"log"
	"net/mail"
	"net/url"

	"github.com/ef8f9424/pii"

	"models"
	"printedfields"
)

var p *pii.Policy

func Use(u models.User) error {
	_ = printedfields.LookupError{Who: u.Email} // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches printedfields.LookupError.Who, which printedfields.LookupError.Error prints`
	_ = printedfields.NewLookupError("id", u.Email)
	_, err := url.Parse(u.Email)
	if err != nil {
		return err
	}
	return printedfields.NewLookupError(u.Email, "")
}

// Shared builds errors of another package's types, and prints them.
func Shared(u models.User) {
	err := &printedfields.ValidationError{Field: "email", Value: u.Email} // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches printedfields.ValidationError.Value, which printedfields.ValidationError.Error prints`
	log.Println(err)
	log.Println(printedfields.Invalid("email", u.Email)) // want `printedfields.Invalid\("email", u.Email\) holds u.Email \(tagged pii:"email" at models.User.Email; printedfields.Invalid puts it into printedfields.ValidationError.Value, which printedfields.ValidationError.Error prints\), which reaches log.Println as it is: tag the field as personal data`
	err2 := printedfields.Invalidf(u.Phone)
	log.Println(err2) // want `err2 holds u.Phone`
	_, err3 := printedfields.Checked(u.Email)
	log.Printf("check: %v", err3)                                            // want `err3 holds u.Email`
	log.Println(fmt.Errorf("save: %w", printedfields.Invalid("n", u.Phone))) // want `holds u.Phone`
	email := u.Email
	log.Println(printedfields.NewLookupError(email, "")) // want `holds u.Email`
}

// Twice prints an error a sink made: reported where it is made, once.
func Twice(u models.User) {
	err := errors.New("no " + u.Email) // want `holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches errors.New`
	log.Println(err)
}

// SharedFine prints such errors made of no personal data, or of a redacted copy, or
// made of personal data and not printed.
func SharedFine(u models.User) error {
	log.Println(printedfields.Invalid("id", fmt.Sprint(u.ID)))
	log.Println(&printedfields.ValidationError{Field: "id", Value: fmt.Sprint(u.ID)})
	r, _ := pii.Redacted(p, u)
	log.Println(printedfields.Invalid("email", r.Email))
	log.Println(printedfields.NewLookupError("id", u.Email)) // note: not printed by Error
	log.Printf("%T", printedfields.Invalid("email", u.Email))
	return printedfields.Invalid("email", u.Email)
}

// logInvalid hands its value to a constructor whose result it prints: its callers are
// checked.
func logInvalid(v string) { // want logInvalid:`forwards \[0\] to log.Println`
	log.Println(printedfields.Invalid("v", v))
}

func UseLogInvalid(u models.User) {
	logInvalid(u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches printedfieldsuse.logInvalid, which hands it to log.Println`
	logInvalid("constant")
}

// Foreign builds values of types declared outside the package (no module is given
// here) that are no errors: their fields cannot be tagged, so the literal is not
// reported; such values are checked where they are printed.
func Foreign(u models.User) string {
	to := mail.Address{Name: u.Phone, Address: u.Email}
	link := url.URL{RawQuery: "email=" + url.QueryEscape(u.Email)}
	l := printedfields.Label{Text: u.Phone}
	return to.Address + link.Host + l.Text
}

// MethodExprs prints errors built by a method expression of a constructor: its
// arguments are the method's parameters after its receiver.
func MethodExprs(u models.User, c printedfields.Check) {
	log.Println(printedfields.Check.Invalid(c, u.Email)) // want `holds u.Email \(tagged pii:"email" at models.User.Email; printedfields.Check.Invalid puts it into printedfields.ValidationError.Value`
	log.Println(printedfields.Check.Invalid(printedfields.Check(u.Email), "x"))
	log.Println(printedfields.Invalid2(c, u.Email)) // want `holds u.Email`
	log.Println(printedfields.Invalid2(printedfields.Check(u.Email), "x"))
}
