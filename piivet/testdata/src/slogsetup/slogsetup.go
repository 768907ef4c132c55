// Package slogsetup sets a pii.NewHandler as slog's default logger, as a service's // want package:"sets a pii.NewHandler as slog's default"
// logging package does: the packages that import it log through it.
package slogsetup

import (
	"log/slog"
	"os"

	"github.com/ef8f9424/pii"
)

func init() {
	slog.SetDefault(slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), nil)))
}

// Ready is what importers call to make the import a use.
func Ready() bool { return true }
