package pii

import (
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMaskAddrPortPrefix checks that a netip.AddrPort or netip.Prefix is masked as the
// same address written as a string is (maskAppendIP), and hidden whole under any other
// strategy.
func TestMaskAddrPortPrefix(t *testing.T) {
	ports := []string{
		"203.0.113.42:443",
		"[2001:db8:85a3::8a2e:370:7334]:8080",
		"[::ffff:203.0.113.42]:53",
		"[2002:cb00:712a::1]:80",
		"[fe80::1%eth0]:22",
	}
	for _, in := range ports {
		ap := netip.MustParseAddrPort(in)
		want := string(maskAppendIPGeneral(nil, in))
		if diff := cmp.Diff(want, maskAddrPort(redactDefault, ap).String()); diff != "" {
			t.Errorf("maskAddrPort(%s) (-string +value):\n%s", in, diff)
		}
		if got := maskAddrPort(redactZero, ap); got != (netip.AddrPort{}) {
			t.Errorf("maskAddrPort(zero, %s) = %v, want the zero AddrPort", in, got)
		}
	}
	if got := maskAddrPort(redactDefault, netip.AddrPort{}); got != (netip.AddrPort{}) {
		t.Errorf("maskAddrPort of the zero AddrPort = %v", got)
	}
	prefixes := []string{
		"203.0.113.42/32",
		"10.1.2.3/8",
		"2001:db8:85a3::8a2e:370:7334/128",
		"2001:db8::/32",
		"2002:cb00:712a::1/64",
	}
	for _, in := range prefixes {
		p := netip.MustParsePrefix(in)
		want := string(maskAppendIPGeneral(nil, in))
		if diff := cmp.Diff(want, maskPrefix(redactDefault, p).String()); diff != "" {
			t.Errorf("maskPrefix(%s) (-string +value):\n%s", in, diff)
		}
		if got := maskPrefix(redactReplace, p); got != (netip.Prefix{}) {
			t.Errorf("maskPrefix(replace, %s) = %v, want the zero Prefix", in, got)
		}
	}
	if got := maskPrefix(redactDefault, netip.MustParsePrefix("::ffff:203.0.113.42/128")); got != (netip.Prefix{}) {
		t.Errorf("maskPrefix of an IPv4-mapped prefix = %v, want the zero Prefix", got)
	}
}
