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
}
