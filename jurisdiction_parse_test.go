package pii

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParseProfile(t *testing.T) {
	tests := []struct {
		in   string
		want string // Name of the result; "" for an error
	}{
		{"gdpr", "GDPR"},
		{"GDPR", "GDPR"},
		{"Eu-Gdpr", "GDPR"},
		{"uk-gdpr", "UK-GDPR"},
		{"ukgdpr", "UK-GDPR"},
		{"uk_gdpr", "UK-GDPR"},
		{"UK GDPR", "UK-GDPR"},
		{"ccpa", "CCPA"},
		{"CPRA", "CCPA"},
		{"hipaa", "HIPAA"},
		{"pci", "PCI-DSS"},
		{"pci-dss", "PCI-DSS"},
		{"PCIDSS", "PCI-DSS"},
		{"caloppa", "CalOPPA"},
		{"CalOPPA", "CalOPPA"},
		{"strict", "Strict"},
		{"ccpa+hipaa", "CCPA+HIPAA"},
		{"HIPAA + CCPA", "CCPA+HIPAA"},
		{"gdpr+uk-gdpr+gdpr", "GDPR+UK-GDPR"},
		{"caloppa+strict", "CalOPPA+Strict"},
		{"strict+strict", "Strict"},
		{"", ""},
		{"  ", ""},
		{"gdpr+", ""},
		{"+gdpr", ""},
		{"gdrp", ""},
		{"hipaa+ccpa+lgpd", ""},
		{"pcidsspcidsspcidss", ""},
		{"ccpa\xff", ""},
		{"ſtrict", ""}, // no Unicode case folding: long s is not s
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParseProfile(tt.in)
			got := p.Name()
			if err != nil {
				got = ""
				if !errors.Is(err, ErrUnknownProfile) {
					t.Errorf("error %v does not wrap ErrUnknownProfile", err)
				}
				if p != Strict {
					t.Errorf("profile with the error = %v, want Strict", p)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseProfile(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseProfileError(t *testing.T) {
	_, err := ParseProfile("ccpa+gdrp")
	want := `pii: unknown profile "gdrp" (part 2 of 2); known profiles: GDPR, UK-GDPR, CCPA, HIPAA, PCI-DSS, CalOPPA, Strict, joined with '+'`
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	_, err = ParseProfile(strings.Repeat("x", 100))
	if got := err.Error(); strings.Contains(got, strings.Repeat("x", 33)) {
		t.Errorf("error repeats more than 32 bytes of the name: %s", got)
	}
}

// Every name, and every combination of two, parses back to itself.
func TestParseProfileRoundTrip(t *testing.T) {
	for _, a := range profileBuiltins {
		for _, b := range profileBuiltins {
			c := Combine(a, b)
			got, err := ParseProfile(c.Name())
			if err != nil || got != c {
				t.Errorf("ParseProfile(%q) = %v, %v; want %v", c.Name(), got, err, c)
			}
		}
	}
}

func FuzzParseProfile(f *testing.F) {
	for _, s := range []string{"gdpr", "UK-GDPR", "ccpa+hipaa", "pci_dss+caloppa", "", "+", "strict+", "\xff", "ſtrict"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseProfile(s)
		if err != nil {
			if !errors.Is(err, ErrUnknownProfile) || p != Strict {
				t.Fatalf("ParseProfile(%q) = %v, %v", s, p, err)
			}
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("error message is not valid UTF-8: %q", err.Error())
			}
			return
		}
		// A parsed profile's name parses back to it, and it is one of the 127
		// combinations of built-ins.
		back, err := ParseProfile(p.Name())
		if err != nil || back != p {
			t.Fatalf("ParseProfile(%q) = %v; its name %q gives %v, %v", s, p, p.Name(), back, err)
		}
		if strings.Count(s, "+") < strings.Count(p.Name(), "+") {
			t.Fatalf("ParseProfile(%q) = %v names more profiles than it was given", s, p)
		}
	})
}
