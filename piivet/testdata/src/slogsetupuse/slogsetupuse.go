// Package slogsetupuse imports the package that sets the handler as slog's default: // want package:"imports slogsetup, which sets a pii.NewHandler as slog's default"
// its default logger redacts by type, and only what it cannot see is reported.
package slogsetupuse

import (
	"log/slog"
	"os"

	"models"
	"slogsetup"
)

var _ = slogsetup.Ready()

func Log(u models.User) { // want Log:`forwards \[0\] to slog.Info \(slog\) \(redacted by type\)`
	slog.Info("signup", "user", u)
	slog.Info("signup", slog.Any("user", &u))
	slog.Default().Info("signup", "user", u)
	l := slog.Default()
	l.Warn("signup", "user", u)
	slog.Info("signup", "email", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) is logged through slog as it is: pii.NewHandler redacts values by their type`
	plain := slog.New(slog.NewTextHandler(os.Stderr, nil))
	plain.Info("signup", "user", u) // want `u \(models.User carries pii tags\) is logged through slog, and this package never builds a pii.NewHandler, nor imports one`
}
