// Package sloghandler builds a pii.NewHandler: slog calls are not reported.
package sloghandler

import (
	"log/slog"
	"os"

	"github.com/ef8f9424/pii"

	"models"
)

func Log(u models.User) {
	slog.SetDefault(slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), nil)))
	slog.Info("signup", "user", u)
}

// Info wraps slog in the package that builds the handler: neither it nor its callers are
// reported.
func Info(msg string, args ...any) {
	slog.Info(msg, args...)
}

func Use(u models.User) {
	Info("signup", "user", u)
}
