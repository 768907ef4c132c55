package pii_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// SMS keeps its body but hides what is personal inside it, the author's name included.
type SMS struct {
	Author string `pii:"name"`
	Body   string `pii:"body,redact=scan"`
}

func TestRedactScanBody(t *testing.T) {
	p, err := pii.New(pii.WithRegion("US"))
	if err != nil {
		t.Fatal(err)
	}
	m := SMS{Author: "José Álvarez", Body: "JOSE here: call (415) 555-2671 or mail jose@example.com. Josephine says hi."}
	if err := p.Redact(&m); err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"JOSE", "2671", "jose@"} {
		if strings.Contains(m.Body, leak) {
			t.Errorf("body still holds %q: %q", leak, m.Body)
		}
	}
	if !strings.Contains(m.Body, "Josephine") || !strings.Contains(m.Body, "(415) 555-") {
		t.Errorf("body lost what is not the author's name or the phone's last digits: %q", m.Body)
	}
	again := m
	if err := p.Redact(&again); err != nil || again != m {
		t.Errorf("a second Redact changed the body: %q -> %q (%v)", m.Body, again.Body, err)
	}
}

func TestScanAndRedactText(t *testing.T) {
	p, err := pii.New(pii.WithRegion("GB"))
	if err != nil {
		t.Fatal(err)
	}
	text := "Ring 020 7946 0958 or +1 415-555-2671, card 4111 1111 1111 1111, order #20260115."
	var kinds []string
	for f := range p.ScanSeq(text) {
		kinds = append(kinds, f.Kind.String()+" "+text[f.Start:f.End])
	}
	want := []string{"phone 020 7946 0958", "phone +1 415-555-2671", "card 4111 1111 1111 1111"}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("Scan (-want +got):\n%s", diff)
	}
	clean := p.RedactText(text)
	if len(p.Scan(clean)) != 0 || p.RedactText(clean) != clean {
		t.Errorf("RedactText output %q is found again or changes again", clean)
	}
	if _, err := pii.New(pii.WithRegion("XX")); !errors.Is(err, pii.ErrUnknownRegion) {
		t.Errorf("WithRegion(XX) = %v, want ErrUnknownRegion", err)
	}
}

func TestHandlerScanStrings(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(pii.NewHandler(slog.NewTextHandler(&buf, nil), nil, pii.ScanStrings()))
	logger.Info("reply to jane.doe@example.com", "note", "call +44 20 7946 0958", slog.Group("g", "x", "mail bob@example.org"))
	for _, leak := range []string{"jane.doe", "0958", "bob@"} {
		if strings.Contains(buf.String(), leak) {
			t.Errorf("log line holds %q: %s", leak, buf.String())
		}
	}
}

func TestRedactTextOwnedNumbers(t *testing.T) {
	p, err := pii.New(pii.WithOwnedNumbers("+14155550100"), pii.WithRegion("US"))
	if err != nil {
		t.Fatal(err)
	}
	got := p.RedactText("Reply STOP to (415) 555-0100. Your agent: +1 415 555 2671")
	want := "Reply STOP to (415) 555-0100. Your agent: +1 415 555 XXXX"
	if got != want {
		t.Errorf("RedactText = %q, want %q", got, want)
	}
}

func TestRedactTextLabelsPortsAndCodes(t *testing.T) {
	p, err := pii.New(pii.WithRegion("US"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"SSN:123-45-6789", "SSN:***-**-6789"},
		{"ip:10.1.2.3", "ip:10.1.2.x"},
		{"card:4111111111111111", "card:411111******1111"},
		{"client 203.0.113.42:54321 connected", "client 203.0.113.x:54321 connected"},
		{"Invoice INV-2024-000123", "Invoice INV-2024-000123"},
		{"PO-2125551234", "PO-2125551234"},
		{"SKU-415-555-2671", "SKU-415-555-2671"},
		{"my number-415-666-7777", "my number-415-666-XXXX"},
		{"at 10:30 on 1.2.2024, pi 3.14159265", "at 10:30 on 1.2.2024, pi 3.14159265"},
	}
	for _, tt := range tests {
		if got := p.RedactText(tt.in); got != tt.want {
			t.Errorf("RedactText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWithRegionHint(t *testing.T) {
	_, err := pii.New(pii.WithRegion("UK"))
	if !errors.Is(err, pii.ErrOption) || !errors.Is(err, pii.ErrUnknownRegion) {
		t.Fatalf("WithRegion(UK) = %v, want ErrOption and ErrUnknownRegion", err)
	}
	want := `pii: WithRegion("UK"): invalid option: unknown region: not a region code that phone numbers use (did you mean "GB"?)`
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("error text (-want +got):\n%s", diff)
	}
}
