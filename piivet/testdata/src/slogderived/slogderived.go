// Package slogderived is a service's logging package: a logger on a pii.NewHandler set
// up in a function, and component loggers derived from one (the Logs fact on the
// variable and on the function). It never sets slog's default.
package slogderived

import (
	"context"
	"log/slog"
	"os"

	"github.com/ef8f9424/pii"
)

// Log is set up by Setup, and only there.
var Log *slog.Logger // want Log:"a logger on a pii.NewHandler"

// Base is built where it is declared.
var Base = slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), nil)) // want Base:"a logger on a pii.NewHandler"

// Mixed is set to a logger without one too: no fact.
var Mixed *slog.Logger

// Setup builds the loggers.
func Setup(p *pii.Policy) {
	Log = slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), p))
	Mixed = Log
	if p == nil {
		Mixed = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
}

// For returns a component logger derived from Base.
func For(component string) *slog.Logger { // want For:"a logger on a pii.NewHandler" For:`forwards \[0\] to slog.Logger.With \(slog\) \(redacted by type\)`
	return Base.With("component", component)
}

// Group derives one from Log, through another.
func Group(name string) *slog.Logger { // want Group:"a logger on a pii.NewHandler" Group:`forwards \[0\] to slogderived.For`
	l := For(name)
	return l.WithGroup(name)
}

// Raw returns a logger without one on a path: no fact.
func Raw(component string) *slog.Logger { // want Raw:`forwards \[0\] to slog.Logger.With`
	if component == "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return Log.With("component", component)
}

// New returns a logger built on a pii.NewHandler itself.
func New(p *pii.Policy) *slog.Logger { // want New:"a logger on a pii.NewHandler"
	return slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), p))
}

// NewLocal builds it through a local variable.
func NewLocal(p *pii.Policy) *slog.Logger { // want NewLocal:"a logger on a pii.NewHandler"
	l := slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), p))
	return l
}

// Via is built by New.
var Via = New(nil) // want Via:"a logger on a pii.NewHandler"

// tee hands each record to all its handlers.
type tee []slog.Handler

// Enabled says every level is.
func (t tee) Enabled(context.Context, slog.Level) bool { return true }

// Handle hands r to each handler.
func (t tee) Handle(ctx context.Context, r slog.Record) error { // want Handle:`forwards \[0 1\] to slog.Handler.Handle`
	for _, h := range t {
		_ = h.Handle(ctx, r)
	}
	return nil
}

// WithAttrs keeps t.
func (t tee) WithAttrs([]slog.Attr) slog.Handler { return t }

// WithGroup keeps t.
func (t tee) WithGroup(string) slog.Handler { return t }

// Tee holds a pii.NewHandler on one branch only: the other logs raw, no fact.
var Tee = slog.New(tee{pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), nil), slog.NewTextHandler(os.Stderr, nil)})
