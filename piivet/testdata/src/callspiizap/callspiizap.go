// Package callspiizap sets up no core, but logs through a helper of a package that does:
// a tagged type reaches the core's fields; a tagged string is still reported.
package callspiizap

import (
	"models"
	"withpiizap"
)

func Use(u models.User) { // want Use:"forwards \\[0\\] to withpiizap.LogAny, which hands it to zap.Any \\(redacted by type\\)"
	withpiizap.LogAny("user", u)
	withpiizap.LogAny("email", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches withpiizap.LogAny, which hands it to zap.Any`
}
