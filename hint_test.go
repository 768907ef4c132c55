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
