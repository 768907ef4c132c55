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
		{"hipaa+ccpa+lgpd", "CCPA+HIPAA+LGPD"},
		{"lgpd", "LGPD"},
		{"PIPEDA", "PIPEDA"},
		{"quebec", "Quebec"},
		{"law 25", "Quebec"},
		{"dpdp", "DPDP"},
		{"pipl", "PIPL"},
		{"appi", "APPI"},
		{"fadp", "FADP"},
		{"popia", "POPIA"},
		{"privacy-act-au", "Privacy-Act-AU"},
		{"Privacy Act AU", "Privacy-Act-AU"},
		{"pdpa-sg", "PDPA-SG"},
		{"vcdpa", "VCDPA"},
		{"cpa", "CPA"},
		{"tdpsa", "TDPSA"},
		{"vcdpa+cpa+tdpsa+ccpa", "CCPA+VCDPA+CPA+TDPSA"},
		{"privacy-act", ""},
		{"pdpa", ""},
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
	known := "known profiles: GDPR, UK-GDPR, CCPA, HIPAA, PCI-DSS, CalOPPA, LGPD, PIPEDA, Quebec, DPDP, " +
		"PIPL, APPI, FADP, POPIA, Privacy-Act-AU, PDPA-SG, VCDPA, CPA, TDPSA, Strict, joined with '+'"
	tests := []struct{ in, want string }{
		{"ccpa+gdrp", `pii: unknown profile "gdrp" (part 2 of 2); did you mean "GDPR"? ` + known},
		{"UK", `pii: unknown profile "UK" (part 1 of 1); did you mean "UK-GDPR"? ` + known},
		{"hippa", `pii: unknown profile "hippa" (part 1 of 1); did you mean "HIPAA"? ` + known},
		{"privacy act", `pii: unknown profile "privacy act" (part 1 of 1); did you mean "Privacy-Act-AU"? ` + known},
		{"pdpa", `pii: unknown profile "pdpa" (part 1 of 1); did you mean "PDPA-SG"? ` + known},
		{"xyzzy", `pii: unknown profile "xyzzy" (part 1 of 1); ` + known},
		{"gdpr+", `pii: unknown profile (empty name) (part 2 of 2); ` + known},
	}
	for _, tt := range tests {
		_, err := ParseProfile(tt.in)
		if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
			t.Errorf("ParseProfile(%q) error (-want +got):\n%s", tt.in, diff)
		}
	}
	_, err := ParseProfile(strings.Repeat("x", 100))
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

// No alias names two laws, and every law's name is among its aliases once folded.
func TestProfileAliases(t *testing.T) {
	owner := map[string]string{}
	for _, law := range profileLaws {
		for _, a := range law.aliases {
			if other, ok := owner[a]; ok {
				t.Errorf("alias %q names both %s and %s", a, other, law.name)
			}
			owner[a] = law.name
			if len(a) > 16 {
				t.Errorf("alias %q is longer than profileLookup reads", a)
			}
		}
		if owner[hintFold(law.name)] != law.name {
			t.Errorf("%s: its folded name %q is not among its aliases", law.name, hintFold(law.name))
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
		// A parsed profile's name parses back to it, and it is one of the
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
