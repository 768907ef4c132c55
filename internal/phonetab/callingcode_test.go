package phonetab_test

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/nyaruka/phonenumbers"

	"github.com/ef8f9424/pii/internal/phonetab"
)

func TestSplitCallingCode(t *testing.T) {
	tests := []struct {
		digits string
		code   int
		rest   string
	}{
		{"14155551234", 1, "4155551234"},
		{"447400123456", 44, "7400123456"},
		{"35312345678", 353, "12345678"},
		{"80012345678", 800, "12345678"},
		{"1", 1, ""},
		{"", 0, ""},
		{"0441234", 0, ""},
		{"999123", 0, ""},
		{"4x", 0, ""},
		{"+14155551234", 0, ""},
	}
	for _, tt := range tests {
		code, rest := phonetab.SplitCallingCode(tt.digits)
		if code != tt.code || rest != tt.rest {
			t.Errorf("SplitCallingCode(%q) = %d, %q; want %d, %q", tt.digits, code, rest, tt.code, tt.rest)
		}
	}
}

// TestSplitCallingCodeAgreesWithParse checks the calling code against the
// one phonenumbers.Parse finds after a "+", on every example number and on
// random digit strings.
func TestSplitCallingCodeAgreesWithParse(t *testing.T) {
	var inputs []string
	for _, p := range examples() {
		inputs = append(inputs, strconv.Itoa(p.code)+p.nsn)
	}
	rng := rand.New(rand.NewPCG(9, 2026))
	for range 2000 {
		b := make([]byte, 4+rng.IntN(12))
		for i := range b {
			b[i] = byte('0' + rng.IntN(10))
		}
		inputs = append(inputs, string(b))
	}
	checked := 0
	for _, in := range inputs {
		code, _ := phonetab.SplitCallingCode(in)
		n, err := phonenumbers.Parse("+"+in, "ZZ")
		switch {
		case err == nil:
			if want := int(n.GetCountryCode()); code != want {
				t.Errorf("SplitCallingCode(%q) = %d; phonenumbers.Parse finds %d", in, code, want)
			}
		case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
			if code != 0 {
				t.Errorf("SplitCallingCode(%q) = %d; phonenumbers.Parse finds no calling code", in, code)
			}
		default:
			continue // too short or too long for Parse: no verdict on the code
		}
		checked++
	}
	if checked < len(inputs)*9/10 {
		t.Errorf("only %d of %d inputs checked", checked, len(inputs))
	}
}
