package freetext

import (
	"testing"
)

// TestScanIPv4ZeroPadded checks that an IPv4 address written with zero-padded octets
// ("192.168.001.010", as some logs and firewalls print them) is found: net/netip
// refuses leading zeros, and the address passed through. The mask keeps the network as
// written. An octet above 255 still makes no address.
func TestScanIPv4ZeroPadded(t *testing.T) {
	tests := map[string]string{
		"ip=192.168.001.010":      "ip=192.168.001.x",
		"from 010.000.000.001:22": "from 010.000.000.x:22",
		"src 10.0.0.01":           "src 10.0.0.x",
		"192.168.001.256":         "192.168.001.256",
		"version 1.02.03.004":     "version 1.02.03.004",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}

// TestScanIPv4MaskBeforePort checks that an IPv4 address with a port keeps its port and
// network through redaction: its mask ("172.216.100.x:22") was read again as a phone
// number with an extension (the x of the masked octet, then ":22"), and the next pass
// hid the port and the network's last digits ("172.21X.XXX.x:XX").
func TestScanIPv4MaskBeforePort(t *testing.T) {
	tests := map[string]string{
		"from 172.216.100.123:22":  "from 172.216.100.x:22",
		"from 203.113.100.42:8443": "from 203.113.100.x:8443",
		"from 010.000.000.001:22":  "from 010.000.000.x:22",
		"415.555.2671 x22":         "415.555.XXXX xXX",
		"call 415.555.2671x22 now": "call 415.555.XXXXxXX now",
	}
	s := scanTestScanner(t, "", "valid")
	scanCheckRedactTable(t, s, tests)
}
