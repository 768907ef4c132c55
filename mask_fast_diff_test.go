package pii

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A maskFastPath pairs an ASCII fast path with the general code it shortcuts, the
// oracle: the fast path must give the general path's bytes whenever it answers, and the
// public mask (appendMask) must give them always.
type maskFastPath struct {
	name    string
	kind    Kind
	fast    func(dst []byte, s string) ([]byte, bool)
	general func(dst []byte, s string) []byte
	// inputs at the edges of the fast path's shape, and shapes it must answer for.
	edges, answers []string
}

var maskFastPaths = []maskFastPath{
	{
		name: "phone", kind: KindPhone, fast: maskFastPhone, general: maskAppendPhoneGeneral,
		edges: maskFastPhoneEdges(),
		answers: []string{
			"+14155552671", "+442079460958", "14155552671", "+1 (415) 555-1234", "+1415555XXXX",
			"415-555-1234", "+44 (0)20 7946 0018", "004420794600018", "+861012345678", "12345",
			"+1", "+12", // too short for a number: every digit masked
		},
	},
	{
		name: "email", kind: KindEmail, fast: maskFastEmail, general: maskAppendEmailGeneral,
		edges: []string{
			"", "@", "a@", "@b.c", "a@b", "a@b.c", "a@b.", "a@.b", "a@b..c", "a@b..c.d", "a@x..y.com", "a@.b.c", "a@b.c.",
			"a@b.1", "a@1.b", "a@1.2", "a@1.2b", "a@b-.c", "a@-b.c", "a@b_c.d_e", "a@b.c-",
			"a@b.c_", "a@@b.c", "a@b@c.d", "a@b.c@", "@@", "a.@b.c", ".a@b.c", "a..b@c.d",
			"\"a\"@b.c", "\"a@b\"@c.d", "\"\"@b.c", "a b@c.d", "a@b c.d", "a@[1.2.3.4]",
			"a@[IPv6:::1]", "a@b.c]", "A.B+C@EXAMPLE.COM", "!#$%&'*+-/=?^_`{|}~.@x.y",
			"a(b)@c.d", "a,b@c.d", "a:b@c.d", "a;b@c.d", "a<b>@c.d", "a[b]@c.d", "a\\b@c.d",
			"jane@bücher.example", "jané@b.c", "a@b.c\xff", "\xffa@b.c", "a@b.c\n", "a@b.c ",
			" a@b.c", "a@b.\u0441om", "a\x00@b.c", "a@b\x00.c", "a@b.c\x7f", "a\x7f@b.c",
			"x@" + strings.Repeat("a.", 40) + "com", strings.Repeat("x", 70) + "@a.b",
			"***@example.com", "maria.okafor@example.com", "a@0.0.0.a", "a@_.-", "a@-.1",
		},
		answers: []string{"maria.okafor@example.com", "jane.doe@example.com", "***@example.com", "a@b.c", "a@b_c.d_e"},
	},
	{
		name: "initials", kind: KindName, fast: maskFastInitials, general: maskAppendInitialsGeneral,
		edges: []string{
			"", " ", "a", "A", "-", "--a", "a-", "a-b", "a--b", "-a-b-", "a - b", "a -b", "a- b",
			"1", "1a", "a1", "1-a", "a-1", "1 a", "a 1", "(a)", "'a", "a'b", "o'neil", ".a", "a.b",
			"J. D.", "J.-L. O.", "jean-luc o'neil", "a\tb\nc\vd\fe\rf", "a\x00b", "\x00a",
			"a\x7fb", "\x1fa", "Maria Okafor", "Jane Doe", "  j  d  ", "jane\u00a0doe",
			"jane\u0085doe", "e\u0301mile", "a\u0301", "josé maría garcía", "ıstanbul", "a\xff",
			"\xffa", "a b\xff", "a b c d e f g h i j k l", "a b c d e f g h i j k l m",
			"a b c d e f g h i j k l m\xff", "a b c d e f g h i j k l 1 m", "a b c d e f g h i j k l -",
			"a-b-c-d-e-f-g-h-i-j-k-l-m-n", "1 2 3 4 5 6 7 8 9 10 11 12 13 14", "zZ aA", "@ #",
			"_a _b", "a_b", "~a", "a~b c",
		},
		answers: []string{"Maria Okafor", "Jane Doe", "J. D.", "jean-luc o'neil", "", "a b c d e f g h i j k l m"},
	},
	{
		name: "ip", kind: KindIP, fast: maskFastIP, general: maskAppendIPGeneral,
		edges: append(maskFastIPEdges(),
			"", "1", "1.2.3", "1.2.3.4", "0.0.0.0", "255.255.255.255", "256.1.1.1", "1.256.1.1",
			"1.1.1.256", "1.2.3.25", "1.2.3.255", "1.2.3.260", "1.2.3.300", "1.2.3.999",
			"199.199.199.199", "249.249.249.249", "250.250.250.250", "1.2.3.04", "01.2.3.4",
			"1.02.3.4", "1.2.3.00", "1.2.3.0", "00.0.0.0", "1.2.3.4.5", "1..2.3", "1.2.3.",
			".1.2.3", "1.2.3.4.", "1.2.3.1234", "1234.1.1.1", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4:80",
			"1.2.3.4/24", "1.2.3.4%eth0", "::ffff:1.2.3.4", "1.2.3.-4", "1.2.3.+4", "1.2.3.4\xff",
			"1.2.3.٤", "1.2.3.a", "a.b.c.d", "1/2.3.4", "1.2.3.4\x00", "203.0.113.42", "203.0.113.0",
			"10.0.0.1", "100.100.100.100", "1.2.3.4.5.6.7.8", "12345678", "1.2.34", "1.2..34",
			"2001:db8::1", "1.2.3.4:0443", "10.20.30.", "255.255.255.", "1.2.3..", "100.200.30",
		),
		answers: []string{"203.0.113.42", "203.0.113.0", "0.0.0.0", "255.255.255.255", "1.2.3.4", "10.0.0.1"},
	},
}

