package piizap_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// revBad has a misspelt kind: nothing may show its Email raw.
type revBad struct {
	Name  string `pii:"name"`
	Email string `pii:"emial"`
}

func (b revBad) String() string { return b.Name + " " + b.Email }
func (b revBad) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("email", b.Email)
	return nil
}

type revBadList []revBad

func (l revBadList) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, b := range l {
		enc.AppendString(b.Email)
	}
	return nil
}

type revBadErr struct {
	Email string `pii:"emial"`
}

func (e *revBadErr) Error() string { return "bad " + e.Email }

// revGood holds a badly tagged value behind an interface.
type revGood struct {
	ID    string `pii:"no"`
	Inner any
}

func TestZapBadTag(t *testing.T) {
	b := revBad{"Maria Okafor", "maria.okafor@example.com"}
	be := &revBadErr{"maria.okafor@example.com"}
	routes := map[string]func(*zap.Logger){
		"Stringer":             func(l *zap.Logger) { l.Info("m", zap.Stringer("b", b)) },
		"Stringers":            func(l *zap.Logger) { l.Info("m", zap.Stringers("b", []revBad{b})) },
		"Inline":               func(l *zap.Logger) { l.Info("m", zap.Inline(b)) },
		"Array":                func(l *zap.Logger) { l.Info("m", zap.Array("b", revBadList{b})) },
		"Objects":              func(l *zap.Logger) { l.Info("m", zap.Objects("b", []revBad{b})) },
		"Dict":                 func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Any("b", b))) },
		"With":                 func(l *zap.Logger) { l.With(zap.Any("b", b)).Info("m") },
		"Sugar Infow":          func(l *zap.Logger) { l.Sugar().Infow("m", "b", b) },
		"Sugar non-string key": func(l *zap.Logger) { l.Sugar().Infow("m", b, 1) },
		"Errors":               func(l *zap.Logger) { l.Info("m", zap.Errors("es", []error{be})) },
		"Error joined":         func(l *zap.Logger) { l.Info("m", zap.Error(errors.Join(errors.New("x"), be))) },
		"Error %w":             func(l *zap.Logger) { l.Info("m", zap.Error(fmt.Errorf("x: %w", be))) },
		"Any behind interface": func(l *zap.Logger) { l.Info("m", zap.Any("g", revGood{"g1", b})) },
		"Any map":              func(l *zap.Logger) { l.Info("m", zap.Any("g", map[string]any{"b": []any{&b}})) },
		"Object helper inner":  func(l *zap.Logger) { l.Info("m", piizap.Object("g", revGood{"g1", b})) },
		"marshaler AddReflected": func(l *zap.Logger) {
			l.Info("m", zap.Object("o", zapcore.ObjectMarshalerFunc(func(e zapcore.ObjectEncoder) error { return e.AddReflected("b", b) })))
		},
		"marshaler AddObject": func(l *zap.Logger) {
			l.Info("m", zap.Object("o", zapcore.ObjectMarshalerFunc(func(e zapcore.ObjectEncoder) error { return e.AddObject("b", b) })))
		},
	}
	revRun(t, routes)
}

// TestZapBadTagInline logs zap.Inline of a value whose tags are wrong: the failure note
// stands under "error", as piizerolog.Object writes it, never under an empty key.
func TestZapBadTagInline(t *testing.T) {
	var buf bytes.Buffer
	revJSONLogger(&buf).Info("m", zap.Inline(revBad{"Maria Okafor", "maria.okafor@example.com"}))
	revCheck(t, buf.String())
	if !strings.Contains(buf.String(), `"error":"!PII-REDACTION-FAILED: `) || strings.Contains(buf.String(), `"":`) {
		t.Errorf("line = %s, want the note under \"error\"", buf.String())
	}
}
