// Package sloghandler builds a pii.NewHandler: slog calls are not reported. // want package:"sets a pii.NewHandler as slog's default"
package sloghandler

import (
	"log/slog"
	"os"

	"github.com/ef8f9424/pii"

	"models"
)

func Log(u models.User) { // want Log:`forwards \[0\] to slog.Info \(slog\) \(redacted by type\)`
	slog.SetDefault(slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), nil)))
	slog.Info("signup", "user", u)
}

// Info wraps slog in the package that builds the handler: a value of a tagged type given
// to it, here or elsewhere, is redacted there and not reported; a tagged string is.
func Info(msg string, args ...any) { // want Info:`forwards \[0 1\] to slog.Info \(slog\) \(redacted by type\)`
	slog.Info(msg, args...)
}

func Use(u models.User) { // want Use:`forwards \[0\] to sloghandler.Info, which hands it to slog.Info \(slog\) \(redacted by type\)`
	Info("signup", "user", u)
}

// Fields: the handler redacts by type; a tagged string field has none, and is logged as
// it is.
func Fields(u models.User) { // want Fields:`forwards \[0\] to slog.Info \(slog\) \(redacted by type\)`
	slog.Info("signup", "id", u.ID, "user", &u)
	slog.Info("signup", "email", u.Email)              // want `u.Email \(tagged pii:"email" at models.User.Email\) is logged through slog as it is: pii.NewHandler redacts values by their type`
	slog.Info("signup", slog.String("phone", u.Phone)) // want `u.Phone \(tagged pii:"phone" at models.User.Phone\) is logged through slog as it is`
	Info("signup", "email", u.Email)                   // want `u.Email \(tagged pii:"email" at models.User.Email\) is logged through slog, through sloghandler.Info as it is`
}

// Described builds the slog.Value it is logged as from its fields: slog's functions
// there log nothing; where it is logged is checked.
type Described struct { // want Described:"pii-tagged"
	Email string `pii:"email"`
}

func (d Described) LogValue() slog.Value { return slog.GroupValue(slog.String("email", d.Email)) }
