package pii_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
)

// bounceRecord is a record with a sealed address beside tagged error fields that hold
// only text.
type bounceRecord struct {
	Created time.Time `pii:"no,created"`
	To      string    `pii:"email,anon=seal"`
	Err     error     `pii:"email,ttl=1"`
	Cause   any       `pii:"email"`
}

// TestUnsealErrorField: Unseal opens the envelopes of a record whose tagged error fields
// hold errors.New's or fmt.Errorf's text: Anonymize, Redact and Purge take such a field,
// and Unseal, which opens only anon=seal strings, has nothing to do with it. It failed
// for the whole record ("errors.errorString has no exported fields").
func TestUnsealErrorField(t *testing.T) {
	priv, err := pii.GenerateSealKey()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pii.New(pii.WithSealKey(priv.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	v := bounceRecord{To: "jane@example.com"}
	if err := p.Anonymize(&v); err != nil {
		t.Fatal(err)
	}
	if v.To == "jane@example.com" {
		t.Fatal("Anonymize left To as it was")
	}
	// What failed later (a delivery) is recorded after the address was sealed.
	v.Err = errors.New("mailbox full")
	v.Cause = fmt.Errorf("retry: %w", errors.New("mailbox full"))
	if err := pii.Unseal(&v, priv); err != nil {
		t.Fatalf("Unseal: %v", err)
	}
	if v.To != "jane@example.com" {
		t.Errorf("To = %q, want it opened", v.To)
	}
	if v.Err == nil || v.Err.Error() != "mailbox full" || v.Cause == nil {
		t.Errorf("Err = %v, Cause = %v; want them as they were", v.Err, v.Cause)
	}
}
