package pii_test

import (
	"net/netip"
	"testing"

	"github.com/ef8f9424/pii"
)

func TestRedactAddrPortPrefix(t *testing.T) {
	type conn struct {
		Peer netip.AddrPort `pii:"ip"`
		Net  netip.Prefix   `pii:"ip"`
		Text string         `pii:"ip"`
	}
	v := conn{netip.MustParseAddrPort("203.0.113.42:443"), netip.MustParsePrefix("203.0.113.42/32"), "203.0.113.42:443"}
	got, err := pii.Redacted(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	if got.Peer.String() != got.Text || got.Net.String() != "203.0.113.0/24" {
		t.Errorf("got %v, %v; want %s, 203.0.113.0/24", got.Peer, got.Net, got.Text)
	}
}
