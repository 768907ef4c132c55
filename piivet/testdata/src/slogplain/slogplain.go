// Package slogplain logs through slog and never builds a pii.NewHandler.
package slogplain

import (
	"log/slog"

	"github.com/ef8f9424/pii"

	"models"
	"slogbuildonly"
)

// It imports a package that builds a pii.NewHandler for a logger of its own, but sets
// no default: its slog calls keep their hint.
var _ = slogbuildonly.Logger

func Log(u models.User, l *slog.Logger) {
	slog.Info("signup", "user", u)         // want `u \(models.User carries pii tags\) is logged through slog, and this package never builds a pii.NewHandler, nor imports one that sets it as slog.s default: fine if the handler is set up elsewhere`
	l.Warn("signup", slog.Any("user", &u)) // want `is logged through slog`
	slog.Info("signup", "user", pii.Safe(u), "id", u.ID)
	args := []any{"user", u}
	slog.Info("signup", args...) // want `args holds u \(models.User carries pii tags\), which is logged through slog, and this package never builds`
}

// Loggers logs through the loggers of another package: the one built on a
// pii.NewHandler redacts by type (the Logs fact), the others keep their hint.
func Loggers(u models.User) { // want Loggers:`forwards \[0\] to slog.Logger.Info \(slog\) \(redacted by type\)`
	slogbuildonly.Logger.Info("signup", "user", u)
	slogbuildonly.Logger.With("req", 1).WithGroup("g").Info("signup", "user", &u)
	l := slogbuildonly.Logger
	l.Warn("signup", "user", u)
	slogbuildonly.Logger.Info("signup", "email", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) is logged through slog as it is: pii.NewHandler redacts values by their type`
	slogbuildonly.Plain.Info("signup", "user", u)         // want `is logged through slog, and this package never builds a pii.NewHandler`
	slogbuildonly.Reset.Info("signup", "user", u)         // want `is logged through slog, and this package never builds a pii.NewHandler`
}

// MethodValues logs through a method value of those loggers, bound where it is taken.
func MethodValues(u models.User) { // want MethodValues:`forwards \[0\] to slog.Logger.Info \(slog\) \(redacted by type\)`
	info := slogbuildonly.Logger.Info
	info("signup", "user", u)
	warn := slogbuildonly.Logger.With("req", 1).Warn
	warn("signup", "user", &u)
	plain := slogbuildonly.Plain.Info
	plain("signup", "user", u) // want `is logged through slog, and this package never builds a pii.NewHandler`
	info = slogbuildonly.Plain.Info
	info("signup", "user", u) // want `is logged through slog, and this package never builds a pii.NewHandler`
}
