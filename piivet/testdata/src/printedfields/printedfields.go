// Package printedfields puts personal data into fields of a type that carries no tags,
// whose Error or String prints them: the value is printed wherever it goes.
package printedfields

import (
	"fmt"

	"models"
)

// LookupError says who was not found.
type LookupError struct { // want LookupError:`prints fields \[Who ID\]`
	Who  string
	ID   int
	Note string
}

func (e LookupError) Error() string { return fmt.Sprintf("no %s (%d)", e.Who, e.ID) } // want Error:`prints itself redacted`

// Label prints its text.
type Label struct{ Text, unread string } // want Label:`prints fields \[Text\]`

func (l *Label) String() string { return l.Text } // want String:`prints itself redacted`

// Plain has no print method: what is put there goes where the struct goes.
type Plain struct{ Who string }

func contact(u models.User) string { return u.Email } // want contact:`returns tagged pii:"email" at models.User.Email`

func Lookup(u models.User) error {
	if u.ID == 0 {
		return LookupError{Who: u.Email} // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches printedfields.LookupError.Who, which printedfields.LookupError.Error prints, as it is: tag the field as personal data`
	}
	who := contact(u)
	return &LookupError{Who: who, ID: u.ID} // want `who holds contact\(u\)`
}

func Labels(u models.User) []*Label {
	return []*Label{
		{Text: u.Phone}, // want `u.Phone \(tagged pii:"phone" at models.User.Phone\) reaches printedfields.Label.Text`
		{unread: u.Phone},
		{Text: "id"},
	}
}

// NewLookupError puts who in LookupError, as a parser's error quotes its input: not
// taken as handed on where it is called, as such errors are made whether they are
// printed or not; only where its result is printed (the Stores fact).
func NewLookupError(who string, note string) error { // want NewLookupError:`puts \[0\] where its result prints it`
	return LookupError{Who: who, Note: note}
}

func Fine(u models.User) (error, Plain) {
	return LookupError{Who: fmt.Sprint(u.ID), Note: u.Email}, Plain{Who: u.Email}
}

// ListError prints the errors it holds, each by its own Error.
type ListError struct { // want ListError:`prints fields \[Errs Cause\]`
	Errs  []error
	Cause error
}

func (e ListError) Error() string { return fmt.Sprint(e.Errs, e.Cause) }

// TaggedErr carries tags: the library redacts it by them.
type TaggedErr struct { // want TaggedErr:"pii-tagged"
	Email string `pii:"email"`
}

func (e TaggedErr) Error() string { return "tagged" } // want Error:`prints itself redacted`

func Lists(u models.User) error {
	t := TaggedErr{Email: u.Email}
	return ListError{Errs: []error{t, TaggedErr{}}, Cause: t}
}

// ValidationError is a shared error package's: another package builds it.
type ValidationError struct { // want ValidationError:`prints fields \[Field Value\]`
	Field, Value string
}

func (e *ValidationError) Error() string { return fmt.Sprintf("invalid %s: %q", e.Field, e.Value) } // want Error:`prints itself redacted`

// Invalid puts both its parameters where Error prints them.
func Invalid(field, value string) error { // want Invalid:`puts \[0 1\] where its result prints it`
	return &ValidationError{Field: field, Value: value}
}

// Invalidf builds its error with another constructor, from its value's text.
func Invalidf(value string) error { // want Invalidf:`puts \[0\] where its result prints it`
	return Invalid("value", "got "+value)
}

// Checked returns the error as its second result, through a local variable.
func Checked(v string) (int, error) { // want Checked:`puts \[0\] where its result prints it`
	err := &ValidationError{Field: "v", Value: v}
	return 0, err
}

// Check names a field checked: a constructor of errors by its methods.
type Check string

// Invalid puts value where Error prints it; its receiver, not a parameter, is not put
// there: the fact's index counts after the receiver.
func (c Check) Invalid(value string) error { // want Invalid:`puts \[0\] where its result prints it`
	return &ValidationError{Field: "value", Value: value}
}

// Invalid2 builds its error with a method expression of a constructor: what it puts is
// its value, given after the receiver.
func Invalid2(c Check, value string) error { // want Invalid2:`puts \[1\] where its result prints it`
	return Check.Invalid(c, value)
}