// maskFastIPEdges returns addresses of 7 to 15 bytes with each byte in turn replaced
// by one next to the digits and the dot ('-' and '/' below, ':' to '?' above), by a
// dot, a digit, and bytes whose arithmetic carries.
func maskFastIPEdges() []string {
	var in []string
	for _, a := range []string{"1.2.3.4", "10.2.3.4", "10.20.3.4", "10.20.30.4", "10.20.30.40", "100.20.30.40", "100.200.30.40", "100.200.255.40", "100.200.255.250"} {
		for i := range len(a) {
			for _, c := range []byte("-/:;<=>?.0\x00\x7f\x80\xae\xff") {
				in = append(in, a[:i]+string([]byte{c})+a[i+1:])
			}
		}
	}
	return in
}

// maskFastPhoneEdges returns phone numbers at the edges of maskFastPhone: every length
// of digits from 1 to 20, with and without '+' and "00", under calling codes that exist
// and that do not, with trunk zeros; then separators, 'X', prefixes and other scripts.
func maskFastPhoneEdges() []string {
	var in []string
	for _, head := range []string{"1", "44", "440", "4420", "0", "00", "001", "0044", "000", "999", "99", "7", "86", "380", "1246", "35", "1684", "69", "882", "979", "8"} {
		for n := 1; n <= 20; n++ {
			d := head + strings.Repeat("5", max(n-len(head), 0))
			in = append(in, d, "+"+d, "++"+d, d+"+")
		}
	}
	// A byte that is not a digit at each place of a long number, and the bytes next
	// to the digits ('/' below, ':' to '?' above).
	long := "+14155552671234567"
	for i := 1; i < len(long); i++ {
		for _, c := range "/:;<=>? X" {
			in = append(in, long[:i]+string(c)+long[i+1:], long[1:i]+string(c)+long[i+1:])
		}
	}
	return append(in,
		"", "+", "+0", "+1", "+00", "X", "+X", "XXXX", "+1415555XXXX", "+14155552671X",
		"+1415555267X", "X4155552671", "x4155552671", "+14155552671 ", " +14155552671",
		"+1 415 555 2671", "+1-415-555-2671", "+1.415.555.2671", "+1(415)5552671",
		"+1/415/5552671", "+1 415 555 2671 x12", "+14155552671;ext=12", "+14155552671,12",
		"+14155552671#12", "tel:+14155552671", "+1415555267١", "+١٤١٥٥٥٥٢٦٧١", "+14155552671\xff",
		"\xff+14155552671", "+1415555\x002671", "+14155552671\n", "+1\t4155552671", "1415555267a",
		"a1415555267", "+14155552671@", "+1 (415) 555-1234", "(415) 555-1234", "415-555-1234",
		"+44 (0)20 7946 0018", "+442079460958", "+4402079460958", "004402079460958",
		"+14155552671+", "+1 +4155552671", "0123456789012345", "01234567890123456",
		"12345678901234567890", "+123456789012345678", "+1234567890123456789",
		"/14155552671", "+1 415 555 1234 ext. 12", "+1 415 555 1234 доб. 12", "--------",
		"((((((((", "+-------", "12345678", "1234567", "123456789", "+12345678", "+1234567",
	)
}

