package pii_test

import (
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// TestProfileNeverLetsSensitiveContextThrough redacts a location and a URL under the
// profiles that do not count them: precise location is sensitive under CCPA and other
// supported laws, and a URL under PIPL, so redaction hides both whatever the profile (a
// profile toggles only what no supported law counts as sensitive). The narrow answer is
// asked for by name.
func TestProfileNeverLetsSensitiveContextThrough(t *testing.T) {
	type visit struct {
		Where string `pii:"geo"`
		Page  string `pii:"url"`
		IP    string `pii:"ip"`
	}
	raw := visit{Where: "37.774929,-122.419416", Page: "https://example.com/u/jane?token=abc", IP: "203.0.113.42"}
	masked, err := pii.Redacted(nil, raw)
	if err != nil {
		t.Fatal(err)
	}
	if masked.Where == raw.Where || masked.Page == raw.Page {
		t.Fatalf("the default Policy left the location or the URL as it was: %+v", masked)
	}
	for _, pr := range []pii.Profile{pii.PCIDSS, pii.CalOPPA} {
		t.Run(pr.Name(), func(t *testing.T) {
			p, err := pii.New(pii.WithProfile(pr))
			if err != nil {
				t.Fatal(err)
			}
			got, err := pii.Redacted(p, raw)
			if err != nil {
				t.Fatal(err)
			}
			want := visit{Where: masked.Where, Page: masked.Page, IP: got.IP}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Redacted under %s (-want +got):\n%s", pr.Name(), diff)
			}
			if got.IP != raw.IP {
				t.Errorf("IP = %q: %s does not count it, and no supported law makes it sensitive", got.IP, pr.Name())
			}
			narrow, err := pii.New(pii.WithProfile(pr), pii.WithRedactionLimitedToProfile())
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := pii.Redacted(narrow, raw); got.Page != raw.Page {
				t.Errorf("with WithRedactionLimitedToProfile the URL = %q, want it as it is", got.Page)
			}
		})
	}
}
