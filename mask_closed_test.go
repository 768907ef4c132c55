package pii

import (
	"fmt"
	"net"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// maskClosedCases are values that a field's mask cannot read as exactly one value of
// its kind. Each hides more than the mask of one value would, never less, and stays a
// valid value for the field.
var maskClosedCases = []maskCase{
	// phone: two numbers, digits or text after the number, words, a '+' inside.
	{KindPhone, redactDefault, "+1 415 555 1234 / +1 415 555 9876", "+X XXX XXX XXXX / +X XXX XXX XXXX"},
	{KindPhone, redactDefault, "555 1234 / 555 9876", "XXX XXXX / XXX XXXX"},
	{KindPhone, redactDefault, "+1 415 555 1234 +1 415 555 9876", "+X XXX XXX XXXX +X XXX XXX XXXX"},
	{KindPhone, redactDefault, "4155551234 4155559876", "XXXXXXXXXX XXXXXXXXXX"},
	{KindPhone, redactDefault, "+1 415 555 1234 99", "+X XXX XXX XXXX XX"},
	{KindPhone, redactDefault, "+44 20 7946 0018 99", "+XX XX XXXX XXXX XX"},
	{KindPhone, redactDefault, "00 1 415 555 1234 99", "XX X XXX XXX XXXX XX"},
	{KindPhone, redactDefault, "+999 1234 5678", "+XXX XXXX XXXX"},
	{KindPhone, redactDefault, "+1 415 555 1234 (Jane)", ""},
	{KindPhone, redactDefault, "Jane +1 415 555 1234", ""},
	{KindPhone, redactDefault, "+1 415 555 1234 call after 5", ""},
	{KindPhone, redactDefault, "+1 415 555 1234 ext. 12 Jane", ""},
	{KindPhone, redactDefault, "tel:+1-415-555-1234;phone-context=example.com", ""},
	{KindPhone, redactDefault, "4111 1111 1111 1111", "XXXX XXXX XXXX XXXX"},
	{KindPhone, redactDefault, "+1 415 555 1234 ☎", ""},
	{KindPhone, redactDefault, "*67 415 555 1234", "*XX XXX XXX XXXX"},
	{KindPhone, redactDefault, "555 1234\n555 9876", "XXX XXXX\nXXX XXXX"},
	{KindPhone, redactDefault, "555 1234\u2028555 9876", "XXX XXXX\u2028XXX XXXX"},
	{KindPhone, redactDefault, "+1\u00a0415\u00a0555\u00a01234", "+1\u00a0415\u00a0555\u00a0XXXX"},
	// phone: one number, as today.
	{KindPhone, redactDefault, "Phone: (415) 555-1234", "Phone: (415) 555-XXXX"},
	{KindPhone, redactDefault, "+44 (0)20 7946 0018", "+44 (0)20 7946 XXXX"},
	{KindPhone, redactDefault, "0044 20 7946 0018", "0044 20 7946 XXXX"},
	{KindPhone, redactDefault, "011 44 20 7946 0018", "011 44 20 7946 XXXX"},
	{KindPhone, redactDefault, "415/555-0100", "415/555-XXXX"},

	// card: expiry and security code, the holder's name, two numbers, a typo.
	{KindCard, redactDefault, "4111 1111 1111 1111 12/29 123", "**** **** **** **** **/** ***"},
	{KindCard, redactDefault, "4111111111111111 123", "**************** ***"},
	{KindCard, redactDefault, "4111 1111 1111 1111 1229", "**** **** **** **** ****"},
	{KindCard, redactDefault, "4111 1111 1111 1111 JANE DOE", ""},
	{KindCard, redactDefault, "JANE DOE 4111 1111 1111 1111", ""},
	{KindCard, redactDefault, "4111 1111 1111 1112", "**** **** **** ****"},
	{KindCard, redactDefault, "4111 1111 1111 1111 / 5500 0000 0000 0004", "**** **** **** **** / **** **** **** ****"},
	{KindCard, redactDefault, "1225 123", "**** ***"},
	{KindCard, redactDefault, "٤١١١ ١١١١ ١١١١ ١١١١", "**** **** **** ****"},
	{KindCard, redactDefault, "5500-0000-0000-0004", "5500-00**-****-0004"},

	// email: no local part, two addresses, a display name, a bare host.
	{KindEmail, redactDefault, "@example.com", ""},
	{KindEmail, redactDefault, "jane@localhost", ""},
	{KindEmail, redactDefault, "jane@1.2.3.4", ""},
	{KindEmail, redactDefault, "jane@example..com", ""},
	{KindEmail, redactDefault, "jane@.example.com", ""},
	{KindEmail, redactDefault, "jane doe@example.com", ""},
	{KindEmail, redactDefault, "jane@example.com (Jane Doe)", ""},
	{KindEmail, redactDefault, "jane@example.com; joe@example.org", ""},
	{KindEmail, redactDefault, "mailto:jane@example.com", ""},
	{KindEmail, redactDefault, "jane@[IPv6:2001:db8::1]", "***@[IPv6:2001:db8::1]"},

	// url: user info with '#', '/' or '?' in its password.
	{KindURL, redactDefault, "https://jane:p#ss@example.com/", ""},
	{KindURL, redactDefault, "https://jane:p/ss@example.com/", ""},
	{KindURL, redactDefault, "https://jane:p?ss@example.com/", ""},
	{KindURL, redactDefault, "https://jane:1234/x@example.com/", ""},
	{KindURL, redactDefault, "https://example.com\\@jane.example/", ""},
	{KindURL, redactDefault, "https://jane:p@ss@example.com/x", "https://example.com/"},
	{KindURL, redactDefault, "https://example.com:http/", ""},
	{KindURL, redactDefault, "https://example.com, https://jane.example/", ""},
	{KindURL, redactDefault, "http://203.0.113.42:8080/x", "http://203.0.113.0:8080/"},
	{KindURL, redactDefault, "http://[2002:cb00:712a::1]/", "http://[2002:cb00:7100::]/"},
	{KindURL, redactDefault, "http://[::ffff:203.0.113.42]/", ""},

	// ip: 6to4, CIDR, zones and ports.
	{KindIP, redactDefault, "2002:cb00:712a::1", "2002:cb00:7100::"},
	{KindIP, redactDefault, "2002:cb00:712a::203.0.113.42", "2002:cb00:7100::"},
	{KindIP, redactDefault, "[2002:cb00:712a::1]:443", "[2002:cb00:7100::]:443"},
	{KindIP, redactDefault, "203.0.113.42/32", "203.0.113.0/24"},
	{KindIP, redactDefault, "203.0.113.0/24", "203.0.113.0/24"},
	{KindIP, redactDefault, "10.1.2.3/8", "10.0.0.0/8"},
	{KindIP, redactDefault, "2001:db8::1/128", "2001:db8::/48"},
	{KindIP, redactDefault, "2002:cb00:712a::/48", "2002:cb00:7100::/40"},
	{KindIP, redactDefault, "::ffff:1.2.3.4/128", ""},
	{KindIP, redactDefault, "[fe80::1%eth0]:80", "[fe80::]:80"},
	{KindIP, redactDefault, "203.0.113.42:8443:1", ""},

	// govid and account: a word in the kept tail, too long for one identifier.
	{KindGovID, redactDefault, "123-45-6789 Jane", "***-**-**** ****"},
	{KindGovID, redactDefault, "123-45-6789 (Jane)", "***-**-**** (****)"},
	{KindGovID, redactDefault, "123-45-6789 Jo", "***-**-**** **"},
	{KindGovID, redactDefault, "12345678Z", "*****678Z"},
	{KindGovID, redactDefault, "RSSMRA85T10A562S", "************562S"},
	{KindAccount, redactDefault, "GB29 NWBK 6016 1331 9268 19", "**** **** **** **** **68 19"},
	{KindAccount, redactDefault, "DE89 3704 0044 0532 0130 00 / DE89 3704 0044 0532 0130 00", "**** **** **** **** **** ** / **** **** **** **** **** **"},
	{KindAccount, redactDefault, "jane.doe@example.com", "****.***@*******.***"},

	// postal: an address, a word before the code.
	{KindPostal, redactDefault, "Jane 94105", "**** *****"},
	{KindPostal, redactDefault, "1 Market St, San Francisco", "* ****** **, *** *********"},
	{KindPostal, redactDefault, "94105 94107", "941** *****"},
	{KindPostal, redactDefault, "941 05 12", "*** ** **"},
	{KindPostal, redactDefault, "94105-12345678", "*****-********"},
	{KindPostal, redactDefault, "D02 X285", "D02 ****"},

	// dob: not one date.
	{KindDOB, redactDefault, "1990-05-17 / 1985-01-02", ""},
	{KindDOB, redactDefault, "+1 415 555 2005", ""},
	{KindDOB, redactDefault, "Jane Doe 1990-05-17", ""},
	{KindDOB, redactDefault, "1990-05-17 Jane", ""},
	{KindDOB, redactDefault, "1990-13-17", ""},
	{KindDOB, redactDefault, "17/17/1990", ""},
	{KindDOB, redactDefault, "1990-05-17T25:00", ""},
	{KindDOB, redactDefault, "1990-05-17T08:30", "1990"},
	{KindDOB, redactDefault, "1990-05-17 08:30:00.123-05:00", "1990"},
	{KindDOB, redactDefault, "Sept. 17, 1990", "1990"},
	{KindDOB, redactDefault, "17 Maybe 1990", ""},

	// geo: not one pair of coordinates.
	{KindGeo, redactDefault, "37.7749,-122.4194,10", ""},
	{KindGeo, redactDefault, "37.7749,-122.4194 (home)", ""},

	// name: text, not a name.
	{KindName, redactDefault, "a b c d e f g h i j k l m", ""},
	{KindName, redactDefault, "José María de la Santísima Trinidad García López", "J. M. D. L. S. T. G. L."},
}

func TestMaskFailsClosed(t *testing.T) {
	for _, c := range maskClosedCases {
		t.Run(fmt.Sprintf("%v/%s", c.k, c.in), func(t *testing.T) {
			got := maskString(c.k, c.st, c.in, "")
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("maskString(%v, %d, %q) (-want +got):\n%s", c.k, c.st, c.in, diff)
			}
			if again := maskString(c.k, c.st, got, ""); again != got {
				t.Errorf("maskString(%v, %d, %q) = %q, not its own mask %q", c.k, c.st, c.in, got, again)
			}
		})
	}
}

