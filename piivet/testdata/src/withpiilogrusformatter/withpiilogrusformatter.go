// Package withpiilogrusformatter sets piilogrus's formatter, which redacts every
// Entry.Data value holding a tagged type as the hook does: such values given to
// WithField(s) are not reported. A tagged string, and the arguments of print methods
// (formatted into the message), still are.
package withpiilogrusformatter

import (
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"

	"models"
)

func Log(l *logrus.Logger, u models.User) { // want Log:"forwards \\[1\\] to logrus.Logger.WithField \\(redacted by type\\)"
	l.SetFormatter(piilogrus.NewFormatter(nil, nil))
	l.WithField("user", u).Info("signup")
	logrus.WithFields(logrus.Fields{"user": &u}).Info("signup")
	l.WithField("email", u.Email).Info("signup") // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches logrus.Logger.WithField`
	l.Println("signup", u)                       // want `u \(models.User carries pii tags\) reaches logrus.Logger.Println`
}
