package piilogrus_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/sirupsen/logrus"
)

// revPlain is an untagged struct holding an error: fmt prints the error's text.
type revPlain struct {
	Op  string
	Err error
}

// revAccount holds its owner in an unexported field of a tagged type: fmt prints it.
type revAccount struct {
	ID    string `pii:"no"`
	owner revUser
}

type revCtxKey struct{}

func TestLogrusRoutes(t *testing.T) {
	u := revNew()
	pu := &u
	ue := revUserErr{U: u}
	wrapped := fmt.Errorf("load: %w", ue)
	su := &revStringUser{Name: u.Name, Email: u.Email}
	routes := map[string]func(*logrus.Logger){
		"WithField pointer to pointer":       func(l *logrus.Logger) { l.WithField("u", &pu).Info("m") },
		"WithField slice of pointers":        func(l *logrus.Logger) { l.WithField("u", []*revUser{&u}).Info("m") },
		"WithField generic":                  func(l *logrus.Logger) { l.WithField("u", revBox[any]{Note: "n", V: &u}).Info("m") },
		"WithField nested Fields":            func(l *logrus.Logger) { l.WithField("f", logrus.Fields{"u": u, "g": logrus.Fields{"v": &u}}).Info("m") },
		"WithFields map of any":              func(l *logrus.Logger) { l.WithFields(logrus.Fields{"m": map[string]any{"u": []any{u}}}).Info("m") },
		"WithError tagged":                   func(l *logrus.Logger) { l.WithError(ue).Error("m") },
		"WithError %w":                       func(l *logrus.Logger) { l.WithError(wrapped).Error("m") },
		"WithError Join":                     func(l *logrus.Logger) { l.WithError(errors.Join(errors.New("x"), wrapped)).Error("m") },
		"WithError Unwrap []error":           func(l *logrus.Logger) { l.WithError(revMulti{Errs: []error{errors.New("x"), wrapped}}).Error("m") },
		"WithError tagged wrapper no Unwrap": func(l *logrus.Logger) { l.WithError(revOpErr{Op: "save", Err: wrapped}).Error("m") },
		"WithField error other key":          func(l *logrus.Logger) { l.WithField("cause", wrapped).Error("m") },
		"WithField []error":                  func(l *logrus.Logger) { l.WithField("errs", []error{wrapped, ue}).Error("m") },
		"WithField map of errors":            func(l *logrus.Logger) { l.WithField("errs", map[string]error{"a": wrapped}).Error("m") },
		"WithField struct with error":        func(l *logrus.Logger) { l.WithField("op", revPlain{"save", wrapped}).Error("m") },
		"WithField any holding error":        func(l *logrus.Logger) { l.WithField("op", []any{wrapped}).Error("m") },
		"WithField Stringer":                 func(l *logrus.Logger) { l.WithField("u", su).Info("m") },
		"WithField Stringer in slice":        func(l *logrus.Logger) { l.WithField("u", []fmt.Stringer{su}).Info("m") },
		"WithField MarshalJSON":              func(l *logrus.Logger) { l.WithField("u", revJSONUser{Name: u.Name, Email: u.Email}).Info("m") },
		"WithField MarshalText":              func(l *logrus.Logger) { l.WithField("u", revTextUser{Name: u.Name, Phone: u.Phone}).Info("m") },
		"WithField unexported tagged":        func(l *logrus.Logger) { l.WithField("a", revAccount{"a1", u}).Info("m") },
		"WithField context value": func(l *logrus.Logger) {
			l.WithField("ctx", context.WithValue(context.Background(), revCtxKey{}, su)).Info("m")
		},
		"WithContext then field":  func(l *logrus.Logger) { l.WithContext(context.Background()).WithField("u", u).Info("m") },
		"WithField key clash msg": func(l *logrus.Logger) { l.WithField("msg", u).WithField("level", &u).Info("m") },
		"Log level":               func(l *logrus.Logger) { l.WithField("u", u).Log(logrus.WarnLevel, "m") },
		"Entry Data set directly": func(l *logrus.Logger) {
			e := logrus.NewEntry(l)
			e.Data["u"] = u
			e.Info("m")
		},
		"Entry reused after mutation": func(l *logrus.Logger) {
			e := l.WithField("a", 1)
			e.Info("first")
			e.Data["u"] = &u
			e.Info("m")
		},
		"Infof with Safe-less arg as field": func(l *logrus.Logger) { l.WithFields(logrus.Fields{"args": []any{u, 1}}).Infof("m %d", 1) },
		"tagged map key": func(l *logrus.Logger) {
			l.WithField("u", map[revTextUser]int{{Name: u.Name, Phone: u.Phone}: 1}).Info("m")
		},
	}
	revRun(t, routes)
}
