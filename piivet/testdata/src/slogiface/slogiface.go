// Package slogiface logs through an interface of its own that a *slog.Logger satisfies:
// calls through it are slog's.
package slogiface

import (
	"log/slog"

	"github.com/ef8f9424/pii"

	"models"
)

// Logger is satisfied by *slog.Logger.
type Logger interface {
	Info(msg string, args ...any)
}

// New returns the process's logger.
func New() Logger { return slog.Default() }

func Use(l Logger, u models.User) {
	l.Info("signup", "id", u.ID)
	l.Info("signup", "user", u)        // want `u \(models.User carries pii tags\) is logged through slog, through slogiface.Logger.Info \(as slog.Logger.Info\), and this package never builds a pii.NewHandler`
	l.Info("signup", "email", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) is logged through slog, through slogiface.Logger.Info`
	l.Info("signup", "user", pii.Safe(u))
}
