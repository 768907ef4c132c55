package piizerolog_test

import (
	"os"

	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

func ExampleMarshalInterface() {
	saved := zerolog.InterfaceMarshalFunc
	defer func() { zerolog.InterfaceMarshalFunc = saved }()

	type Subscriber struct {
		ID    string `pii:"no" json:"id"`
		Phone string `pii:"phone" json:"phone"`
	}
	zerolog.InterfaceMarshalFunc = piizerolog.MarshalInterface // once, at start-up
	logger := zerolog.New(os.Stdout)
	s := Subscriber{ID: "sub_42", Phone: "+14155550123"}
	logger.Info().Interface("subscriber", s).Fields(map[string]any{"all": []Subscriber{s}}).Msg("signup")
	// Output:
	// {"level":"info","subscriber":{"id":"sub_42","phone":"+1415555XXXX"},"all":[{"id":"sub_42","phone":"+1415555XXXX"}],"message":"signup"}
}