// TestMaskFastPathsAgree checks every fast path against its general path on its edges
// and the shared seeds: the same bytes appended after a prefix, the public mask the
// same too, and an answer from the fast path for the shapes it exists for.
func TestMaskFastPathsAgree(t *testing.T) {
	for _, p := range maskFastPaths {
		t.Run(p.name, func(t *testing.T) {
			ins := append(append(append([]string{}, p.edges...), maskFastSeeds...), maskSamples...)
			for _, in := range append(ins, p.answers...) {
				maskCheckFastPath(t, p, in)
			}
			for _, in := range p.answers {
				if _, fast := p.fast(nil, in); !fast {
					t.Errorf("%s fast path left %q to the general path", p.name, in)
				}
			}
		})
	}
}

// maskCheckFastPath fails t when, for in, the fast path p or the public mask differs
// from the general path.
func maskCheckFastPath(t *testing.T, p maskFastPath, in string) {
	t.Helper()
	const pre = "pre"
	want := string(p.general([]byte(pre), in))
	// A buffer with room and stale bytes after its length, as an arena is.
	buf := append(make([]byte, 0, 256), pre...)
	copy(buf[len(pre):cap(buf)], strings.Repeat("#", 253))
	got, fast := p.fast(buf, in)
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("%s(%q), fast path answered %v (-general +fast):\n%s", p.name, in, fast, diff)
	}
	if diff := cmp.Diff(want, string(appendMask([]byte(pre), p.kind, redactDefault, in, ""))); diff != "" {
		t.Errorf("%s(%q): appendMask (-general +appendMask):\n%s", p.name, in, diff)
	}
	if diff := cmp.Diff(want[len(pre):], maskString(p.kind, redactDefault, in, "")); diff != "" {
		t.Errorf("%s(%q): maskString (-general +maskString):\n%s", p.name, in, diff)
	}
}

// TestMaskDigitsLengthOK checks maskDigitsLengthOK against maskPhoneLengthOK, the check
// it stands for, on every three digits after '+', after "00" and alone, followed by a
// trunk '0' or another digit, at every length from 8 to 20 digits.
func TestMaskDigitsLengthOK(t *testing.T) {
	for p := range 1000 {
		for _, next := range []string{"0", "5"} {
			for n := 8; n <= 20; n++ {
				for _, intl := range []string{"+", "00", ""} {
					d := fmt.Sprintf("%s%03d%s", strings.TrimPrefix(intl, "+"), p, next)
					d += strings.Repeat("7", max(n-len(d), 0))
					plus := intl == "+"
					var head [6]byte
					copy(head[:], d)
					if got, want := maskDigitsLengthOK(d, plus), maskPhoneLengthOK(head, len(d), plus); got != want {
						t.Fatalf("%q (plus %v): maskDigitsLengthOK %v, maskPhoneLengthOK %v", d, plus, got, want)
					}
				}
			}
		}
	}
}

// maskFuzzFastPath is the body of the fast paths' fuzz targets.
func maskFuzzFastPath(f *testing.F, name string) {
	var p maskFastPath
	for _, q := range maskFastPaths {
		if q.name == name {
			p = q
		}
	}
	for _, in := range append(append(append([]string{}, p.edges...), p.answers...), maskFastSeeds...) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) { maskCheckFastPath(t, p, in) })
}

func FuzzMaskFastPhone(f *testing.F)    { maskFuzzFastPath(f, "phone") }
func FuzzMaskFastEmail(f *testing.F)    { maskFuzzFastPath(f, "email") }
func FuzzMaskFastInitials(f *testing.F) { maskFuzzFastPath(f, "initials") }
func FuzzMaskFastIP(f *testing.F)       { maskFuzzFastPath(f, "ip") }
