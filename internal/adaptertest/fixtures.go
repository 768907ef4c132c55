// Package adaptertest holds what the tests of the logger adapters (piizap, piilogrus,
// piizerolog) share: a customer whose personal data must never reach a log line, the
// checks of a logged line, and a generator of random nested values for property tests.
// It imports no logger: each adapter's tests keep their logger-specific parts.
package adaptertest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The personal data of the tests: none of these may reach a log line.
const (
	Phone = "+14155550123"
	Email = "jane.doe@example.com"
	Name  = "Jane Doe"
	Plan  = "premium-plan" // Not PII: must reach the line
)

// Markers are the strings of personal data that a line must not hold: the values above,
// and the phone without its country code.
var Markers = []string{Phone, "4155550123", Email, Name}

// Customer is a tagged record with a name, an email and a phone, and Not PII fields.
type Customer struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Email string `pii:"email" json:"email"`
	Phone string `pii:"phone" json:"phone"`
	Plan  string `pii:"no" json:"plan"`
}

// NewCustomer returns the customer of the tests, with ID "c1".
func NewCustomer() Customer {
	return Customer{ID: "c1", Name: Name, Email: Email, Phone: Phone, Plan: Plan}
}

// Envelope holds a customer behind an interface and a pointer.
type Envelope struct {
	Kind    string `pii:"no" json:"kind"`
	Payload any    `json:"payload"`
	Owner   *Customer
}

// Payment holds sensitive data: a log line shows none of it, not even masked.
type Payment struct {
	ID   string `pii:"no" json:"id"`
	Card string `pii:"card,handling=sensitive" json:"card"`
}

// Card is the Payment's card number. Masked, as Redacted masks a card, it would still
// show its first six and last four digits.
const Card = "4242 4242 4242 4242"

// NewPayment returns the payment of the tests, with ID "p1".
func NewPayment() Payment { return Payment{ID: "p1", Card: Card} }

// NoSensitive reports an error when out, a line that logged NewPayment, shows any of
// the card (masked or not), or lost the payment's ID.
func NoSensitive(t testing.TB, out string) {
	t.Helper()
	if strings.Contains(out, "4242") {
		t.Errorf("output shows the sensitive card: %s", out)
	}
	if !strings.Contains(out, "p1") {
		t.Errorf("output lost the payment's ID: %s", out)
	}
}

// BadTagError is an error whose type carries a tag the library refuses.
type BadTagError struct {
	Phone float64 `pii:"phone"` //piivet:ignore a fixture: the bad tag the adapters must refuse
}

//piivet:ignore a fixture: an error that prints its bad-tagged field, which adapters must not log
func (e BadTagError) Error() string { return fmt.Sprintf("call from %v failed", e.Phone) }

// BadTag has a tag the library refuses: a phone tag on a float.
type BadTag struct {
	Phone float64 `pii:"phone"` //piivet:ignore a fixture: the bad tag the adapters must refuse
}

// NoPII reports an error when out holds one of the Markers, or lacks the Not PII Plan.
func NoPII(t testing.TB, out string) {
	t.Helper()
	for _, m := range Markers {
		if strings.Contains(out, m) {
			t.Errorf("output holds %q: %s", m, out)
		}
	}
	if !strings.Contains(out, Plan) {
		t.Errorf("output lost the Not PII plan: %s", out)
	}
}

// ValidJSON reports an error when out, without surrounding space, is not JSON.
func ValidJSON(t testing.TB, out string) {
	t.Helper()
	if !json.Valid([]byte(strings.TrimSpace(out))) {
		t.Errorf("output is not JSON: %s", out)
	}
}

// WholeLines reports an error unless out, what goroutines logged at once, holds n lines,
// each of them JSON, and no personal data (see NoPII): no line was lost, interleaved with
// another or left unredacted.
func WholeLines(t testing.TB, out string, n int) {
	t.Helper()
	NoPII(t, out)
	if got := strings.Count(out, "\n"); got != n {
		t.Errorf("%d lines, want %d", got, n)
	}
	for line := range strings.Lines(out) {
		ValidJSON(t, line)
	}
}

// FailedClosed reports an error unless out, the line that logged a BadTag{Phone:
// 4155550123}, says the redaction failed and names the field at fault, without the value.
func FailedClosed(t testing.TB, out string) {
	t.Helper()
	if !strings.Contains(out, "!PII-REDACTION-FAILED: pii: adaptertest.BadTag.Phone") || strings.Contains(out, "4155550123") ||
		strings.Contains(out, "4.155550123e+09") {
		t.Errorf("output = %s, want a redaction failure without the value", out)
	}
}
