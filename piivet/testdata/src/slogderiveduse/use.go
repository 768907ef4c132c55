// Package slogderiveduse logs through another package's loggers on a pii.NewHandler,
// and component loggers derived from them: no hint there.
package slogderiveduse

import (
	"models"
	"slogderived"
)

var log = slogderived.For("use") // want log:"a logger on a pii.NewHandler"

func Use(u models.User) { // want Use:`forwards \[0\] to slog.Logger.Info \(slog\) \(redacted by type\)`
	slogderived.Log.Info("x", "u", u)
	slogderived.For("x").Info("x", "u", u)
	slogderived.Group("g").With("u", u).Info("x")
	log.Info("x", "u", u)
	l := slogderived.For("y")
	l.Info("x", "u", u)
	slogderived.For("x").Info("x", "email", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) is logged through slog as it is`
	slogderived.Raw("x").Info("x", "u", u)           // want `u \(models.User carries pii tags\) is logged through slog, and this package never builds a pii.NewHandler`
	slogderived.Mixed.Info("x", "u", u)              // want `u \(models.User carries pii tags\) is logged through slog, and this package never builds a pii.NewHandler`
	slogderived.New(nil).Info("x", "u", u)
	slogderived.NewLocal(nil).Info("x", "u", u)
	slogderived.Via.Info("x", "u", u)
	slogderived.Tee.Info("x", "u", u) // want `u \(models.User carries pii tags\) is logged through slog, and this package never builds a pii.NewHandler`
}
