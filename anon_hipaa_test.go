package pii_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// Patient is a record whose anonymised form must meet HIPAA Safe Harbor.
type Patient struct {
	ID        string    `pii:"no"`
	Name      string    `pii:"name,anon=pseudonym"`
	Phone     string    `pii:"phone"`
	Born      time.Time `pii:"dob"`
	Admitted  string    `pii:"date"`
	ZIP       string    `pii:"postal"`
	IP        string    `pii:"ip"`
	Card      string    `pii:"card"`
	Diagnosis string    `pii:"health"`
}

func TestAnonymizeSafeHarbor(t *testing.T) {
	p, err := pii.New(pii.WithProfile(pii.Combine(pii.CCPA, pii.HIPAA)), pii.WithKey([]byte("0123456789abcdef0123456789abcdef")))
	if err != nil {
		t.Fatal(err)
	}
	v := Patient{ID: "P1", Name: "Quentin Zabrowski", Phone: "+14155552671",
		Born: time.Date(1930, 6, 2, 0, 0, 0, 0, time.UTC), Admitted: "2025-03-14", ZIP: "03601",
		IP: "203.0.113.9", Card: "4111111111111111", Diagnosis: "E11.9"}
	cp, err := pii.Anonymized(p, v)
	if err != nil {
		t.Fatal(err)
	}
	if v.Name != "Quentin Zabrowski" {
		t.Fatal("Anonymized changed its argument")
	}
	if !strings.HasPrefix(cp.Name, "name:rc:") {
		t.Errorf("Name = %q: Safe Harbor wants a random code, never a keyed pseudonym", cp.Name)
	}
	cp.Name = ""
	want := Patient{ID: "P1", Admitted: "2025", ZIP: "000"} // born 1930: over 89, not even the year
	if diff := cmp.Diff(want, cp); diff != "" {
		t.Errorf("Anonymized under HIPAA (-want +got):\n%s", diff)
	}
	if err := p.Anonymize(&v); err != nil {
		t.Fatal(err)
	}
	v.Name = ""
	if diff := cmp.Diff(want, v); diff != "" {
		t.Errorf("Anonymize under HIPAA (-want +got):\n%s", diff)
	}
}
