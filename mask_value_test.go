package pii

import (
	"math"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestMaskNumbers(t *testing.T) {
	for k := KindNone; k < numKinds; k++ {
		for _, st := range maskStrategies {
			if got := maskInt(k, st, -42); got != 0 {
				t.Errorf("maskInt(%v, %d, -42) = %d, want 0", k, st, got)
			}
			if got := maskUint(k, st, 42); got != 0 {
				t.Errorf("maskUint(%v, %d, 42) = %d, want 0", k, st, got)
			}
			if k != KindGeo || (st != redactDefault && st != redactScan) {
				if got := maskFloat(k, st, 37.7749); got != 0 {
					t.Errorf("maskFloat(%v, %d, 37.7749) = %v, want 0", k, st, got)
				}
			}
		}
	}
}

func TestMaskFloatGeo(t *testing.T) {
	tests := []struct {
		in, want float64
	}{
		{37.7749, 37.8},
		{-122.4194, -122.4},
		{37.8, 37.8},
		{0.04, 0},
		{-0.04, 0},
		{180, 180},
		{-179.96, -180},
		{180.5, 0},
		{math.NaN(), 0},
		{math.Inf(1), 0},
		{math.MaxFloat64, 0},
	}
	for _, tt := range tests {
		got := maskFloat(KindGeo, redactDefault, tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("maskFloat(geo, %v) (-want +got):\n%s", tt.in, diff)
		}
		if math.Signbit(got) && got == 0 {
			t.Errorf("maskFloat(geo, %v) = -0", tt.in)
		}
		if again := maskFloat(KindGeo, redactDefault, got); again != got {
			t.Errorf("maskFloat(geo, %v) = %v, but again gives %v", tt.in, got, again)
		}
	}
}

func TestMaskTime(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		paris = time.FixedZone("CET", 3600)
	}
	birth := time.Date(1990, time.May, 17, 8, 30, 0, 0, paris)
	tests := []struct {
		name string
		k    Kind
		st   redactStrategy
		in   time.Time
		want time.Time
	}{
		{"dob default", KindDOB, redactDefault, birth, time.Date(1990, time.January, 1, 0, 0, 0, 0, paris)},
		{"dob already masked", KindDOB, redactDefault, time.Date(1990, time.January, 1, 0, 0, 0, 0, paris), time.Date(1990, time.January, 1, 0, 0, 0, 0, paris)},
		{"dob zero", KindDOB, redactDefault, time.Time{}, time.Time{}},
		{"dob zero strategy", KindDOB, redactZero, birth, time.Time{}},
		{"dob replace", KindDOB, redactReplace, birth, time.Time{}},
		{"generic", KindGeneric, redactDefault, birth, time.Time{}},
		{"health", KindHealth, redactDefault, birth, time.Time{}},
	}
	for _, tt := range tests {
		got := maskTime(tt.k, tt.st, tt.in)
		if !got.Equal(tt.want) || got.Location() != tt.want.Location() {
			t.Errorf("%s: maskTime = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMaskAddr(t *testing.T) {
	tests := []struct {
		st       redactStrategy
		in, want string // "" for netip.Addr{}
	}{
		{redactDefault, "203.0.113.42", "203.0.113.0"},
		{redactDefault, "2001:db8:85a3:1:2:3:4:5", "2001:db8:85a3::"},
		{redactDefault, "::ffff:203.0.113.42", "203.0.113.0"},
		{redactDefault, "fe80::1:2%eth0", "fe80::"},
		{redactScan, "203.0.113.42", "203.0.113.0"},
		{redactZero, "203.0.113.42", ""},
		{redactReplace, "203.0.113.42", ""},
		{redactLast4, "203.0.113.42", ""},
		{redactDefault, "", ""},
	}
	for _, tt := range tests {
		var in, want netip.Addr
		if tt.in != "" {
			in = netip.MustParseAddr(tt.in)
		}
		if tt.want != "" {
			want = netip.MustParseAddr(tt.want)
		}
		got := maskAddr(tt.st, in)
		if got != want {
			t.Errorf("maskAddr(%d, %s) = %v, want %v", tt.st, tt.in, got, want)
		}
		if again := maskAddr(tt.st, got); again != got {
			t.Errorf("maskAddr(%d, %s) = %v is not its own mask: %v", tt.st, tt.in, got, again)
		}
	}
}

func TestMaskIP(t *testing.T) {
	tests := []struct {
		st   redactStrategy
		in   net.IP
		want net.IP
	}{
		{redactDefault, net.IP{203, 0, 113, 42}, net.IP{203, 0, 113, 0}},
		{redactDefault, net.ParseIP("203.0.113.42"), net.ParseIP("203.0.113.0")},
		{redactDefault, net.ParseIP("2001:db8:85a3:1:2:3:4:5"), net.ParseIP("2001:db8:85a3::")},
		{redactZero, net.ParseIP("203.0.113.42"), nil},
		{redactReplace, net.ParseIP("203.0.113.42"), nil},
		{redactDefault, net.IP{1, 2, 3}, nil},
		{redactDefault, nil, nil},
	}
	for _, tt := range tests {
		in := append(net.IP(nil), tt.in...)
		got := maskIP(tt.st, in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("maskIP(%d, %v) (-want +got):\n%s", tt.st, tt.in, diff)
		}
		if got != nil && &got[0] != &in[0] {
			t.Errorf("maskIP(%d, %v) did not mask in place", tt.st, tt.in)
		}
	}
}
