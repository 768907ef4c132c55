package piizerolog_test

import (
	"os"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

func Example() {
	type Subscriber struct {
		ID    string `pii:"no" json:"id"`
		Name  string `pii:"name" json:"name"`
		Phone string `pii:"phone" json:"phone"`
	}
	logger := zerolog.New(os.Stdout)
	s := Subscriber{ID: "sub_42", Name: "Jane Doe", Phone: "+14155550123"}

	logger.Info().Object("subscriber", piizerolog.Object(s)).Msg("signup")
	logger.Info().Interface("subscriber", pii.Safe(s)).Msg("signup") // the same, through MarshalJSON
	// Output:
	// {"level":"info","subscriber":{"id":"sub_42","name":"J. D.","phone":"+1415555XXXX"},"message":"signup"}
	// {"level":"info","subscriber":{"id":"sub_42","name":"J. D.","phone":"+1415555XXXX"},"message":"signup"}
}