// TestMask6to4Typed checks that the typed address masks hide the IPv4 address a 6to4
// address carries as the IPv4 mask would.
func TestMask6to4Typed(t *testing.T) {
	a := netip.MustParseAddr("2002:cb00:712a::1")
	want := netip.MustParseAddr("2002:cb00:7100::")
	if got := maskAddr(redactDefault, a); got != want {
		t.Errorf("maskAddr(%v) = %v, want %v", a, got, want)
	}
	ip := net.ParseIP("2002:cb00:712a::1")
	if got := maskIP(redactDefault, ip); !got.Equal(net.IP(want.AsSlice())) {
		t.Errorf("maskIP(2002:cb00:712a::1) = %v, want %v", got, want)
	}
}

// TestAppendMaskMatchesMaskString checks that appendMask appends what maskString
// returns, byte for byte, for every kind and strategy, after what dst already holds,
// and that maskBytes gives the same.
func TestAppendMaskMatchesMaskString(t *testing.T) {
	inputs := append(append([]string(nil), maskSamples...), maskFastSeeds...)
	for _, c := range append(append([]maskCase(nil), maskCases...), maskClosedCases...) {
		inputs = append(inputs, c.in, c.want)
	}
	for k := KindNone; k <= numKinds; k++ {
		for _, st := range append(maskStrategies, redactStrategy(99)) {
			for _, in := range inputs {
				want := maskString(k, st, in, "<p>")
				got := appendMask([]byte("prefix:"), k, st, in, "<p>")
				if diff := cmp.Diff("prefix:"+want, string(got)); diff != "" {
					t.Errorf("appendMask(%v, %d, %q) (-maskString +appendMask):\n%s", k, st, in, diff)
				}
				if b := maskBytes(k, st, []byte(in), "<p>"); string(b) != want {
					t.Errorf("maskBytes(%v, %d, %q) = %q, maskString %q", k, st, in, b, want)
				}
			}
		}
	}
}

