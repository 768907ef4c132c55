package piizap_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// The route tests' record, error types and check are internal/adaptertest's.
type (
	revUser       = adaptertest.RouteUser
	revUserErr    = adaptertest.UserError
	revMulti      = adaptertest.MultiError
	revJSONUser   = adaptertest.JSONUser
	revTextUser   = adaptertest.TextUser
	revStringUser = adaptertest.StringUser
	revOpErr      = adaptertest.OpError
)

type revBox[T any] = adaptertest.Box[T]

var revNew = adaptertest.NewRouteUser

// revCheck fails when out is empty or shows any part of the record's personal data.
func revCheck(t *testing.T, out string) {
	t.Helper()
	adaptertest.CheckRouteLine(t, out)
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
