package pii_test

import (
	"encoding/json"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// lastFour's MarshalJSON holds on every real value (a card has four digits at least)
// and panics on its redacted copy, whose sensitive card is zeroed in log lines.
type lastFour struct {
	ID   string `pii:"no"`
	Card string `pii:"card,handling=sensitive"`
}

func (c lastFour) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"id": c.ID, "last4": c.Card[len(c.Card)-4:]})
}

// TestSafeMarshalJSONCopyPanics checks that json.Marshal(pii.Safe(v)) writes the
// failure note where a method of v's redacted copy panics (encoding/json recovers no
// panic, and a log call must not crash the service), and the copy where none does.
func TestSafeMarshalJSONCopyPanics(t *testing.T) {
	b, err := json.Marshal(pii.Safe(lastFour{ID: "c1", Card: "4242424242424242"}))
	want := `"!PII-REDACTION-FAILED: pii: pii_test.lastFour: a method of the value panicked while it was written"`
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("json.Marshal(Safe(lastFour)) (-want +got):\n%s", diff)
	}
	b, err = json.Marshal(pii.Safe([]lastFour{}))
	if err != nil || string(b) != "[]" {
		t.Errorf("json.Marshal(Safe([]lastFour{})) = %s, %v; want []", b, err)
	}
}
