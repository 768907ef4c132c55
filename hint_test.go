package pii

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDidYouMean(t *testing.T) {
	profiles := []string{"GDPR", "UK-GDPR", "CCPA", "HIPAA", "PCI-DSS", "CPA", "Privacy-Act-AU", "Strict"}
	regions := []string{"CA", "CA-QC", "DE", "ES", "GB", "US-CA", "US-CO"}
	tests := []struct {
		got   string
		names []string
		want  string
	}{
		{"gdrp", profiles, "GDPR"},          // swapped neighbours
		{"GPDR", profiles, "GDPR"},          // swapped neighbours
		{"hipa", profiles, "HIPAA"},         // one deletion
		{"hippaa", profiles, "HIPAA"},       // one insertion
		{"uk", profiles, "UK-GDPR"},         // a prefix
		{"ukgdpr2", profiles, "UK-GDPR"},    // one insertion past the folded name
		{"pcidss", profiles, "PCI-DSS"},     // separators missing
		{"PCI DSS v4", profiles, "PCI-DSS"}, // an accepted name is its prefix
		{"privacy act", profiles, "Privacy-Act-AU"},
		{"ccpa", profiles, ""},                        // accepted as it is
		{"cpra", profiles, "CPA"},                     // one deletion beats two substitutions
		{"xyz", profiles, ""},                         // nothing close
		{"", profiles, ""},                            // nothing to compare
		{"g", profiles, ""},                           // too short for a prefix
		{"hipaahipaahipaa", profiles, "HIPAA"},        // an accepted name is its prefix
		{"gdprxyzgdpr", []string{"CCPA"}, ""},         // too far
		{"US", regions, "US-CA"},                      // a prefix, the first listed of two
		{"ED", regions, ""},                           // two-letter codes: no edits
		{"USCA", regions, "US-CA"},                    // the separator missing
		{"CAQC", regions, "CA-QC"},                    // an exact fold wins over the prefix CA
		{"us-cal", regions, "US-CA"},                  // one insertion
		{"\xff\xfe", regions, ""},                     // bytes that are no name
		{"DE", nil, ""},                               // no names
		{"strict", []string{"Strict"}, ""},            // case alone differs: accepted
		{"S-T-R-I-C-T", []string{"Strict"}, "Strict"}, // separators alone differ
	}
	for _, tt := range tests {
		t.Run(tt.got, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, didYouMean(tt.got, tt.names)); diff != "" {
				t.Errorf("didYouMean(%q) (-want +got):\n%s", tt.got, diff)
			}
		})
	}
}

func TestHintDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"gdpr", "gdpr", 0},
		{"gdrp", "gdpr", 1},
		{"ca", "ac", 1},
		{"kitten", "sitting", 3},
		{"abc", "ca", 3}, // optimal string alignment: no substring is edited twice
	}
	for _, tt := range tests {
		if got := hintDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("hintDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzDidYouMean(f *testing.F) {
	for _, s := range []string{"gdrp", "uk", "", "US-CA", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := didYouMean(s, profileHintNames)
		if got == "" {
			return
		}
		// A hint is always an accepted name, and never the name given.
		if _, ok := profileLookup(got); !ok {
			t.Fatalf("didYouMean(%q) = %q, which ParseProfile does not accept", s, got)
		}
		if got == s {
			t.Fatalf("didYouMean(%q) suggests the name itself", s)
		}
	})
}
func TestTagHints(t *testing.T) {
	tests := map[string]string{
		"phnoe":                `pii: tag "phnoe": unknown kind "phnoe" (did you mean "phone"?) (want true, no, or one of `,
		"email,redact=mask3":   `pii: tag "email,redact=mask3": unknown strategy redact="mask3" (did you mean "mask"?) (want zero, mask, replace, initials, last4 or scan)`,
		"name,anon=pseudonyme": `pii: tag "name,anon=pseudonyme": unknown strategy anon="pseudonyme" (did you mean "pseudonym"?) (want drop, pseudonym, generalize or seal)`,
		"phone,mlt=30":         `pii: tag "phone,mlt=30": unknown key "mlt" (did you mean "mtl"?) (want mtl, ttl, handling, redact or anon)`,
		"phone,retention=30":   `pii: tag "phone,retention=30": unknown key "retention" (want mtl, ttl, handling, redact or anon)`,
	}
	for tag, want := range tests {
		_, err := ParseTag(tag)
		if err == nil || len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
			t.Errorf("ParseTag(%q) = %v\nwant prefix %s", tag, err, want)
		}
	}
}

func TestErrorsNameThePackageOnce(t *testing.T) {
	_, err := New(WithOwnedNumbers("not a number"))
	if err == nil || strings.Count(err.Error(), "pii:") != 1 || !errors.Is(err, ErrOption) {
		t.Errorf("New(WithOwnedNumbers(bad)) = %v: want one \"pii:\" and ErrOption", err)
	}
	_, err = New(WithRegion("UK"))
	if err == nil || strings.Count(err.Error(), "pii:") != 1 || !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("New(WithRegion(UK)) = %v", err)
	}
	_, err = ParseProfile("gdpr+hippa")
	if err == nil || strings.Count(err.Error(), "pii:") != 1 {
		t.Errorf("ParseProfile = %v", err)
	}
}

func TestKindHints(t *testing.T) {
	for got, want := range map[string]string{
		"phnoe": `pii: unknown kind "phnoe" (did you mean "phone"?) (want true, or one of `,
		"Phone": `pii: unknown kind "Phone" (did you mean "phone"?)`,
	} {
		_, err := ParseKind(got)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseKind(%q) = %v, want prefix %s", got, err, want)
		}
	}
	if _, err := ParseTag("No"); err == nil || !strings.Contains(err.Error(), `did you mean "no"?`) {
		t.Errorf(`ParseTag("No") = %v`, err)
	}
}
