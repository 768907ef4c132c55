package pii_test

import (
	"errors"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// failedDelivery is a record whose tagged error holds the text of errors.New.
type failedDelivery struct {
	Created time.Time `pii:"no,created"`
	To      string    `pii:"email"`
	Err     error     `pii:"email,ttl=1"`
}

// TestAnonymizeErrorFieldWithKey: a tagged error field holding errors.New's text is
// dropped by Anonymize (and by an anonymising Purge) whether or not the Policy has a
// pseudonym key: with one, the email kind's default strategy (a pseudonym) refused the
// field, and the whole record failed to anonymise.
func TestAnonymizeErrorFieldWithKey(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for name, opts := range map[string][]pii.Option{
		"no key":   nil,
		"with key": {pii.WithKey(key)},
	} {
		t.Run(name, func(t *testing.T) {
			p, err := pii.New(opts...)
			if err != nil {
				t.Fatal(err)
			}
			v := failedDelivery{Created: created, To: "jane@example.com", Err: errors.New("jane@example.com bounced")}
			if err := p.Anonymize(&v); err != nil {
				t.Fatalf("Anonymize: %v", err)
			}
			if v.Err != nil {
				t.Errorf("Err = %v, want nil (dropped)", v.Err)
			}
			pp, err := pii.New(append(opts, pii.WithAnonymizeOnPurge())...)
			if err != nil {
				t.Fatal(err)
			}
			w := failedDelivery{Created: created, Err: errors.New("jane@example.com bounced")}
			purged, err := pp.Purge(&w, created, created.AddDate(0, 0, 3))
			if err != nil {
				t.Fatalf("Purge: %v", err)
			}
			if diff := cmp.Diff([]string{"Err"}, purged); diff != "" || w.Err != nil {
				t.Errorf("Purge: Err = %v, purged (-want +got):\n%s", w.Err, diff)
			}
		})
	}
}
