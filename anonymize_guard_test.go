package pii_test

import (
	"net"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// Anonymisation never writes its argument, and never keys what Safe Harbor keeps.

func TestAnonymizedNeverWritesItsArgument(t *testing.T) {
	type Q struct {
		IP  net.IP `pii:"ip"`
		Bio []byte `pii:"biometric"`
	}
	for _, pr := range []pii.Profile{pii.Strict, pii.GDPR, pii.HIPAA} {
		p, err := pii.New(pii.WithProfile(pr))
		if err != nil {
			t.Fatal(err)
		}
		q := Q{IP: net.ParseIP("203.0.113.42").To4(), Bio: []byte{1, 2, 3}}
		if _, err := pii.Anonymized(p, q); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(Q{IP: net.ParseIP("203.0.113.42").To4(), Bio: []byte{1, 2, 3}}, q); diff != "" {
			t.Errorf("%s: Anonymized changed its argument (-want +got):\n%s", pr, diff)
		}
	}
}

func TestAnonymizeCardUnderEveryProfile(t *testing.T) {
	type C struct {
		Card string `pii:"card"`
	}
	p, err := pii.New(pii.WithProfile(pii.CalOPPA))
	if err != nil {
		t.Fatal(err)
	}
	got, err := pii.Anonymized(p, C{"4111 1111 1111 1111"})
	if err != nil || got.Card != "1111" {
		t.Errorf("Anonymized under CalOPPA = %+v, %v; want the last four only", got, err)
	}
}

func TestSafeHarborNeverKeyed(t *testing.T) {
	type Case struct {
		Child    string `pii:"child,anon=pseudonym"`
		Criminal string `pii:"criminal,anon=pseudonym"`
	}
	p, err := pii.New(pii.WithProfile(pii.HIPAA), pii.WithKey([]byte("0123456789abcdef0123456789abcdef")))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := pii.Anonymized(p, Case{"Tim Small", "theft"})
	b, _ := pii.Anonymized(p, Case{"Tim Small", "theft"})
	if a.Child == b.Child || !strings.HasPrefix(a.Child, "child:rc:") || !strings.HasPrefix(a.Criminal, "criminal:rc:") {
		t.Errorf("under HIPAA a pseudonym must be a random code, new each call: %+v %+v", a, b)
	}
}
