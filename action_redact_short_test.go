package pii

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// TestLeafShortWay checks that the short way of redactAction.leaf (a string of a kind in
// maskOnlyKinds) gives what the long way gives, for every kind, under every built-in
// profile and some combinations, for copies and log lines, with and without
// WithRedactionLimitedToProfile, for owned numbers, sensitive fields and every strategy.
func TestLeafShortWay(t *testing.T) {
	profiles := []string{
		"strict", "gdpr", "uk-gdpr", "ccpa", "hipaa", "pci-dss", "caloppa", "lgpd", "pipeda",
		"quebec", "dpdp", "pipl", "appi", "fadp", "popia", "privacy-act-au", "pdpa-sg",
		"vcdpa", "cpa", "tdpsa", "ccpa+hipaa", "gdpr+pci-dss",
	}
	values := append([]string{"+14155550100", "+1 415 555 0100", "94105", "036 12"}, maskSamples...)
	strategies := []redactStrategy{redactDefault, redactZero, redactReplace, redactInitials, redactLast4, redactScan}
	short := 0
	for _, name := range profiles {
		pr, err := ParseProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, limited := range []bool{false, true} {
			opts := []Option{WithProfile(pr), WithOwnedNumbers("+14155550100")}
			if limited {
				opts = append(opts, WithRedactionLimitedToProfile())
			}
			p, err := New(opts...)
			if err != nil {
				t.Fatal(err)
			}
			for k := KindNone + 1; k < numKinds; k++ {
				for _, h := range []Handling{Standard, Sensitive} {
					for _, st := range strategies {
						n := stringLeaf(t, rule{tag: Tag{Class: PII, Kind: k, Handling: h}, redact: st})
						for _, log := range []bool{false, true} {
							for _, v := range values {
								got, took := leafOf(p, n, log, v, false)
								want, _ := leafOf(p, n, log, v, true)
								if took {
									short++
								}
								if diff := cmp.Diff(want, got); diff != "" {
									t.Errorf("%s (limited %v), %v, handling %v, strategy %d, log %v, %q: short way differs (-long +short):\n%s",
										name, limited, k, h, st, log, v, diff)
								}
							}
						}
					}
				}
			}
		}
	}
	if short == 0 {
		t.Fatal("no leaf took the short way: the test checks nothing")
	}
}

// leafOf redacts v as a leaf of node n under p, the long way when long is set, and
// reports whether the short way was open to it.
func leafOf(p *Policy, n *node, log bool, v string, long bool) (string, bool) {
	a := &redactAction{log: log}
	w := &walker{pol: p, act: a, profile: p.profile}
	w.start(n)
	took := a.maskOnly.has(n.short)
	if long {
		a.maskOnly = 0
	}
	if err := a.leaf(w, n, unsafe.Pointer(&v)); err != nil {
		return "error: " + err.Error(), took
	}
	return v, took
}

// stringLeaf returns the node of a string under rule r, as plans build it.
func stringLeaf(t *testing.T, r rule) *node {
	t.Helper()
	b := builder{building: map[nodeKey]*node{}}
	buildLock.Lock()
	n, err := b.node(reflect.TypeFor[string](), r)
	buildLock.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestMaskOnlyKindsWidened checks that a redaction whose record widens the Policy's
// profile (WithPartyJurisdiction) finds its short-way kinds for that profile, not the
// Policy's: a HIPAA party makes postal codes generalised by Safe Harbor, not masked.
func TestMaskOnlyKindsWidened(t *testing.T) {
	p, err := New(WithProfile(GDPR), WithPartyJurisdiction())
	if err != nil {
		t.Fatal(err)
	}
	if !p.maskOnly[0].has(KindPostal) {
		t.Fatalf("under GDPR alone, postal codes should take their mask alone")
	}
	a := &redactAction{}
	w := &walker{pol: p, act: a, profile: Combine(GDPR, HIPAA)}
	w.start(&node{op: opLeaf, lk: lkString})
	if a.maskOnly.has(KindPostal) {
		t.Errorf("under GDPR+HIPAA, postal codes took the short way past Safe Harbor")
	}
}
