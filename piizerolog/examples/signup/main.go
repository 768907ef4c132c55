// Command signup logs a new subscriber through zerolog with piizerolog.Object: the name
// and phone number reach the log redacted, the ID as it is.
package main

import (
	"io"
	"os"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// Subscriber is a tagged API type.
type Subscriber struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Phone string `pii:"phone" json:"phone"`
	Email string `pii:"email" json:"email"`
}

func run(w io.Writer) {
	logger := zerolog.New(w)
	s := Subscriber{ID: "sub_42", Name: "Jane Doe", Phone: "+14155550123", Email: "jane.doe@example.com"}
	logger.Info().Object("subscriber", piizerolog.Object(s)).Msg("signup")
	logger.Info().Interface("subscriber", pii.Safe(&s)).Msg("signup")
}

func main() { run(os.Stdout) }
