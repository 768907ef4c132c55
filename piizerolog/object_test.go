package piizerolog_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
)

// The personal data of the tests: none of these may reach a log line.
const (
	phone = "+14155550123"
	email = "jane.doe@example.com"
	name  = "Jane Doe"
	plan  = "premium-plan" // Not PII: must reach the line
)

var markers = []string{phone, "4155550123", email, name}

type Customer struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Email string `pii:"email" json:"email"`
	Phone string `pii:"phone" json:"phone"`
	Plan  string `pii:"no" json:"plan"`
}

func customer() Customer {
	return Customer{ID: "c1", Name: name, Email: email, Phone: phone, Plan: plan}
}

// Envelope holds a customer behind an interface and a pointer.
type Envelope struct {
	Kind    string `pii:"no" json:"kind"`
	Payload any    `json:"payload"`
	Owner   *Customer
}

type BadTag struct {
	Phone float64 `pii:"phone"`
}

// TestNoPIIReachesOutput logs tagged values through Object and through Interface with
// pii.Safe, directly and behind pointers, interfaces and slices.
func TestNoPIIReachesOutput(t *testing.T) {
	c := customer()
	tests := []struct {
		name string
		log  func(*zerolog.Logger)
	}{
		{"Object", func(l *zerolog.Logger) { l.Info().Object("c", piizerolog.Object(c)).Msg("m") }},
		{"Object pointer", func(l *zerolog.Logger) { l.Info().Object("c", piizerolog.Object(&c)).Msg("m") }},
		{"Object slice", func(l *zerolog.Logger) { l.Info().Object("c", piizerolog.Object([]Customer{c})).Msg("m") }},
		{"Object interface", func(l *zerolog.Logger) {
			l.Info().Object("e", piizerolog.Object(Envelope{Kind: "k", Payload: c, Owner: &c})).Msg("m")
		}},
		{"EmbedObject", func(l *zerolog.Logger) { l.Info().EmbedObject(piizerolog.Object(c)).Msg("m") }},
		{"context", func(l *zerolog.Logger) {
			sub := l.With().Object("c", piizerolog.Object(c)).Logger()
			sub.Info().Msg("m")
		}},
		{"Interface Safe", func(l *zerolog.Logger) { l.Info().Interface("c", pii.Safe(c)).Msg("m") }},
		{"Interface Safe slice", func(l *zerolog.Logger) { l.Info().Interface("c", pii.Safe([]*Customer{&c})).Msg("m") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := zerolog.New(&buf)
			tt.log(&l)
			out := buf.String()
			for _, m := range markers {
				if strings.Contains(out, m) {
					t.Errorf("output holds %q: %s", m, out)
				}
			}
			if !strings.Contains(out, plan) {
				t.Errorf("output lost the Not PII plan: %s", out)
			}
			if !json.Valid(bytes.TrimSpace(buf.Bytes())) {
				t.Errorf("output is not JSON: %s", out)
			}
		})
	}
	if c != customer() {
		t.Errorf("the caller's value changed: %+v", c)
	}
}

// TestStructuredObject checks that both ways write an object with field names, the
// same object, rather than a flat string.
func TestStructuredObject(t *testing.T) {
	c := customer()
	var a, b bytes.Buffer
	la, lb := zerolog.New(&a), zerolog.New(&b)
	la.Info().Object("c", piizerolog.Object(c)).Send()
	lb.Info().Interface("c", pii.Safe(c)).Send()
	want := `{"level":"info","c":{"id":"c1","name":"J. D.","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"}}` + "\n"
	if diff := cmp.Diff(want, a.String()); diff != "" {
		t.Errorf("Object (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("Interface(pii.Safe) (-want +got):\n%s", diff)
	}
}

// TestBadTagFailsClosed logs a value whose tag is wrong: the line says so, and never
// shows the value.
func TestBadTagFailsClosed(t *testing.T) {
	var buf bytes.Buffer
	l := zerolog.New(&buf)
	l.Info().Object("b", piizerolog.Object(BadTag{Phone: 4155550123})).Send()
	out := buf.String()
	if !strings.Contains(out, "!PII-REDACTION-FAILED: pii: piizerolog_test.BadTag.Phone") || strings.Contains(out, "4155550123") ||
		strings.Contains(out, "4.155550123e+09") {
		t.Errorf("output = %s, want a redaction failure without the value", out)
	}
}
