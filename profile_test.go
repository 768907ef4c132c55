package pii_test

import (
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// Visit is a record whose IP address is personal data under some laws only.
type Visit struct {
	Caller   string    `pii:"phone"`
	ClientIP string    `pii:"ip"`
	ZIP      string    `pii:"postal"`
	Born     time.Time `pii:"dob"`
	Birthday string    `pii:"dob"`
}

func TestProfileClassify(t *testing.T) {
	p, err := pii.New(pii.WithProfile(pii.CalOPPA))
	if err != nil {
		t.Fatal(err)
	}
	fields, err := p.Classify(Visit{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range fields {
		got[f.Path] = f.Class.String() + "/" + f.Profile
	}
	want := map[string]string{
		"Caller": "PII/", "ClientIP": "Not PII/CalOPPA", "ZIP": "Not PII/CalOPPA",
		"Born": "Not PII/CalOPPA", "Birthday": "Not PII/CalOPPA",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Classify under CalOPPA (-want +got):\n%s", diff)
	}
}

func TestProfileRedact(t *testing.T) {
	now := time.Now()
	visit := func() Visit {
		return Visit{Caller: "+14155551234", ClientIP: "203.0.113.42", ZIP: "03601",
			Born: time.Date(now.Year()-95, 3, 1, 0, 0, 0, 0, time.UTC), Birthday: "1990-05-17"}
	}
	tests := []struct {
		name   string
		opts   []pii.Option
		caller string
		want   Visit
	}{
		{"CalOPPA leaves ip and postal alone, never a birth date", []pii.Option{pii.WithProfile(pii.CalOPPA)}, "+14155551234",
			Visit{Caller: "+1415555XXXX", ClientIP: "203.0.113.42", ZIP: "03601",
				Born: time.Date(now.Year()-95, 1, 1, 0, 0, 0, 0, time.UTC), Birthday: "1990"}},
		{"the narrow answer, asked for by name", []pii.Option{pii.WithProfile(pii.CalOPPA), pii.WithRedactionLimitedToProfile()}, "+14155551234",
			Visit{Caller: "+1415555XXXX", ClientIP: "203.0.113.42", ZIP: "03601", Born: visit().Born, Birthday: "1990-05-17"}},
		{"PCI DSS hides phones and birth dates all the same", []pii.Option{pii.WithProfile(pii.PCIDSS)}, "+14155551234",
			Visit{Caller: "+1415555XXXX", ClientIP: "203.0.113.42", ZIP: "03601",
				Born: time.Date(now.Year()-95, 1, 1, 0, 0, 0, 0, time.UTC), Birthday: "1990"}},
		{"a party in the EU brings GDPR", []pii.Option{pii.WithProfile(pii.CalOPPA), pii.WithPartyJurisdiction()}, "+4930123456",
			Visit{Caller: "+493012XXXX", ClientIP: "203.0.113.0", ZIP: "000**",
				Born: time.Date(now.Year()-95, 1, 1, 0, 0, 0, 0, time.UTC), Birthday: "1990"}},
		{"HIPAA Safe Harbor", []pii.Option{pii.WithProfile(pii.Combine(pii.CCPA, pii.HIPAA))}, "+14155551234",
			Visit{Caller: "+1415555XXXX", ClientIP: "203.0.113.0", ZIP: "000", Birthday: "1990"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pii.New(tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			v := visit()
			v.Caller = tt.caller
			if err := p.Redact(&v); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, v); diff != "" {
				t.Errorf("Redact (-want +got):\n%s", diff)
			}
		})
	}
}
