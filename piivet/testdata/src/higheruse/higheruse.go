// Package higheruse hands a printer to another package's function, which calls it with
// what it was given (the Calls fact).
package higheruse

import (
	"higher"
	"log"
	"models"

	"github.com/ef8f9424/pii"
)

func use(u models.User) {
	higher.Process(u, log.Printf) // want `u \(models.User carries pii tags\) reaches higher.Process, which hands it to log.Printf`
	higher.Process(u, func(string, ...any) {})
	var p *pii.Policy
	r, _ := pii.Redacted(p, u)
	higher.Process(r, log.Printf)
}
