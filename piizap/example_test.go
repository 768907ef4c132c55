package piizap_test

import (
	"os"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

func Example() {
	type Subscriber struct {
		ID    string `pii:"no" json:"id"`
		Name  string `pii:"name" json:"name"`
		Phone string `pii:"phone" json:"phone"`
	}
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	base := zapcore.NewCore(enc, zapcore.AddSync(os.Stdout), zapcore.InfoLevel)
	logger := zap.New(piizap.NewCore(base, nil)) // nil: the default Policy

	s := Subscriber{ID: "sub_42", Name: "Jane Doe", Phone: "+14155550123"}
	logger.Info("signup", zap.Any("subscriber", s))
	logger.Info("signup", piizap.Object("subscriber", s))
	logger.Info("signup", zap.Stringer("subscriber", pii.Safe(s)))
	// Output:
	// {"msg":"signup","subscriber":{"id":"sub_42","name":"J. D.","phone":"+1415555XXXX"}}
	// {"msg":"signup","subscriber":{"id":"sub_42","name":"J. D.","phone":"+1415555XXXX"}}
	// {"msg":"signup","subscriber":{"id":"sub_42","name":"J. D.","phone":"+1415555XXXX"}}
}

// A zap.Config with initial fields is built by Build, which wraps the core before
// adding them: cfg.Build adds them before any option can wrap the core.
func ExampleBuild() {
	type Subscriber struct {
		ID    string `pii:"no" json:"id"`
		Phone string `pii:"phone" json:"phone"`
	}
	cfg := zap.NewProductionConfig()
	cfg.OutputPaths = []string{"stdout"}
	cfg.EncoderConfig.TimeKey, cfg.DisableCaller = "", true // lines the example can show
	cfg.InitialFields = map[string]any{"owner": Subscriber{ID: "sub_1", Phone: "+14155550123"}}

	logger, err := piizap.Build(cfg, nil)
	if err != nil {
		panic(err)
	}
	logger.Info("started")
	// Output:
	// {"level":"info","msg":"started","owner":{"id":"sub_1","phone":"+1415555XXXX"}}
}
