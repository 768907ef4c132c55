package pii

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMaskOwnedHas(t *testing.T) {
	us, err := newMaskOwned([]string{"+1 415 555 0100", "(212) 555-0199", "+44 20 7946 0018"}, "US")
	if err != nil {
		t.Fatal(err)
	}
	gb, err := newMaskOwned([]string{"020 7946 0018", "+1 415 555 0100", "07700 900123"}, "gb")
	if err != nil {
		t.Fatal(err)
	}
	intl, err := newMaskOwned([]string{"+1 415 555 0100", "0044 20 7946 0018"}, "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		o    maskOwned
		in   string
		want bool
	}{
		{"us e164", us, "+14155550100", true},
		{"us spaced", us, "+1 (415) 555-0100", true},
		{"us dots", us, "+1.415.555.0100", true},
		{"us bare intl", us, "14155550100", true},
		{"us national", us, "(415) 555-0100", true},
		{"us national digits", us, "4155550100", true},
		{"us nbsp", us, "+1\u00a0415\u00a0555\u00a00100", true},
		{"us slash", us, "415/555-0100", true},
		{"us second number", us, "+1 212 555 0199", true},
		{"us gb number", us, "+44 20 7946 0018", true},
		{"us gb number dialled from us", us, "011 44 20 7946 0018", true},
		{"us gb number national is not ours", us, "020 7946 0018", false},
		{"us other number", us, "+1 415 555 0101", false},
		{"us plus national is not intl", us, "+4155550100", false},
		{"us masked", us, "+1415555XXXX", false},
		{"us masked lower", us, "+1415555xxxx", false},
		{"us extension", us, "+1 415 555 0100 ext 1", false},
		{"us two plus", us, "++14155550100", false},
		{"us plus inside", us, "1+4155550100", false},
		{"us empty", us, "", false},
		{"us separators only", us, "--", false},
		{"us too long", us, strings.Repeat("1", 40), false},
		{"us invalid utf8", us, "+1415555\xff0100", false},
		{"gb national", gb, "020 7946 0018", true},
		{"gb e164", gb, "+442079460018", true},
		{"gb intl with trunk", gb, "+44 (0)20 7946 0018", true},
		{"us gb intl with trunk", us, "+44 (0)20 7946 0018", true},
		{"gb from abroad", gb, "00 44 20 7946 0018", true},
		{"gb mobile", gb, "07700 900123", true},
		{"gb mobile intl", gb, "+44 7700 900123", true},
		{"gb us number", gb, "+1 415 555 0100", true},
		{"gb us number from gb", gb, "00 1 415 555 0100", true},
		{"gb us national is not ours", gb, "(415) 555-0100", false},
		{"gb masked", gb, "020 7946 XXXX", false},
		{"no region e164", intl, "+1 415 555 0100", true},
		{"no region idd", intl, "0044 20 7946 0018", true},
		{"no region gb plus", intl, "+44 20 7946 0018", true},
		{"no region national not known", intl, "(415) 555-0100", false},
		{"zero value owns nothing", maskOwned{}, "+14155550100", false},
	}
	for _, tt := range tests {
		if got := tt.o.has(tt.in); got != tt.want {
			t.Errorf("%s: has(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestNewMaskOwnedErrors(t *testing.T) {
	tests := []struct {
		name    string
		numbers []string
		region  string
		wantMsg string
	}{
		{"not a number", []string{"+1 415 555 0100", "call me maybe"}, "US", "index 1"},
		{"too short", []string{"12"}, "US", "index 0"},
		{"no region no plus", []string{"+14155550100", "(415) 555-0100"}, "", "index 1"},
		{"unknown region", []string{"+14155550100"}, "XX", "region"},
	}
	for _, tt := range tests {
		_, err := newMaskOwned(tt.numbers, tt.region)
		if !errors.Is(err, ErrInvalidNumber) {
			t.Errorf("%s: err = %v, want ErrInvalidNumber", tt.name, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.wantMsg) {
			t.Errorf("%s: err = %q, want it to name %q", tt.name, err, tt.wantMsg)
		}
		for _, n := range tt.numbers {
			if strings.Contains(err.Error(), n) {
				t.Errorf("%s: err = %q gives away the number %q", tt.name, err, n)
			}
		}
	}
}

// TestMaskOwnedAndMask checks the caller's contract: an owned number is left alone, any
// other is masked, and a masked owned number is never taken for the owned one.
func TestMaskOwnedAndMask(t *testing.T) {
	o, err := newMaskOwned([]string{"+14155550100"}, "US")
	if err != nil {
		t.Fatal(err)
	}
	redact := func(s string) string {
		if o.has(s) {
			return s
		}
		return maskString(KindPhone, redactDefault, s, "")
	}
	var got []string
	for _, in := range []string{"+1 (415) 555-0100", "+1 (415) 555-0199", "+1415555XXXX"} {
		got = append(got, redact(in))
	}
	want := []string{"+1 (415) 555-0100", "+1 (415) 555-XXXX", "+1415555XXXX"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
