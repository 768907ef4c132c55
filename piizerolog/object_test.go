package piizerolog_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
)

// TestNoPIIReachesOutput logs tagged values through Object and through Interface with
// pii.Safe, directly and behind pointers, interfaces and slices.
func TestNoPIIReachesOutput(t *testing.T) {
	c := adaptertest.NewCustomer()
	tests := []struct {
		name string
		log  func(*zerolog.Logger)
	}{
		{"Object", func(l *zerolog.Logger) { l.Info().Object("c", piizerolog.Object(c)).Msg("m") }},
		{"Object pointer", func(l *zerolog.Logger) { l.Info().Object("c", piizerolog.Object(&c)).Msg("m") }},
		{"Object slice", func(l *zerolog.Logger) { l.Info().Object("c", piizerolog.Object([]adaptertest.Customer{c})).Msg("m") }},
		{"Object interface", func(l *zerolog.Logger) {
			l.Info().Object("e", piizerolog.Object(adaptertest.Envelope{Kind: "k", Payload: c, Owner: &c})).Msg("m")
		}},
		{"EmbedObject", func(l *zerolog.Logger) { l.Info().EmbedObject(piizerolog.Object(c)).Msg("m") }},
		{"context", func(l *zerolog.Logger) {
			sub := l.With().Object("c", piizerolog.Object(c)).Logger()
			sub.Info().Msg("m")
		}},
		{"Interface Safe", func(l *zerolog.Logger) { l.Info().Interface("c", pii.Safe(c)).Msg("m") }},
		{"Interface Safe slice", func(l *zerolog.Logger) { l.Info().Interface("c", pii.Safe([]*adaptertest.Customer{&c})).Msg("m") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := zerolog.New(&buf)
			tt.log(&l)
			adaptertest.NoPII(t, buf.String())
			adaptertest.ValidJSON(t, buf.String())
		})
	}
	if c != adaptertest.NewCustomer() {
		t.Errorf("the caller's value changed: %+v", c)
	}
}

// TestStructuredObject checks that both ways write an object with field names, the
// same object, rather than a flat string.
func TestStructuredObject(t *testing.T) {
	c := adaptertest.NewCustomer()
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

// TestSensitiveZeroed logs sensitive data through Object, and through Interface with
// pii.Safe: none of it shows, as through a pii.Handler.
func TestSensitiveZeroed(t *testing.T) {
	pay := adaptertest.NewPayment()
	var obj, safe bytes.Buffer
	lo, ls := zerolog.New(&obj), zerolog.New(&safe)
	lo.Info().Object("p", piizerolog.Object(pay)).Send()
	ls.Info().Interface("p", pii.Safe(pay)).Send()
	adaptertest.NoSensitive(t, obj.String())
	adaptertest.NoSensitive(t, safe.String())
}

// TestBadTagFailsClosed logs a value whose tag is wrong: the line says so, and never
// shows the value.
func TestBadTagFailsClosed(t *testing.T) {
	var buf bytes.Buffer
	l := zerolog.New(&buf)
	l.Info().Object("b", piizerolog.Object(adaptertest.BadTag{Phone: 4155550123})).Send()
	adaptertest.FailedClosed(t, buf.String())
}

// taggedError is an error that carries a tagged customer.
type taggedError struct{ C adaptertest.Customer }

func (e *taggedError) Error() string { return "customer " + e.C.Plan + " " + e.C.Phone }

// TestObjectOfError writes errors with Object: their text under "error", with the
// personal data of a tagged value they wrap (%w) hidden, never an empty object.
func TestObjectOfError(t *testing.T) {
	for _, err := range []error{
		errors.New("plain failure"),
		fmt.Errorf("signup refused: %w", &taggedError{C: adaptertest.NewCustomer()}),
	} {
		var buf bytes.Buffer
		l := zerolog.New(&buf)
		l.Info().Object("e", piizerolog.Object(err)).Send()
		out := buf.String()
		if !strings.Contains(out, `"e":{"error":"`) || !strings.Contains(out, "failure") && !strings.Contains(out, "refused") {
			t.Errorf("output = %s, want the error's text under \"error\"", out)
		}
		for _, m := range adaptertest.Markers {
			if strings.Contains(out, m) {
				t.Errorf("output holds %q: %s", m, out)
			}
		}
	}
}
