package pii

import (
	"net"
	"strings"
	"testing"
)

// maskBenchCases: each value either already masked (maskString allocates nothing) or to
// be masked (once).
var maskBenchCases = []struct {
	name string
	k    Kind
	st   redactStrategy
	in   string
}{
	{"phone/unchanged", KindPhone, redactDefault, "+1 (415) 555-XXXX"},
	{"phone/masked", KindPhone, redactDefault, "+1 (415) 555-1234"},
	{"phone/e164", KindPhone, redactDefault, "+14155552671"},
	{"phone/e164-44", KindPhone, redactDefault, "+442079460958"},
	{"phone/ext", KindPhone, redactDefault, "+1 415 555 1234 ext. 12"},
	{"email/unchanged", KindEmail, redactDefault, "***@example.com"},
	{"email/masked", KindEmail, redactDefault, "jane.doe@example.com"},
	{"email/record", KindEmail, redactDefault, "maria.okafor@example.com"},
	{"name/unchanged", KindName, redactDefault, "J. M. G."},
	{"name/masked", KindName, redactDefault, "josé maría garcía"},
	{"name/ascii", KindName, redactDefault, "Jane Doe"},
	{"name/record", KindName, redactDefault, "Maria Okafor"},
	{"ip/unchanged", KindIP, redactDefault, "203.0.113.0"},
	{"ip/masked", KindIP, redactDefault, "203.0.113.42"},
	{"ipv6/masked", KindIP, redactDefault, "2001:db8:85a3::8a2e:370:7334"},
	{"card/unchanged", KindCard, redactDefault, "4111 11** **** 1111"},
	{"card/masked", KindCard, redactDefault, "4111 1111 1111 1111"},
	{"govid/masked", KindGovID, redactDefault, "123-45-6789"},
	{"postal/masked", KindPostal, redactDefault, "94105"},
	{"postal/record", KindPostal, redactDefault, "94043"},
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

// BenchmarkMaskAppend is appendMask into a buffer with room, as an arena for the masked
// strings of a record uses it: the mask logic alone, no allocation.
func BenchmarkMaskAppend(b *testing.B) {
	for _, c := range maskBenchCases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.in)))
			dst := make([]byte, 0, 256)
			for b.Loop() {
				dst = appendMask(dst[:0], c.k, c.st, c.in, "")
			}
		})
	}
}

// maskHandCases are the floor: code written by hand for one well-formed value of each
// kind, appending the same output as appendMask into a buffer with room, with none of
// its checks.
var maskHandCases = []struct {
	name string
	in   string
	mask func(dst []byte, s string) []byte
}{
	{"phone", "+1 (415) 555-1234", func(dst []byte, s string) []byte {
		n := len(dst)
		dst = append(dst, s...)
		for i, k := len(dst)-1, 0; i >= n && k < 4; i-- {
			if c := dst[i]; '0' <= c && c <= '9' {
				dst[i] = 'X'
				k++
			}
		}
		return dst
	}},
	{"email", "jane.doe@example.com", func(dst []byte, s string) []byte {
		dst = append(dst, "***"...)
		return append(dst, s[strings.IndexByte(s, '@'):]...)
	}},
	{"name", "Jane Doe", func(dst []byte, s string) []byte {
		start := true
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == ' ':
				start = true
			case start:
				if len(dst) > 0 {
					dst = append(dst, ' ')
				}
				dst = append(dst, c&^0x20, '.')
				start = false
			}
		}
		return dst
	}},
	{"ip", "203.0.113.42", func(dst []byte, s string) []byte {
		dst = append(dst, s[:strings.LastIndexByte(s, '.')+1]...)
		return append(dst, '0')
	}},
	{"postal", "94105", func(dst []byte, s string) []byte {
		dst = append(dst, s[:3]...)
		return append(dst, "**"...)
	}},
	{"card", "4111 1111 1111 1111", func(dst []byte, s string) []byte {
		n := len(dst)
		dst = append(dst, s...)
		for i, j := n, 0; i < len(dst); i++ {
			if c := dst[i]; '0' <= c && c <= '9' {
				if j >= 6 && j < 12 {
					dst[i] = '*'
				}
				j++
			}
		}
		return dst
	}},
}

func BenchmarkMaskHand(b *testing.B) {
	for _, c := range maskHandCases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			dst := make([]byte, 0, 256)
			for b.Loop() {
				dst = c.mask(dst[:0], c.in)
			}
		})
	}
}

// TestMaskHandSame checks that the hand-written floor gives what appendMask gives, so
// that the benchmarks compare the same work.
func TestMaskHandSame(t *testing.T) {
	kinds := map[string]Kind{"phone": KindPhone, "email": KindEmail, "name": KindName, "ip": KindIP, "postal": KindPostal, "card": KindCard}
	for _, c := range maskHandCases {
		want := string(appendMask(nil, kinds[c.name], redactDefault, c.in, ""))
		if got := string(c.mask(nil, c.in)); got != want {
			t.Errorf("%s: hand-written %q, appendMask %q", c.name, got, want)
		}
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
// that allocates more fails here (it counts allocations, it does not time anything):
// maskString allocates once for a value it changes, never for one it keeps or cuts;
// appendMask and maskBytes in place never; maskOwned.has never.
func TestMaskAllocs(t *testing.T) {
	for _, c := range maskBenchCases {
		want := 1.0
		out := maskString(c.k, c.st, c.in, "")
		if strings.HasPrefix(c.in, out) || c.st == redactReplace || c.k == KindDOB {
			want = 0 // unchanged, emptied, a prefix, the placeholder, or a part of the input
		}
		if got := testing.AllocsPerRun(100, func() { maskString(c.k, c.st, c.in, "") }); got != want {
			t.Errorf("maskString %s: %v allocs per call, want %v", c.name, got, want)
		}
		dst := make([]byte, 0, 256)
		if got := testing.AllocsPerRun(100, func() { appendMask(dst, c.k, c.st, c.in, "") }); got != 0 {
			t.Errorf("appendMask %s: %v allocs per call, want 0", c.name, got)
		}
	}
	buf := make([]byte, 32)
	if got := testing.AllocsPerRun(100, func() {
		copy(buf, "+1 (415) 555-1234")
		maskBytes(KindPhone, redactDefault, buf[:17], "")
	}); got != 0 {
		t.Errorf("maskBytes in place: %v allocs per call, want 0", got)
	}
	o, err := newMaskOwned([]string{"+1 415 555 0100"}, "US")
	if err != nil {
		t.Fatal(err)
	}
	if got := testing.AllocsPerRun(100, func() { o.has("+1 (415) 555-0100") }); got != 0 {
		t.Errorf("maskOwned.has: %v allocs per call, want 0", got)
	}
}
