package piizap_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// revUser is the routes tests' tagged record.
type revUser struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Email string `pii:"email" json:"email"`
	Phone string `pii:"phone" json:"phone"`
}

func revNew() revUser {
	return revUser{ID: "u-42", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
}

var revSecrets = []string{"okafor", "maria", "2671"}

// revCheck fails when out is empty or shows any part of the record's personal data.
func revCheck(t *testing.T, out string) {
	t.Helper()
	if strings.TrimSpace(out) == "" {
		t.Fatalf("no line written")
	}
	low := strings.ToLower(out)
	for _, s := range revSecrets {
		if strings.Contains(low, s) {
			t.Errorf("line shows %q: %s", s, out)
		}
	}
}

func revJSONLogger(buf *bytes.Buffer, opts ...piizap.Option) *zap.Logger {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
	return zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(buf), zapcore.DebugLevel), nil, opts...))
}

func revConsoleLogger(buf *bytes.Buffer) *zap.Logger {
	enc := zapcore.NewConsoleEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
	return zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(buf), zapcore.DebugLevel), nil))
}

// revRun runs each route over a JSON and a console logger.
func revRun(t *testing.T, routes map[string]func(*zap.Logger)) {
	t.Helper()
	for name, log := range routes {
		for enc, mk := range map[string]func(*bytes.Buffer) *zap.Logger{
			"json":    func(b *bytes.Buffer) *zap.Logger { return revJSONLogger(b) },
			"console": revConsoleLogger,
		} {
			t.Run(name+"/"+enc, func(t *testing.T) {
				var buf bytes.Buffer
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("panic: %v", r)
						}
					}()
					log(mk(&buf))
				}()
				revCheck(t, buf.String())
				t.Log(buf.String())
			})
		}
	}
}
