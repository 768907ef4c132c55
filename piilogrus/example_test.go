package piilogrus_test

import (
	"os"

	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

func Example() {
	type Subscriber struct {
		ID    string `pii:"no" json:"id"`
		Name  string `pii:"name" json:"name"`
		Phone string `pii:"phone" json:"phone"`
	}
	logger := logrus.New()
	logger.SetOutput(os.Stdout)
	logger.SetFormatter(&logrus.JSONFormatter{DisableTimestamp: true})
	logger.AddHook(piilogrus.NewHook(nil)) // nil: the default Policy

	s := Subscriber{ID: "sub_42", Name: "Jane Doe", Phone: "+14155550123"}
	logger.WithField("subscriber", s).Info("signup")
	// Output:
	// {"level":"info","msg":"signup","subscriber":{"id":"sub_42","name":"J. D.","phone":"+1415555XXXX"}}
}
