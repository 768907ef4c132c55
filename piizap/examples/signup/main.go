// Command signup logs a new subscriber through zap with piizap's core: the name and phone
// number reach the log redacted, the ID as it is.
package main

import (
	"io"
	"os"

	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Subscriber is a tagged API type.
type Subscriber struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Phone string `pii:"phone" json:"phone"`
	Email string `pii:"email" json:"email"`
}

func run(w io.Writer) {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
	logger := zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(w), zapcore.InfoLevel), nil, piizap.ScanStrings()))
	s := Subscriber{ID: "sub_42", Name: "Jane Doe", Phone: "+14155550123", Email: "jane.doe@example.com"}
	logger.Info("signup", zap.Any("subscriber", s))
	logger.Info("signup", piizap.Object("subscriber", &s))
	logger.With(zap.Any("subscriber", s)).Warn("reply bounced for jane.doe@example.com")
}

func main() { run(os.Stdout) }
