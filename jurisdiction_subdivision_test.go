package pii

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ISO 3166-2 lists, under a country, territories that have region codes of their own and
// where the country's law does not apply: Hong Kong, Macao and Taiwan under CN; the French
// overseas collectivities outside the EU under FR; Aruba, Curaçao, Sint Maarten and the
// Caribbean Netherlands under NL. Such a subdivision has the profile of its own region
// code, as "HK" and "BL" have none, and not its country's.
func TestProfileForSubdivisionOfItsOwn(t *testing.T) {
	none := noProfile
	want := map[string]result{
		"CN-HK": none, "cn-hk": none, "CN-MO": none, "CN-TW": none,
		"FR-BL": none, "FR-NC": none, "FR-PF": none, "FR-PM": none, "FR-TF": none, "FR-WF": none, "FR-CP": none,
		"NL-AW": none, "NL-CW": none, "NL-SX": none, "NL-BQ1": none, "NL-BQ2": none, "NL-BQ3": none,
		// Inside the EU: the country's law, as their own codes say.
		"FR-MF": {"GDPR", true}, "FR-971": {"GDPR", true}, "FR-976": {"GDPR", true}, "ES-CN": {"GDPR", true},
		"NL-NH": {"GDPR", true}, "CN-BJ": {"PIPL", true}, "CN-GD": {"PIPL", true},
	}
	got := map[string]result{}
	for code := range want {
		p, ok := ProfileForRegion(code)
		got[code] = result{p.Name(), ok}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ProfileForRegion (-want +got):\n%s", diff)
	}
}

// ParseRegion reads configuration as ParseProfile and WithRegion do: spaces around the code
// (a trailing newline from a file) do not matter; inside it they do.
func TestParseRegionSpaces(t *testing.T) {
	for in, want := range map[string]string{" de": "GDPR", "DE\n": "GDPR", "\tus-ca ": "CCPA+CalOPPA", " CA-QC\r\n": "Quebec"} {
		p, err := ParseRegion(in)
		if err != nil || p.Name() != want {
			t.Errorf("ParseRegion(%q) = %v, %v; want %s", in, p, err, want)
		}
	}
	for _, in := range []string{"D E", "US - CA", " ", ""} {
		if _, err := ParseRegion(in); err == nil {
			t.Errorf("ParseRegion(%q): no error", in)
		}
	}
}
