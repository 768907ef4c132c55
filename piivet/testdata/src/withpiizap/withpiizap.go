// Package withpiizap builds its logger on piizap.NewCore, which redacts every field
// whose value holds a tagged type: such values given to zap's fields are not reported.
// A tagged string is no tagged type, and a message is formatted before the core sees
// it: both are still reported.
package withpiizap

import (
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"

	"models"
)

var core = piizap.NewCore(nil, nil)

func Log(l *zap.Logger, s *zap.SugaredLogger, u models.User, o *models.Order) { // want Log:"forwards \\[2 3\\] to zap.Any \\(redacted by type\\)"
	l.Info("signup", zap.Any("user", u), zap.Reflect("order", o), zap.Any("users", []models.User{u}))
	s.Infow("signup", "user", u, "order", o)
	s.With("user", &u).Infow("again")
	l.Info("signup", zap.String("email", u.Email)) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches zap.String`
	l.Info("signup", zap.Any("email", u.Email))    // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches zap.Any`
	s.Infow("signup", "email", u.Email)            // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches zap.SugaredLogger.Infow`
	s.Errorf("signup %v", u)                       // want `u \(models.User carries pii tags\) reaches zap.SugaredLogger.Errorf`
	LogAny("user", u)
}

// LogAny hands v to zap.Any: its callers, here or in a package that sets up no core,
// are covered by this package's core too.
func LogAny(key string, v any) { // want LogAny:"forwards \\[1\\] to zap.Any \\(redacted by type\\)"
	zap.Any(key, v)
}
