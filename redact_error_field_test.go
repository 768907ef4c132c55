package pii_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
)

type errRecord struct {
	Created time.Time `pii:"no,created"`
	Email   error     `pii:"email"`
	Body    error     `pii:"body,ttl=1"`
	Cause   error     `pii:"true"`
	Plain   error
}

// TestRedactErrorText checks that a tagged error field holding errors.New or
// fmt.Errorf's error is redacted as a string field of its kind holding its text.
func TestRedactErrorText(t *testing.T) {
	base := errors.New("jane@example.com")
	v := errRecord{
		Email: base,
		Body:  fmt.Errorf("call +14155551234: %w", errors.New("busy")),
		Cause: errors.New("secret"),
		Plain: errors.New("no data"),
	}
	want, err := pii.Redacted(nil, struct {
		Email string `pii:"email"`
	}{"jane@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := pii.Redacted(nil, v)
	if err != nil {
		t.Fatalf("Redacted: %v", err)
	}
	if got.Email.Error() != want.Email || got.Body.Error() != "" || got.Cause.Error() != "" || got.Plain != v.Plain {
		t.Errorf("got %q, %q, %q, %v; want %q, empty, empty, the plain error", got.Email, got.Body, got.Cause, got.Plain, want.Email)
	}
	if errors.Is(got.Email, base) {
		t.Errorf("the redacted error still unwraps to the original")
	}
	if v.Email != base {
		t.Errorf("Redacted changed the caller's value")
	}
	var buf bytes.Buffer
	slog.New(pii.NewHandler(slog.NewTextHandler(&buf, nil), nil)).Info("m", "rec", v)
	if strings.Contains(buf.String(), "jane@") || strings.Contains(buf.String(), "4155551234") || strings.Contains(buf.String(), "FAILED") {
		t.Errorf("log line: %s", buf.String())
	}
	due, err := pii.Purge(&v, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || v.Body != nil || len(due) != 1 {
		t.Errorf("Purge = %v, %v; Body = %v", due, err, v.Body)
	}
}
