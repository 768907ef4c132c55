package piizap_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// revStack is a pkg/errors-like wrapper with a verbose Format.
type revStack struct{ cause error }

func (e revStack) Error() string { return e.cause.Error() }
func (e revStack) Unwrap() error { return e.cause }
func (e revStack) Format(s fmt.State, verb rune) {
	if verb == 'v' && s.Flag('+') {
		fmt.Fprintf(s, "%+v\n\tat main.go:1", e.cause)
		return
	}
	fmt.Fprint(s, e.Error())
}

// revAccount holds its owner in an unexported field of a tagged type.
type revAccount struct {
	ID    string `pii:"no"`
	owner *revUser
}

func (a revAccount) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("id", a.ID)
	return enc.AddReflected("owner", a.owner)
}

func TestZapRoutes(t *testing.T) {
	u := revNew()
	pu := &u
	ppu := &pu
	ue := revUserErr{U: u}
	routes := map[string]func(*zap.Logger){
		"Any slice of pointers":      func(l *zap.Logger) { l.Info("m", zap.Any("u", []*revUser{&u, &u})) },
		"Any pointer to pointer":     func(l *zap.Logger) { l.Info("m", zap.Any("u", ppu)) },
		"Reflect pointer to pointer": func(l *zap.Logger) { l.Info("m", zap.Reflect("u", ppu)) },
		"Any generic":                func(l *zap.Logger) { l.Info("m", zap.Any("u", revBox[revUser]{Note: "n", V: u})) },
		"Any generic of pointer":     func(l *zap.Logger) { l.Info("m", zap.Any("u", revBox[*revUser]{Note: "n", V: &u})) },
		"Any generic of any":         func(l *zap.Logger) { l.Info("m", zap.Any("u", revBox[any]{Note: "n", V: u})) },
		"Any map of slices":          func(l *zap.Logger) { l.Info("m", zap.Any("u", map[string][]any{"a": {u, &u}})) },
		"Any array of interfaces":    func(l *zap.Logger) { l.Info("m", zap.Any("u", [2]any{u, ppu})) },
		"Namespace":                  func(l *zap.Logger) { l.Info("m", zap.Namespace("ns"), zap.Any("u", u)) },
		"With Namespace":             func(l *zap.Logger) { l.With(zap.Namespace("ns"), zap.Any("u", u)).Info("m", zap.Any("v", u)) },
		"WithLazy":                   func(l *zap.Logger) { l.WithLazy(zap.Any("u", u)).Info("m") },
		"WithLazy twice":             func(l *zap.Logger) { l.WithLazy(zap.Any("u", u)).With(zap.Any("v", &u)).Info("m") },
		"Check Write": func(l *zap.Logger) {
			if ce := l.Check(zap.InfoLevel, "m"); ce != nil {
				ce.Write(zap.Any("u", u))
			}
		},
		"Sugar Infow":                func(l *zap.Logger) { l.Sugar().Infow("m", "u", u, "p", &u) },
		"Sugar With Infow":           func(l *zap.Logger) { l.Sugar().With("u", u).Infow("m", "e", ue) },
		"Sugar Infow odd":            func(l *zap.Logger) { l.Sugar().Infow("m", u) },
		"Sugar Infow odd pointer":    func(l *zap.Logger) { l.Sugar().Infow("m", "k", 1, &u) },
		"Sugar Infow non-string key": func(l *zap.Logger) { l.Sugar().Infow("m", u, 1) },
		"Sugar With odd":             func(l *zap.Logger) { l.Sugar().With(u).Info("m") },
		"Sugar With non-string key":  func(l *zap.Logger) { l.Sugar().With(u, 1).Info("m") },
		"Sugar Infow zap field":      func(l *zap.Logger) { l.Sugar().Infow("m", zap.Any("u", u)) },
		"Error %w twice":             func(l *zap.Logger) { l.Info("m", zap.Error(fmt.Errorf("a: %w", fmt.Errorf("b: %w", ue)))) },
		"Error %w pointer":           func(l *zap.Logger) { l.Info("m", zap.Error(fmt.Errorf("lookup: %w", &ue))) },
		"Error Unwrap []error":       func(l *zap.Logger) { l.Info("m", zap.Error(revMulti{Errs: []error{errors.New("x"), ue}})) },
		"Error stack wrapper":        func(l *zap.Logger) { l.Info("m", zap.Error(revStack{ue})) },
		"Error stack over %w":        func(l *zap.Logger) { l.Info("m", zap.Error(revStack{fmt.Errorf("w: %w", ue)})) },
		"Errors mixed":               func(l *zap.Logger) { l.Info("m", zap.Errors("es", []error{revStack{ue}, revMulti{Errs: []error{ue}}})) },
		"NamedError multi":           func(l *zap.Logger) { l.Info("m", zap.NamedError("e", revMulti{Errs: []error{fmt.Errorf("%w", ue)}})) },
		"Any of error":               func(l *zap.Logger) { l.Info("m", zap.Any("e", fmt.Errorf("x: %w", ue))) },
		"With Error":                 func(l *zap.Logger) { l.With(zap.Error(fmt.Errorf("x: %w", ue))).Info("m") },
		"MarshalJSON":                func(l *zap.Logger) { l.Info("m", zap.Any("u", revJSONUser{Name: u.Name, Email: u.Email})) },
		"MarshalJSON pointer":        func(l *zap.Logger) { l.Info("m", zap.Any("u", &revJSONUser{Name: u.Name, Email: u.Email})) },
		"MarshalText":                func(l *zap.Logger) { l.Info("m", zap.Any("u", revTextUser{Name: u.Name, Phone: u.Phone})) },
		"MarshalText in map value": func(l *zap.Logger) {
			l.Info("m", zap.Any("u", map[string]revTextUser{"a": {Name: u.Name, Phone: u.Phone}}))
		},
		"MarshalText map key":         func(l *zap.Logger) { l.Info("m", zap.Any("u", map[revTextUser]int{{Name: u.Name, Phone: u.Phone}: 1})) },
		"tagged map key any":          func(l *zap.Logger) { l.Info("m", zap.Any("u", map[any]int{u: 1})) },
		"Stringer pointer":            func(l *zap.Logger) { l.Info("m", zap.Stringer("u", &revStringUser{Name: u.Name, Email: u.Email})) },
		"Any Stringer":                func(l *zap.Logger) { l.Info("m", zap.Any("u", &revStringUser{Name: u.Name, Email: u.Email})) },
		"Stringers pointers":          func(l *zap.Logger) { l.Info("m", zap.Stringers("u", []*revStringUser{{Name: u.Name, Email: u.Email}})) },
		"unexported tagged owner":     func(l *zap.Logger) { l.Info("m", zap.Object("a", revAccount{"a1", &u})) },
		"Any unexported tagged owner": func(l *zap.Logger) { l.Info("m", zap.Any("a", revAccount{"a1", &u})) },
		"Inline unexported owner":     func(l *zap.Logger) { l.Info("m", zap.Inline(revAccount{"a1", &u})) },
		"Dict nested":                 func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Dict("e", zap.Any("u", u)), zap.Error(ue))) },
		"With Dict": func(l *zap.Logger) {
			l.With(zap.Dict("d", zap.Stringer("s", &revStringUser{Name: u.Name, Email: u.Email}))).Info("m")
		},
		"Object helper":         func(l *zap.Logger) { l.Info("m", piizap.Object("u", ppu)) },
		"Object helper generic": func(l *zap.Logger) { l.Info("m", piizap.Object("u", revBox[any]{Note: "n", V: &u})) },
		"Object helper error":   func(l *zap.Logger) { l.Info("m", piizap.Object("u", fmt.Errorf("x: %w", ue))) },
		"Any zap.Field":         func(l *zap.Logger) { l.Info("m", zap.Any("f", zap.Any("u", u))) },
		"ObjectMarshalerFunc": func(l *zap.Logger) {
			l.Info("m", zap.Object("o", zapcore.ObjectMarshalerFunc(func(e zapcore.ObjectEncoder) error { return e.AddReflected("u", u) })))
		},
		"ArrayMarshalerFunc": func(l *zap.Logger) {
			l.Info("m", zap.Array("a", zapcore.ArrayMarshalerFunc(func(e zapcore.ArrayEncoder) error { return e.AppendReflected(u) })))
		},
	}
	revRun(t, routes)
}
