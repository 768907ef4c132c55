package piizerolog_test

import (
	"fmt"
	"os"

	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// refusal is an error that carries the subscriber's phone number, tagged.
type refusal struct {
	Phone string `pii:"phone"`
}

func (r refusal) Error() string { return "number refused: " + r.Phone }

func ExampleMarshalError() {
	saved := zerolog.ErrorMarshalFunc
	defer func() { zerolog.ErrorMarshalFunc = saved }()

	zerolog.ErrorMarshalFunc = piizerolog.MarshalError // once, at start-up
	logger := zerolog.New(os.Stdout)
	err := fmt.Errorf("signup: %w", refusal{Phone: "+14155550123"})
	logger.Error().Err(err).Msg("signup failed")
	// Output:
	// {"level":"error","error":"signup: number refused: +1415555XXXX","message":"signup failed"}
}
