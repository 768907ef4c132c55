package piilogrus_test

import (
	"context"
	"os"

	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// callerKey is the context key under which a request's caller travels.
type callerKey struct{}

// callerHook adds the request's caller, found in the entry's Context, to every entry.
type callerHook struct{}

func (callerHook) Levels() []logrus.Level { return logrus.AllLevels }

func (callerHook) Fire(e *logrus.Entry) error {
	if c := e.Context.Value(callerKey{}); c != nil {
		e.Data["caller"] = c
	}
	return nil
}

func ExampleNewFormatter() {
	type Caller struct {
		ID    string `pii:"no" json:"id"`
		Phone string `pii:"phone" json:"phone"`
	}
	logger := logrus.New()
	logger.SetOutput(os.Stdout)
	// The formatter runs after every hook: what callerHook adds is redacted too.
	logger.SetFormatter(piilogrus.NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, nil))
	logger.AddHook(callerHook{})

	ctx := context.WithValue(context.Background(), callerKey{}, Caller{ID: "u_7", Phone: "+14155550123"})
	logger.WithContext(ctx).Info("call started")
	// Output:
	// {"caller":{"id":"u_7","phone":"+1415555XXXX"},"level":"info","msg":"call started"}
}
