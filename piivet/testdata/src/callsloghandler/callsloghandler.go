// Package callsloghandler builds no handler, but logs through a wrapper of a package // want package:"imports sloghandler, which sets a pii.NewHandler as slog's default"
// that does: a value of a tagged type is redacted there; a tagged string is not.
package callsloghandler

import (
	"models"
	"sloghandler"
)

func Use(u models.User) { // want Use:`forwards \[0\] to sloghandler.Info, which hands it to slog.Info \(slog\) \(redacted by type\)`
	sloghandler.Info("signup", "user", u)
	sloghandler.Info("signup", "email", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) is logged through slog, through sloghandler.Info as it is: pii.NewHandler redacts values by their type`
}
