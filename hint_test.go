package pii

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDidYouMean(t *testing.T) {
	regions := []string{"DE", "FR", "GB", "GR", "US"}
	profiles := []string{"calOPPA", "ccpa", "gdpr", "hipaa", "pci-dss", "uk-gdpr"}
	tests := []struct {
		got   string
		names []string
		want  string
	}{
		{"UK", regions, ` (did you mean "GB"?)`},
		{"el", regions, ` (did you mean "GR"?)`},
		{"us", regions, ` (did you mean "US"?)`},
		{"ZZ", regions, ""},
		{"XY", regions, ""}, // short codes: no guess
		{"gpdr", profiles, ` (did you mean "gdpr"?)`},
		{"hippa", profiles, ` (did you mean "hipaa"?)`},
		{"pcidss", profiles, ` (did you mean "pci-dss"?)`},
		{"nonsense", profiles, ""},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, didYouMean(tt.got, tt.names)); diff != "" {
			t.Errorf("didYouMean(%q) (-want +got):\n%s", tt.got, diff)
		}
	}
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
