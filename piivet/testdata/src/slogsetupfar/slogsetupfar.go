// Package slogsetupfar imports the handler's package through another: the default // want package:"imports slogsetup, which sets a pii.NewHandler as slog's default"
// logger is the same.
package slogsetupfar

import (
	"log/slog"

	"models"
	"slogsetupuse"
)

var _ = slogsetupuse.Log

func Log(u models.User) { // want Log:`forwards \[0\] to slog.Info \(slog\) \(redacted by type\)`
	slog.Info("signup", "user", u)
}
