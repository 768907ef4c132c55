package piizap_test

import (
	"errors"
	"fmt"
	"testing"

	"go.uber.org/zap"
)

// revPlainOpErr is revOpErr with no tags at all.
type revPlainOpErr struct {
	Op  string
	Err error
}

func (e revPlainOpErr) Error() string { return e.Op + ": " + e.Err.Error() }

// revEvent is a tagged Stringer that prints its cause.
type revEvent struct {
	Kind  string `pii:"no"`
	Cause error
}

func (e revEvent) String() string { return e.Kind + " " + e.Cause.Error() }

func TestZapErrorInField(t *testing.T) {
	u := revNew()
	ue := revUserErr{U: u}
	wrapped := fmt.Errorf("load: %w", ue)
	routes := map[string]func(*zap.Logger){
		"Error tagged wrapper, tagged cause":          func(l *zap.Logger) { l.Info("m", zap.Error(revOpErr{Op: "save", Err: ue})) },
		"Error tagged wrapper, wrapped cause":         func(l *zap.Logger) { l.Info("m", zap.Error(revOpErr{Op: "save", Err: wrapped})) },
		"Error tagged wrapper, joined cause":          func(l *zap.Logger) { l.Info("m", zap.Error(revOpErr{Op: "save", Err: errors.Join(ue)})) },
		"Error untagged wrapper, tagged cause":        func(l *zap.Logger) { l.Info("m", zap.Error(revPlainOpErr{"save", ue})) },
		"Error untagged wrapper, wrapped cause":       func(l *zap.Logger) { l.Info("m", zap.Error(revPlainOpErr{"save", wrapped})) },
		"Error %w of untagged wrapper":                func(l *zap.Logger) { l.Info("m", zap.Error(fmt.Errorf("x: %w", revPlainOpErr{"save", wrapped}))) },
		"Stringer tagged, wrapped cause":              func(l *zap.Logger) { l.Info("m", zap.Stringer("e", revEvent{"k", wrapped})) },
		"Any struct with wrapped cause":               func(l *zap.Logger) { l.Info("m", zap.Any("e", revEvent{"k", wrapped})) },
		"Reflect struct with wrapped cause":           func(l *zap.Logger) { l.Info("m", zap.Reflect("e", revOpErr{Op: "save", Err: wrapped})) },
		"Errors of tagged wrapper with wrapped cause": func(l *zap.Logger) { l.Info("m", zap.Errors("es", []error{revOpErr{Op: "save", Err: wrapped}})) },
	}
	revRun(t, routes)
}
