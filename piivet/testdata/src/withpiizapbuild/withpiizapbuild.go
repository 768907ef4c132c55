// Package withpiizapbuild builds its logger with piizap.Build, which wraps its core in
// piizap.NewCore: values whose type carries tags given to zap's fields are redacted.
package withpiizapbuild

import (
	"models"

	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
)

func use(u models.User) { // want use:"forwards \\[0\\] to zap.Any \\(redacted by type\\)"
	l, _ := piizap.Build(zap.NewProductionConfig(), nil)
	l.Info("signup", zap.Any("user", u))
	l.Info("signup", zap.String("email", u.Email)) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches zap.String`
}