// TestMaskInArena checks that the masked strings of a record share one buffer, give
// what maskString gives, stay intact while more are appended, and cost no allocation
// when the buffer has room.
func TestMaskInArena(t *testing.T) {
	values := []struct {
		k  Kind
		in string
	}{
		{KindPhone, "+1 (415) 555-1234"}, {KindEmail, "jane.doe@example.com"}, {KindName, "Jane Doe"},
		{KindIP, "203.0.113.42"}, {KindPostal, "94105"}, {KindDOB, "17/05/1990"},
		{KindPhone, "+1415555XXXX"}, {KindName, "J. D. "}, {KindSecret, "hunter2"},
	}
	arena := make([]byte, 0, 256)
	var got, want []string
	for _, v := range values {
		var s string
		s, arena = maskInArena(arena, v.k, redactDefault, v.in, "")
		got = append(got, s)
		want = append(want, maskString(v.k, redactDefault, v.in, ""))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("maskInArena (-maskString +maskInArena):\n%s", diff)
	}
	// Unchanged values and parts of the input take no room.
	if n := len("+1 (415) 555-XXXX***@example.comJ. D.203.0.113.0941**1990"); len(arena) != n {
		t.Errorf("arena holds %d bytes, want %d", len(arena), n)
	}
	if a := testing.AllocsPerRun(100, func() {
		buf := arena[:0]
		for _, v := range values {
			_, buf = maskInArena(buf, v.k, redactDefault, v.in, "")
		}
	}); a != 0 {
		t.Errorf("maskInArena: %v allocs per record, want 0", a)
	}
}
