// Package pii is a stand-in for the library with the names the analyzer looks for.
package pii

import "log/slog"

type Policy struct{}

type SafeValue struct{ v any }

func Safe(v any) SafeValue { return SafeValue{v} }

func (p *Policy) Safe(v any) SafeValue { return SafeValue{v} }

func Redacted[T any](p *Policy, v T) (T, error) { return v, nil }

type Handler struct{ slog.Handler }

func NewHandler(next slog.Handler, p *Policy) *Handler { return &Handler{next} }

func Redact(v any) error { return nil }

func (p *Policy) Redact(v any) error { return nil }

func (p *Policy) Anonymize(v any) error { return nil }

func Anonymized[T any](p *Policy, v T) (T, error) { return v, nil }

func (s SafeValue) String() string               { return "" }
func (s SafeValue) LogValue() slog.Value         { return slog.Value{} }
func (s SafeValue) MarshalJSON() ([]byte, error) { return nil, nil }

func Anonymize(v any) error { return nil }

func (p *Policy) ForLog(v any) (any, bool) { return v, true }
