package printedfieldsuse

import (
	"net/url"

	"models"
	"printedfields"
)

func Use(u models.User) error {
	_ = printedfields.LookupError{Who: u.Email} // a type of another package: not known
	_ = printedfields.NewLookupError("id", u.Email)
	_, err := url.Parse(u.Email)
	if err != nil {
		return err
	}
	return printedfields.NewLookupError(u.Email, "")
}
