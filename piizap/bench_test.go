package piizap_test

import (
	"errors"
	"fmt"
	"io"
	"math"
	"testing"
	"time"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

func benchLogger(redact bool) *zap.Logger { return benchLoggerOf(redact, false) }

// benchLoggerOf is benchLogger, with its core sampled as zap.NewProduction's is when
// sampled is set (a sampler that lets every line through).
func benchLoggerOf(redact, sampled bool) *zap.Logger {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
	var c zapcore.Core = zapcore.NewCore(enc, zapcore.AddSync(io.Discard), zapcore.InfoLevel)
	if sampled {
		c = zapcore.NewSamplerWithOptions(c, time.Second, math.MaxInt, 1)
	}
	if redact {
		c = piizap.NewCore(c, nil)
	}
	return zap.New(c)
}

// BenchmarkLog compares one line with a tagged struct and a few plain fields, through
// zap alone and through NewCore (which redacts the struct). The struct logs itself
// (MarshalLogObject), as zap.Object and zap.Any ask of it.
func BenchmarkLog(b *testing.B) { benchLine(b, customer()) }

// BenchmarkLogReflect is BenchmarkLog for a tagged struct with no MarshalLogObject, the
// commoner case: zap.Any writes it through encoding/json, with or without NewCore.
func BenchmarkLogReflect(b *testing.B) { benchLine(b, adaptertest.NewCustomer()) }

// BenchmarkLogReflectSampled is BenchmarkLogReflect through a sampled core, as
// zap.NewProduction makes: NewCore asks the sampler which cores take each line.
func BenchmarkLogReflectSampled(b *testing.B) {
	v := adaptertest.NewCustomer()
	benchBothOf(b, true, func(l *zap.Logger) {
		l.Info("signup", zap.Any("customer", v), zap.String("route", "/v1/signup"), zap.Int("status", 201))
	})
}

// benchLine logs a line with v through zap alone and through NewCore. v is a T, not an
// any, so that each line boxes it as a caller's zap.Any does.
func benchLine[T any](b *testing.B, v T) {
	benchBoth(b, func(l *zap.Logger) {
		l.Info("signup", zap.Any("customer", v), zap.String("route", "/v1/signup"), zap.Int("status", 201))
	})
}

// benchBoth runs logLine as a benchmark through zap alone and through NewCore.
func benchBoth(b *testing.B, logLine func(*zap.Logger)) { benchBothOf(b, false, logLine) }

// benchBothOf is benchBoth, through sampled cores when sampled is set.
func benchBothOf(b *testing.B, sampled bool, logLine func(*zap.Logger)) {
	for _, bc := range []struct {
		name   string
		redact bool
	}{{"zap", false}, {"piizap", true}} {
		b.Run(bc.name, func(b *testing.B) {
			l := benchLoggerOf(bc.redact, sampled)
			b.ReportAllocs()
			for b.Loop() {
				logLine(l)
			}
		})
	}
}

// BenchmarkLogPlain compares a line with no personal data: the cost of looking.
func BenchmarkLogPlain(b *testing.B) {
	benchBoth(b, func(l *zap.Logger) {
		l.Info("request", zap.String("route", "/v1/signup"), zap.Int("status", 201), zap.Any("tags", []string{"a", "b"}))
	})
}

// BenchmarkLogError compares a line with an error that holds no personal data, wrapped
// as services wrap errors: the cost of looking through its chain.
func BenchmarkLogError(b *testing.B) {
	err := fmt.Errorf("signup: %w", errors.New("connection refused"))
	benchBoth(b, func(l *zap.Logger) {
		l.Error("signup failed", zap.Error(err), zap.String("route", "/v1/signup"))
	})
}
