// Package slogplain logs through slog and never builds a pii.NewHandler.
package slogplain

import (
	"log/slog"

	"github.com/ef8f9424/pii"

	"models"
)

func Log(u models.User, l *slog.Logger) {
	slog.Info("signup", "user", u)         // want `u \(models.User carries pii tags\) is logged through slog, and this package never builds a pii.NewHandler: fine if the handler is set up elsewhere`
	l.Warn("signup", slog.Any("user", &u)) // want `is logged through slog`
	slog.Info("signup", "user", pii.Safe(u), "id", u.ID)
}
