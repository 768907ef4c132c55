package piizerolog_test

import (
	"io"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// BenchmarkLog compares one line with a struct and plain fields: zerolog's Interface
// with the raw value, and Object with the redacted copy.
func BenchmarkLog(b *testing.B) {
	c := adaptertest.NewCustomer()
	l := zerolog.New(io.Discard)
	b.Run("zerolog", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l.Info().Interface("customer", c).Str("route", "/v1/signup").Int("status", 201).Msg("signup")
		}
	})
	b.Run("piizerolog", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l.Info().Object("customer", piizerolog.Object(c)).Str("route", "/v1/signup").Int("status", 201).Msg("signup")
		}
	})
}

// BenchmarkLogInterface compares one line that logs a tagged struct with Interface:
// zerolog's own InterfaceMarshalFunc (the raw value), and MarshalInterface (the
// redacted copy).
func BenchmarkLogInterface(b *testing.B) {
	c := adaptertest.NewCustomer()
	l := zerolog.New(io.Discard)
	saved := zerolog.InterfaceMarshalFunc
	b.Cleanup(func() { zerolog.InterfaceMarshalFunc = saved })
	for _, bc := range []struct {
		name string
		f    func(any) ([]byte, error)
	}{{"zerolog", saved}, {"piizerolog", piizerolog.MarshalInterface}} {
		b.Run(bc.name, func(b *testing.B) {
			zerolog.InterfaceMarshalFunc = bc.f
			b.ReportAllocs()
			for b.Loop() {
				l.Info().Interface("customer", c).Str("route", "/v1/signup").Int("status", 201).Msg("signup")
			}
		})
	}
}
