// Package slogwrap wraps slog, as services do, and never builds a pii.NewHandler.
package slogwrap

import (
	"log/slog"

	"models"
)

// Info logs through the default slog logger.
func Info(msg string, args ...any) { // want Info:`forwards \[0 1\] to slog.Info \(slog\)`
	slog.Info(msg, args...)
}

func Use(u models.User) {
	Info("signup", "user", u) // want `u \(models.User carries pii tags\) is logged through slog, through slogwrap.Info, and this package never builds a pii.NewHandler`
	Info("signup", "id", u.ID)
}
