// Command signup logs a new subscriber through logrus with piilogrus's hook: the name and
// phone number reach the log redacted, the ID as it is.
package main

import (
	"io"
	"os"

	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// Subscriber is a tagged API type.
type Subscriber struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Phone string `pii:"phone" json:"phone"`
	Email string `pii:"email" json:"email"`
}

func run(w io.Writer) {
	logger := logrus.New()
	logger.SetOutput(w)
	logger.SetFormatter(&logrus.JSONFormatter{DisableTimestamp: true})
	logger.AddHook(piilogrus.NewHook(nil, piilogrus.ScanStrings()))
	s := Subscriber{ID: "sub_42", Name: "Jane Doe", Phone: "+14155550123", Email: "jane.doe@example.com"}
	logger.WithField("subscriber", s).Info("signup")
	logger.WithField("subscriber", &s).Warn("reply bounced for jane.doe@example.com")
}

func main() { run(os.Stdout) }
