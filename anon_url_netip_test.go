package pii_test

import (
	"errors"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// netRecord holds the leaves of the url and ip kinds, and tagged errors that hold only
// text, each under a TTL.
type netRecord struct {
	Created time.Time      `pii:"no,created"`
	Link    url.URL        `pii:"url,ttl=1"`
	Hook    *url.URL       `pii:"generic,ttl=1"`
	Peer    netip.AddrPort `pii:"ip,ttl=1"`
	Net     netip.Prefix   `pii:"ip,ttl=1"`
	Err     error          `pii:"email,ttl=1"`
	Cause   error          `pii:"email,ttl=1,anon=generalize"`
}

func newNetRecord(t *testing.T) netRecord {
	t.Helper()
	link, err := url.Parse("https://jane:pw@example.com/p?email=jane@example.com#x")
	if err != nil {
		t.Fatal(err)
	}
	hook, err := url.Parse("https://bob@example.org/in?to=bob@example.org")
	if err != nil {
		t.Fatal(err)
	}
	return netRecord{
		Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Link:    *link, Hook: hook,
		Peer:  netip.MustParseAddrPort("203.0.113.7:51234"),
		Net:   netip.MustParsePrefix("203.0.113.7/32"),
		Err:   errors.New("jane@example.com bounced"),
		Cause: errors.New("bob@example.org refused"),
	}
}

// netRecordView is what a user checks of an anonymised netRecord. Of Peer only the
// address is looked at: whether a generalised one keeps its port is not decided here.
type netRecordView struct {
	Link, Hook, Peer, Net string
	Err, Cause            bool // still set
}

func viewNetRecord(v netRecord) netRecordView {
	hook := ""
	if v.Hook != nil {
		hook = v.Hook.String()
	}
	return netRecordView{Link: v.Link.String(), Hook: hook, Peer: v.Peer.Addr().String(), Net: v.Net.String(),
		Err: v.Err != nil, Cause: v.Cause != nil}
}

// TestAnonymizeNetLeaves: Anonymize and Anonymized agree on URLs, addresses with ports,
// prefixes and tagged errors, with or without keys and under Safe Harbor: URLs and errors
// are dropped, addresses cut to their network (or dropped under HIPAA); the caller's value
// is left as it was by Anonymized, and an anonymising Purge does what Anonymize does.
func TestAnonymizeNetLeaves(t *testing.T) {
	priv, err := pii.GenerateSealKey()
	if err != nil {
		t.Fatal(err)
	}
	generalized := netRecordView{Peer: "203.0.113.0", Net: "203.0.113.0/24"}
	dropped := netRecordView{Peer: "invalid IP", Net: "invalid Prefix"}
	for _, tc := range []struct {
		name string
		opts []pii.Option
		want netRecordView
	}{
		{"no key", nil, generalized},
		{"pseudonym key", []pii.Option{pii.WithKey([]byte("0123456789abcdef0123456789abcdef"))}, generalized},
		{"seal key", []pii.Option{pii.WithSealKey(priv.PublicKey())}, generalized},
		{"HIPAA", []pii.Option{pii.WithProfile(pii.HIPAA)}, dropped},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := pii.New(tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			v := newNetRecord(t)
			if err := p.Anonymize(&v); err != nil {
				t.Fatalf("Anonymize: %v", err)
			}
			if diff := cmp.Diff(tc.want, viewNetRecord(v)); diff != "" {
				t.Errorf("Anonymize (-want +got):\n%s", diff)
			}
			orig := newNetRecord(t)
			before := viewNetRecord(orig)
			c, err := pii.Anonymized(p, orig)
			if err != nil {
				t.Fatalf("Anonymized: %v", err)
			}
			if diff := cmp.Diff(tc.want, viewNetRecord(c)); diff != "" {
				t.Errorf("Anonymized (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, viewNetRecord(orig)); diff != "" || !strings.Contains(orig.Hook.String(), "bob@") {
				t.Errorf("Anonymized changed the caller's value (-before +after):\n%s", diff)
			}
			pp, err := pii.New(append(tc.opts, pii.WithAnonymizeOnPurge())...)
			if err != nil {
				t.Fatal(err)
			}
			w := newNetRecord(t)
			purged, err := pp.Purge(&w, time.Time{}, w.Created.AddDate(0, 0, 2))
			if err != nil {
				t.Fatalf("Purge: %v", err)
			}
			if diff := cmp.Diff([]string{"Link", "Hook", "Peer", "Net", "Err", "Cause"}, purged); diff != "" {
				t.Errorf("Purge reported (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, viewNetRecord(w)); diff != "" {
				t.Errorf("anonymising Purge (-want +got):\n%s", diff)
			}
		})
	}
}
