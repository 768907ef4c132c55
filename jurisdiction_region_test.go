package pii

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// result is what a region or phone lookup gives, by name: the profile and whether there is one.
type result struct {
	Name string
	OK   bool
}

// noProfile is the result of a lookup that finds no profile.
var noProfile = result{"Strict", false}

func TestProfileForRegion(t *testing.T) {
	eu := []string{"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
		"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
	if len(eu) != 27 {
		t.Fatalf("test lists %d EU members, want 27", len(eu))
	}
	want := map[string]result{}
	for _, r := range eu {
		want[r] = result{"GDPR", true}
	}
	for _, r := range []string{"IS", "LI", "NO", "GP", "MQ", "GF", "RE", "YT", "MF", "IC", "EA", "AX", "EU", "de", "fR", "no"} {
		want[r] = result{"GDPR", true}
	}
	for _, r := range []string{"GB", "gb", "UK", "GG", "JE", "IM", "GI"} {
		want[r] = result{"UK-GDPR", true}
	}
	for r, name := range map[string]string{"EL": "GDPR", "el": "GDPR", "BR": "LGPD", "CA": "PIPEDA",
		"IN": "DPDP", "CN": "PIPL", "JP": "APPI", "CH": "FADP", "ch": "FADP", "ZA": "POPIA",
		"AU": "Privacy-Act-AU", "SG": "PDPA-SG"} {
		want[r] = result{name, true}
	}
	// ISO 3166-2 subdivisions: a law of their own, or their country's.
	for r, name := range map[string]string{"US-CA": "CCPA+CalOPPA", "us-ca": "CCPA+CalOPPA",
		"US-VA": "VCDPA", "US-CO": "CPA", "US-TX": "TDPSA", "CA-QC": "Quebec", "ca-qc": "Quebec",
		"CA-ON": "PIPEDA", "DE-BY": "GDPR", "GB-ENG": "UK-GDPR", "FR-75": "GDPR", "CN-BJ": "PIPL"} {
		want[r] = result{name, true}
	}
	// No built-in profile: the US and its other states, OCTs, Hong Kong, bad codes.
	for _, r := range []string{"US", "us", "US-NY", "US-", "GL", "FO", "SJ", "BL", "TR", "RU", "HK",
		"", "D", "DEU", "276", "001", "ZZ", "D\xff", "\xc4\xe4", "1E", "@A", "DE_BY", "DE-BAYE",
		"DE-B\xff", "D1-BY", "US-C-", "-US-CA"} {
		want[r] = result{"Strict", false}
	}
	got := map[string]result{}
	for r := range want {
		p, ok := ProfileForRegion(r)
		got[r] = result{p.Name(), ok}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ProfileForRegion (-want +got):\n%s", diff)
	}
}

func TestProfileForPhone(t *testing.T) {
	none := noProfile
	tests := []struct {
		in   string
		want result
	}{
		{"+4930123456", result{"GDPR", true}},
		{"+49 30 123456", result{"GDPR", true}},
		{"004930123456", result{"GDPR", true}},
		{"  +33 1 23 45 67 89", result{"GDPR", true}},
		{"+353 1 234 5678", result{"GDPR", true}},     // IE, three-digit code
		{"+354 555 1234", result{"GDPR", true}},       // IS, EEA
		{"+47 22 12 34 56", result{"GDPR", true}},     // NO, main region of +47
		{"+262 262 12 34 56", result{"GDPR", true}},   // RE, outermost region
		{"+44 20 7946 0958", result{"UK-GDPR", true}}, // GB
		{"01144 20 7946 0958", result{"UK-GDPR", true}},
		{"+4930XXXX", result{"GDPR", true}}, // a redacted number still has its code
		{"+1 415 555 1234", none},           // NANP: US
		{"+14155551234", none},
		{"01114155551234", none},
		{"+41 44 123 45 67", result{"FADP", true}},  // CH
		{"+55 11 91234 5678", result{"LGPD", true}}, // BR
		{"+86 10 1234 5678", result{"PIPL", true}},  // CN
		{"+350 200 12345", result{"UK-GDPR", true}}, // GI
		{"+852 2123 4567", none},                    // HK
		{"+7 495 123 45 67", none},                  // RU
		{"+800 1234 5678", none},                    // non-geographic
		{"4155551234", none},                        // no international prefix
		{"030 123456", none},                        // national German number
		{"+", none},
		{"+0049", none},
		{"+4", none},
		{"+2", none},       // +2 alone is no code
		{"+999", none},     // unassigned
		{"+(49) 30", none}, // punctuation before the code
		{"hello", none},
		{"", none},
		{"\xff\xfe", none},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, ok := profileForPhone(tt.in)
			if diff := cmp.Diff(tt.want, result{p.Name(), ok}); diff != "" {
				t.Errorf("profileForPhone(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// Every EU, EEA and UK calling code that phonenumbers knows maps like its region does.
func TestProfileForPhoneAgreesWithRegion(t *testing.T) {
	codes := map[string]string{"DE": "49", "FR": "33", "IT": "39", "ES": "34", "PL": "48", "SE": "46",
		"FI": "358", "EE": "372", "LV": "371", "LT": "370", "MT": "356", "CY": "357", "HR": "385",
		"SI": "386", "SK": "421", "CZ": "420", "LU": "352", "LI": "423", "BG": "359", "RO": "40",
		"GR": "30", "HU": "36", "AT": "43", "BE": "32", "NL": "31", "PT": "351", "DK": "45", "GB": "44"}
	for region, code := range codes {
		want, _ := ProfileForRegion(region)
		got, ok := profileForPhone("+" + code + "123456")
		if !ok || got != want {
			t.Errorf("+%s: profileForPhone = %v, %v; want %v (%s)", code, got, ok, want, region)
		}
	}
}

func FuzzProfileForPhone(f *testing.F) {
	for _, s := range []string{"+4930123456", "0049 30", "011 44 20", "+1 415", "4155551234", "", "+", "00", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := profileForPhone(s)
		if !ok {
			if p != Strict {
				t.Fatalf("profileForPhone(%q) = %v, false; want the zero Profile", s, p)
			}
			return
		}
		if !slices.Contains(jurisRegionProfiles[1:], p) && p != jurisQuebecPhone {
			t.Fatalf("profileForPhone(%q) = %v, want a region profile", s, p)
		}
		// Only international numbers have a region.
		t2 := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(t2, "+") && !strings.HasPrefix(t2, "00") && !strings.HasPrefix(t2, "011") {
			t.Fatalf("profileForPhone(%q) = %v for a number with no international prefix", s, p)
		}
		// The profile is decided by the calling code: what follows it does not matter.
		if p2, ok2 := profileForPhone(s + "0123"); p2 != p || !ok2 {
			t.Fatalf("profileForPhone(%q) = %v but with digits appended %v, %v", s, p, p2, ok2)
		}
	})
}

func BenchmarkProfileForPhone(b *testing.B) {
	inputs := []string{"+4930123456", "+1 415 555 1234", "0044 20 7946 0958", "4155551234"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range inputs {
			profileForPhone(s)
		}
	}
}

func BenchmarkProfileForRegion(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ProfileForRegion("de")
		ProfileForRegion("US")
	}
}

func TestProfileForPhoneAllocs(t *testing.T) {
	// An allocation count, not a timing: profileForPhone runs for every log line.
	n := testing.AllocsPerRun(100, func() {
		profileForPhone("+4930123456")
		profileForPhone("+1 415 555 1234")
		profileForPhone("+1 (514) 555-1234")
		ProfileForRegion("gb")
		// What WithPartyJurisdiction does per phone value.
		if p, ok := profileForPhone("+447946000000"); ok {
			_ = Combine(HIPAA, p)
		}
	})
	if n != 0 {
		t.Errorf("profileForPhone allocates %v times per call, want 0", n)
	}
}

func TestParseRegion(t *testing.T) {
	tests := []struct {
		in       string
		want     string // the profile's Name; "" for an error
		wantHint string // the region an error suggests; "" for none
	}{
		{"DE", "GDPR", ""},
		{"us-va", "VCDPA", ""},
		{"CA-QC", "Quebec", ""},
		{"US", "", "US-CA"},
		{"XX", "", ""},
		{"", "", ""},
		{"USCA", "", "US-CA"},
		{"US-CAL", "", "US-CA"},
		{"CAQC", "", "CA-QC"},
		{"DEU", "", "DE"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParseRegion(tt.in)
			got, hint := p.Name(), ""
			if err != nil {
				got = ""
				if !errors.Is(err, ErrNoRegionProfile) || p != Strict {
					t.Errorf("ParseRegion(%q) = %v, %v; want Strict and ErrNoRegionProfile", tt.in, p, err)
				}
				if !strings.Contains(err.Error(), "regions with a profile: AT, AU, AX, BE,") ||
					!strings.Contains(err.Error(), "US-CA, US-CO, US-TX, US-VA") {
					t.Errorf("error does not list the regions: %v", err)
				}
				if _, after, ok := strings.Cut(err.Error(), "did you mean "); ok {
					hint, _, _ = strings.Cut(strings.TrimPrefix(after, `"`), `"`)
				}
			}
			if diff := cmp.Diff([2]string{tt.want, tt.wantHint}, [2]string{got, hint}); diff != "" {
				t.Errorf("ParseRegion(%q): [profile, hint] (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	_, err := ParseRegion("U\xffS")
	want := `pii: no profile for region "U\xffS"; regions with a profile: `
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %q, want it to start %q", err, want)
	}
}

func FuzzParseRegion(f *testing.F) {
	for _, s := range []string{"DE", "us-ca", "CA-QC", "US", "", "USCA", "GB-ENG", "\xff\xfe", "DE-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseRegion(s)
		q, ok := ProfileForRegion(strings.TrimSpace(s))
		if (err == nil) != ok || p != q {
			t.Fatalf("ParseRegion(%q) = %v, %v; ProfileForRegion = %v, %v", s, p, err, q, ok)
		}
		if err != nil {
			if !errors.Is(err, ErrNoRegionProfile) || p != Strict {
				t.Fatalf("ParseRegion(%q) = %v, %v", s, p, err)
			}
			if strings.Contains(err.Error(), s) && len(s) > profileMaxEcho {
				t.Fatalf("the error repeats a long input whole: %v", err)
			}
			return
		}
		// A region with a profile is a built-in law or the Californian pair.
		if !slices.Contains(profileBuiltins, p) && p != Combine(CCPA, CalOPPA) {
			t.Fatalf("ParseRegion(%q) = %v, no built-in profile", s, p)
		}
	})
}
