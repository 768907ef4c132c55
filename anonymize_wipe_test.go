package pii_test

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii"
)

// TestAnonymizeInPlaceWipesBytes anonymises []byte fields in place while another slice
// shares their arrays (a pooled buffer the value was read into): the old bytes must not
// keep the personal data, as Redact's do not. Anonymized leaves the caller's arrays as
// they were.
func TestAnonymizeInPlaceWipesBytes(t *testing.T) {
	type record struct {
		Email []byte `pii:"email,anon=pseudonym"`
		Bio   []byte `pii:"biometric"`
		Notes []byte `pii:"body,anon=drop"`
	}
	for _, pr := range []pii.Profile{pii.Strict, pii.Combine(pii.CCPA, pii.HIPAA)} {
		t.Run(pr.Name(), func(t *testing.T) {
			p, err := pii.New(pii.WithProfile(pr), pii.WithKey([]byte("0123456789abcdef0123456789abcdef")))
			if err != nil {
				t.Fatal(err)
			}
			fresh := func() record {
				return record{Email: []byte("jane.doe@example.com"), Bio: []byte("fingerprint-0xABCD"), Notes: []byte("call Jane at home")}
			}
			r := fresh()
			shared := [][]byte{r.Email, r.Bio, r.Notes}
			if err := p.Anonymize(&r); err != nil {
				t.Fatal(err)
			}
			for i, b := range shared {
				for _, secret := range []string{"jane", "finger", "Jane"} {
					if bytes.Contains(b, []byte(secret)) {
						t.Errorf("field %d: the old array still holds %q: %q", i, secret, b)
					}
				}
			}
			c := fresh()
			if _, err := pii.Anonymized(p, c); err != nil {
				t.Fatal(err)
			}
			if string(c.Email) != "jane.doe@example.com" || string(c.Bio) != "fingerprint-0xABCD" || string(c.Notes) != "call Jane at home" {
				t.Errorf("Anonymized changed its argument: %q %q %q", c.Email, c.Bio, c.Notes)
			}
		})
	}
}
