package pii_test

import (
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

func TestFieldSummary(t *testing.T) {
	tests := []struct {
		f    pii.Field
		want string
	}{
		{pii.Field{Class: pii.PII, Kind: pii.KindBody, MTL: 30, TTL: 90, Handling: pii.Sensitive}, "PII MTL: 30 days TTL: 90 days (body, sensitive)"},
		{pii.Field{Class: pii.PII, Kind: pii.KindPhone, TTL: 365, Redact: "zero"}, "PII TTL: 365 days (phone, redact=zero)"},
		{pii.Field{Class: pii.PII, Kind: pii.KindEmail, Anon: "seal"}, "PII (email, anon=seal)"},
		{pii.Field{Class: pii.NotPII, Created: true}, "Not PII (creation time)"},
		{pii.Field{Class: pii.NotPII, Profile: "CalOPPA"}, "Not PII (under CalOPPA)"},
		{pii.Field{Class: pii.Untagged}, "Untagged"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.f.Summary()); diff != "" {
			t.Errorf("Summary() (-want +got):\n%s", diff)
		}
	}
}
