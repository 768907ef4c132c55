package pii

import (
	"net"
	"strings"
	"testing"
)

// maskBenchCases: each value either already masked (want 0 allocs) or to be masked
// (want 1).
var maskBenchCases = []struct {
	name string
	k    Kind
	st   redactStrategy
	in   string
}{
	{"phone/unchanged", KindPhone, redactDefault, "+1 (415) 555-XXXX"},
	{"phone/masked", KindPhone, redactDefault, "+1 (415) 555-1234"},
	{"email/unchanged", KindEmail, redactDefault, "***@example.com"},
	{"email/masked", KindEmail, redactDefault, "jane.doe@example.com"},
	{"name/unchanged", KindName, redactDefault, "J. M. G."},
	{"name/masked", KindName, redactDefault, "josé maría garcía"},
	{"ip/unchanged", KindIP, redactDefault, "203.0.113.0"},
	{"ip/masked", KindIP, redactDefault, "203.0.113.42"},
	{"ipv6/masked", KindIP, redactDefault, "2001:db8:85a3::8a2e:370:7334"},
	{"card/unchanged", KindCard, redactDefault, "4111 11** **** 1111"},
	{"card/masked", KindCard, redactDefault, "4111 1111 1111 1111"},
	{"govid/masked", KindGovID, redactDefault, "123-45-6789"},
	{"postal/masked", KindPostal, redactDefault, "94105"},
	{"dob/masked", KindDOB, redactDefault, "1990-05-17"},
	{"geo/unchanged", KindGeo, redactDefault, "37.8,-122.4"},
	{"geo/masked", KindGeo, redactDefault, "37.7749,-122.4194"},
	{"url/unchanged", KindURL, redactDefault, "https://example.com/"},
	{"url/masked", KindURL, redactDefault, "https://jane:pw@example.com/u/jane?x=1"},
	{"body/default", KindBody, redactDefault, "Call me at +1 415 555 1234"},
	{"last4/masked", KindGeneric, redactLast4, "DE89370400440532013000"},
	{"replace", KindGeneric, redactReplace, "anything"},
}

func BenchmarkMaskString(b *testing.B) {
	for _, c := range maskBenchCases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.in)))
			for b.Loop() {
				maskString(c.k, c.st, c.in, "")
			}
		})
	}
}

func BenchmarkMaskBytes(b *testing.B) {
	b.Run("phone/in-place", func(b *testing.B) {
		b.ReportAllocs()
		src := []byte("+1 (415) 555-1234")
		buf := make([]byte, len(src))
		for b.Loop() {
			copy(buf, src)
			maskBytes(KindPhone, redactDefault, buf, "")
		}
	})
}

func BenchmarkMaskIP(b *testing.B) {
	b.ReportAllocs()
	ip := net.ParseIP("2001:db8:85a3::8a2e:370:7334")
	for b.Loop() {
		maskIP(redactDefault, ip)
	}
}

func BenchmarkMaskOwnedHas(b *testing.B) {
	o, err := newMaskOwned([]string{"+1 415 555 0100", "+1 212 555 0199", "+44 20 7946 0018"}, "US")
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range []string{"+1 (415) 555-0100", "(212) 555-0199", "+1 (415) 555-1234", "+1415555XXXX"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				o.has(in)
			}
		})
	}
}

// TestMaskAllocs pins the allocation budget the benchmarks report, so that a change
// that allocates more fails here (it counts allocations, it does not time anything).
func TestMaskAllocs(t *testing.T) {
	for _, c := range maskBenchCases {
		want := 1.0
		out := maskString(c.k, c.st, c.in, "")
		if strings.HasPrefix(c.in, out) || c.st == redactReplace || c.k == KindDOB {
			want = 0 // unchanged, emptied, a prefix, the placeholder, or a part of the input
		}
		got := testing.AllocsPerRun(100, func() { maskString(c.k, c.st, c.in, "") })
		if got != want {
			t.Errorf("%s: %v allocs per call, want %v", c.name, got, want)
		}
	}
	o, err := newMaskOwned([]string{"+1 415 555 0100"}, "US")
	if err != nil {
		t.Fatal(err)
	}
	if got := testing.AllocsPerRun(100, func() { o.has("+1 (415) 555-0100") }); got != 0 {
		t.Errorf("maskOwned.has: %v allocs per call, want 0", got)
	}
}
