// Package slogbuildonly builds a pii.NewHandler but never sets it as slog's default:
// it holds no Handler fact, and a package importing it keeps its hint (see slogplain).
package slogbuildonly

import (
	"log/slog"
	"os"

	"github.com/ef8f9424/pii"
)

// Logger is a logger of its own, not slog's default.
var Logger = slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), nil)) // want Logger:"a logger on a pii.NewHandler"

// Plain is a logger without one, and Reset is set again: neither holds the fact.
var (
	Plain = slog.New(slog.NewJSONHandler(os.Stdout, nil))
	Reset = slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), nil))
)

func init() { Reset = Plain }
