package pii

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// maskStrategies lists every strategy redact= can name, for tests that cover them all.
var maskStrategies = []redactStrategy{redactDefault, redactZero, redactReplace, redactInitials, redactLast4, redactScan}

type maskCase struct {
	k    Kind
	st   redactStrategy
	in   string
	want string
}

var maskCases = []maskCase{
	// generic and the kinds whose default keeps nothing.
	{KindGeneric, redactDefault, "anything at all", ""},
	{KindBody, redactDefault, "Call me at +1 415 555 1234", ""},
	{KindAddress, redactDefault, "1 Market St, San Francisco", ""},
	{KindDevice, redactDefault, "35-209900-176148-1", ""},
	{KindHealth, redactDefault, "type 2 diabetes", ""},
	{KindBiometric, redactDefault, "voiceprint:abc", ""},
	{KindNone, redactDefault, "unknown kind fails closed", ""},
	{Kind(200), redactDefault, "out of range kind fails closed", ""},

	// secret: nothing, whatever the strategy.
	{KindSecret, redactDefault, "hunter2", ""},
	{KindSecret, redactZero, "hunter2", ""},
	{KindSecret, redactReplace, "hunter2", ""},
	{KindSecret, redactInitials, "Hunter Two", ""},
	{KindSecret, redactLast4, "123456789", ""},
	{KindSecret, redactScan, "hunter2", ""},

	// phone.
	{KindPhone, redactDefault, "+14155551234", "+1415555XXXX"},
	{KindPhone, redactDefault, "+1 (415) 555-1234", "+1 (415) 555-XXXX"},
	{KindPhone, redactDefault, "+1 (415) 555-12 34", "+1 (415) 555-XX XX"},
	{KindPhone, redactDefault, "+44 20 7946 0018", "+44 20 7946 XXXX"},
	// No calling code starts with 0: not one number, every digit hidden (fast path and
	// general path alike).
	{KindPhone, redactDefault, "+0014155552671", "+XXXXXXXXXXXXX"},
	{KindPhone, redactDefault, "+0 014 155 552 671", "+X XXX XXX XXX XXX"},
	{KindPhone, redactDefault, "00014155552671", "XXXXXXXXXXXXXX"},
	{KindPhone, redactDefault, "0014155552671", "001415555XXXX"},
	{KindPhone, redactDefault, "+1415555XXXX", "+1415555XXXX"},
	{KindPhone, redactDefault, "+1415555xxxx", "+1415555xxxx"},
	{KindPhone, redactDefault, "+14155551xxx", "+1415555Xxxx"},
	{KindPhone, redactDefault, "911", "XXX"},
	{KindPhone, redactDefault, "1234", "XXXX"},
	{KindPhone, redactDefault, "tel:+1-415-555-1234", "tel:+1-415-555-XXXX"},
	{KindPhone, redactDefault, "+1 415 555 1234 ext. 567", "+1 415 555 XXXX ext. XXX"},
	{KindPhone, redactDefault, "+1 415 555 1234;ext=567", "+1 415 555 XXXX;ext=XXX"},
	{KindPhone, redactDefault, "+1 415 555 1234 x567", "+1 415 555 XXXX xXXX"},
	{KindPhone, redactDefault, "+14155551234x5", "+1415555XXXXxX"},
	{KindPhone, redactDefault, "+1 415 555 1234#99", "+1 415 555 XXXX#XX"},
	{KindPhone, redactDefault, "+1 415 555 1234, +1 415 555 9999", "+X XXX XXX XXXX, +X XXX XXX XXXX"},
	{KindPhone, redactDefault, "+1 415 555 1234,,99#", "+1 415 555 XXXX,,XX#"},
	{KindPhone, redactDefault, "+7 495 123-45-67 доб. 89", "+7 495 123-XX-XX доб. XX"},
	{KindPhone, redactDefault, "+20 ١٢٣ ٤٥٦ ٧٨٩٠", "+20 ١٢٣ ٤٥٦ XXXX"},
	{KindPhone, redactDefault, "+1 415 555 1234", "+1 415 555 XXXX"},
	{KindPhone, redactDefault, "no number", ""},
	{KindPhone, redactDefault, "jane1990@example.com", ""},
	{KindPhone, redactReplace, "+14155551234", "[REDACTED]"},
	{KindPhone, redactZero, "+14155551234", ""},
	{KindPhone, redactLast4, "+14155551234", "********1234"},
	{KindPhone, redactInitials, "+1 415 555 1234", ""},
	{KindPhone, redactScan, "+14155551234", "+1415555XXXX"},

	// email.
	{KindEmail, redactDefault, "jane.doe@example.com", "***@example.com"},
	{KindEmail, redactDefault, "***@example.com", "***@example.com"},
	{KindEmail, redactDefault, `"a@b"@example.com`, "***@example.com"},
	{KindEmail, redactDefault, "jane@bücher.example", "***@bücher.example"},
	{KindEmail, redactDefault, "jane@[192.0.2.1]", "***@[192.0.2.1]"},
	{KindEmail, redactDefault, "jane.doe", ""},
	{KindEmail, redactDefault, "jane@", ""},
	{KindEmail, redactDefault, "Jane <jane@example.com>", ""},
	{KindEmail, redactDefault, "jane@example.com, joe@example.com", ""},
	{KindEmail, redactInitials, "jane.doe@example.com", "J."},
	{KindEmail, redactLast4, "jane@example.com", "************.com"},
	{KindEmail, redactReplace, "jane@example.com", "[REDACTED]"},

	// name.
	{KindName, redactDefault, "Jane Doe", "J. D."},
	{KindName, redactDefault, "josé maría garcía", "J. M. G."},
	{KindName, redactDefault, "J. D.", "J. D."},
	{KindName, redactDefault, "Jean-Luc O'Neil", "J.-L. O."},
	{KindName, redactDefault, "J.-L. O.", "J.-L. O."},
	{KindName, redactDefault, "  Jane   Doe  ", "J. D."},
	{KindName, redactDefault, "J. D. ", "J. D."},
	{KindName, redactDefault, "élodie d'Artagnan", "É. D."},
	{KindName, redactDefault, "E\u0301mile Zola", "E\u0301. Z."},
	{KindName, redactDefault, "Ιωάννης Παπαδόπουλος", "Ι. Π."},
	{KindName, redactDefault, "Сергей Иванов", "С. И."},
	{KindName, redactDefault, "山田太郎", "山."},
	{KindName, redactDefault, "Doe, Jane (Dr)", "D. J. D."},
	{KindName, redactDefault, "Jane Doe 3rd", "J. D."},
	{KindName, redactDefault, "a b", "A. B."},
	{KindName, redactDefault, "--- 42", ""},
	{KindName, redactReplace, "Jane Doe", "[REDACTED]"},
	{KindName, redactZero, "Jane Doe", ""},
	{KindName, redactLast4, "Jane Doe", "**** Doe"},
	{KindName, redactLast4, "José", "****"},
	{KindName, redactInitials, "Jane Doe", "J. D."},

	// ip.
	{KindIP, redactDefault, "203.0.113.42", "203.0.113.0"},
	{KindIP, redactDefault, "203.0.113.0", "203.0.113.0"},
	{KindIP, redactDefault, "2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::"},
	{KindIP, redactDefault, "2001:db8:85a3::", "2001:db8:85a3::"},
	{KindIP, redactDefault, "::ffff:203.0.113.42", "203.0.113.0"},
	{KindIP, redactDefault, "fe80::1%eth0", "fe80::"},
	{KindIP, redactDefault, "203.0.113.42:8443", "203.0.113.0:8443"},
	{KindIP, redactDefault, "[2001:db8::1]:443", "[2001:db8::]:443"},
	{KindIP, redactDefault, "203.0.113.42, 10.0.0.1", ""},
	{KindIP, redactDefault, "example.com", ""},
	{KindIP, redactDefault, "203.0.113.042", ""},
	{KindIP, redactLast4, "203.0.113.42", "********3.42"},

	// card.
	{KindCard, redactDefault, "4111 1111 1111 1111", "4111 11** **** 1111"},
	{KindCard, redactDefault, "4111111111111111", "411111******1111"},
	{KindCard, redactDefault, "4111-1111-1111-1111", "4111-11**-****-1111"},
	{KindCard, redactDefault, "4111 11** **** 1111", "4111 11** **** 1111"},
	{KindCard, redactDefault, "XXXX XXXX XXXX 1111", "XXXX XXXX XXXX 1111"},
	{KindCard, redactDefault, "3782 822463 10005", "3782 82**** *0005"},
	{KindCard, redactDefault, "123456789012", "************"},
	{KindCard, redactDefault, "123456789015", "********9015"},
	{KindCard, redactDefault, "1234", "****"},
	{KindCard, redactDefault, "Visa", ""},
	{KindCard, redactLast4, "4111 1111 1111 1111", "***************1111"},
	{KindCard, redactInitials, "4111 1111 1111 1111", ""},

	// postal.
	{KindPostal, redactDefault, "94105", "941**"},
	{KindPostal, redactDefault, "94105-1234", "941**-****"},
	{KindPostal, redactDefault, "941**", "941**"},
	{KindPostal, redactDefault, "SW1A 1AA", "SW1* ***"},
	{KindPostal, redactDefault, "K1A 0B1", "K1A ***"},
	{KindPostal, redactDefault, "03601", "000**"},
	{KindPostal, redactDefault, "89012-3456", "000**-****"},
	{KindPostal, redactDefault, "000**", "000**"},
	{KindPostal, redactDefault, "10115", "101**"},
	{KindPostal, redactDefault, "941", "941"},

	// dob.
	{KindDOB, redactDefault, "1990-05-17", "1990"},
	{KindDOB, redactDefault, "17/05/1990", "1990"},
	{KindDOB, redactDefault, "05/17/1990", "1990"},
	{KindDOB, redactDefault, "17.05.1990", "1990"},
	{KindDOB, redactDefault, "May 17, 1990", "1990"},
	{KindDOB, redactDefault, "17 May 1990", "1990"},
	{KindDOB, redactDefault, "1990-05-17T08:30:00+0100", "1990"},
	{KindDOB, redactDefault, "19900517", "1990"},
	{KindDOB, redactDefault, "1990", "1990"},
	{KindDOB, redactDefault, "17/05/90", ""},
	{KindDOB, redactDefault, "seventeenth of May", ""},
	{KindDOB, redactDefault, "19901317", ""},

	// geo.
	{KindGeo, redactDefault, "37.7749,-122.4194", "37.8,-122.4"},
	{KindGeo, redactDefault, "37.7749, -122.4194", "37.8,-122.4"},
	{KindGeo, redactDefault, "37.8,-122.4", "37.8,-122.4"},
	{KindGeo, redactDefault, "-0.04,0.04", "0.0,0.0"},
	{KindGeo, redactDefault, "89.99,179.99", "90.0,180.0"},
	{KindGeo, redactDefault, "91,0", ""},
	{KindGeo, redactDefault, "0,181", ""},
	{KindGeo, redactDefault, "NaN,0", ""},
	{KindGeo, redactDefault, "37.7749", ""},
	{KindGeo, redactDefault, "somewhere", ""},

	// govid and account.
	{KindGovID, redactDefault, "123-45-6789", "***-**-6789"},
	{KindGovID, redactDefault, "***-**-6789", "***-**-6789"},
	{KindGovID, redactDefault, "AB1234567", "*****4567"},
	{KindGovID, redactDefault, "QQ 12 34 56 C", "** ** *4 56 C"},
	{KindGovID, redactDefault, "1234", "****"},
	{KindAccount, redactDefault, "DE89370400440532013000", "******************3000"},
	{KindAccount, redactDefault, "DE89 3704 0044 0532 0130 00", "**** **** **** **** **30 00"},
	{KindAccount, redactDefault, "******************3000", "******************3000"},
	{KindAccount, redactLast4, "DE89 3704", "*****3704"},

	// url.
	{KindURL, redactDefault, "https://jane:pw@example.com/u/jane?x=1", "https://example.com/"},
	{KindURL, redactDefault, "https://example.com/", "https://example.com/"},
	{KindURL, redactDefault, "https://example.com", "https://example.com/"},
	{KindURL, redactDefault, "http://example.com:8080/path#frag", "http://example.com:8080/"},
	{KindURL, redactDefault, "https://[2001:db8::1]:443/x", "https://[2001:db8::]:443/"},
	{KindURL, redactDefault, "https://bücher.example/jane", "https://bücher.example/"},
	{KindURL, redactDefault, "https://example.com?q=jane", "https://example.com/"},
	{KindURL, redactDefault, "mailto:jane@example.com", ""},
	{KindURL, redactDefault, "/u/jane", ""},
	{KindURL, redactDefault, "https:///jane", ""},
	{KindURL, redactDefault, "https://exa mple.com/", ""},
	{KindURL, redactDefault, "1http://example.com/", ""},

	// strategies for any kind.
	{KindGeneric, redactZero, "value", ""},
	{KindGeneric, redactReplace, "value", "[REDACTED]"},
	{KindGeneric, redactInitials, "some value", "S. V."},
	{KindGeneric, redactLast4, "abcdefgh", "****efgh"},
	{KindGeneric, redactLast4, "abcd", "****"},
	{KindGeneric, redactLast4, "ab", "**"},
	{KindGeneric, redactLast4, "****efgh", "****efgh"},
	{KindBody, redactScan, "Call me at +1 415 555 1234", ""},
	{KindBody, redactStrategy(99), "unknown strategy fails closed", ""},
	{KindPhone, redactStrategy(99), "+14155551234", ""},

	// empty stays empty, under every strategy.
	{KindPhone, redactDefault, "", ""},
	{KindName, redactReplace, "", ""},
	{KindCard, redactLast4, "", ""},
}

func TestMaskString(t *testing.T) {
	for _, c := range maskCases {
		t.Run(fmt.Sprintf("%v/%d/%s", c.k, c.st, c.in), func(t *testing.T) {
			got := maskString(c.k, c.st, c.in, "")
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("maskString(%v, %d, %q) (-want +got):\n%s", c.k, c.st, c.in, diff)
			}
		})
	}
}

func TestMaskStringPlaceholder(t *testing.T) {
	tests := []struct {
		k           Kind
		placeholder string
		want        string
	}{
		{KindPhone, "", "[REDACTED]"},
		{KindPhone, "<phone>", "<phone>"},
		{KindName, "***", "***"},
		{KindSecret, "<secret>", ""},
	}
	for _, tt := range tests {
		got := maskString(tt.k, redactReplace, "value 1234", tt.placeholder)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("maskString(%v, replace, %q) (-want +got):\n%s", tt.k, tt.placeholder, diff)
		}
	}
}

// maskSamples are inputs of every shape, for properties checked over every kind and
// strategy.
var maskSamples = []string{
	"", "a", "Jane Doe", "+1 (415) 555-1234", "+14155551234 x12", "4111 1111 1111 1111",
	"jane.doe@example.com", "203.0.113.42", "2001:db8::1", "1990-05-17", "37.7749,-122.4194",
	"123-45-6789", "DE89370400440532013000", "https://jane@example.com/x", "SW1A 1AA",
	"山田太郎", "E\u0301mile", "\xff\xfe bad utf8 123456", "x", "X-1-x", "***", "[REDACTED]",
	"ǆemal ǅ ß ﬁ", "٠١٢٣٤٥٦٧٨٩", "１２３４５６７８", "a-b-c d'e", " \t\n",
}

// TestMaskIdempotent checks mask(mask(s)) == mask(s) for every kind and strategy, over
// the table's inputs and outputs and over the samples.
func TestMaskIdempotent(t *testing.T) {
	inputs := append([]string(nil), maskSamples...)
	for _, c := range maskCases {
		inputs = append(inputs, c.in, c.want)
	}
	for k := KindNone; k < numKinds; k++ {
		for _, st := range maskStrategies {
			for _, in := range inputs {
				once := maskString(k, st, in, "")
				twice := maskString(k, st, once, "")
				if diff := cmp.Diff(once, twice); diff != "" {
					t.Errorf("%v/%d: mask(%q) = %q is not its own mask (-once +twice):\n%s", k, st, in, once, diff)
				}
			}
		}
	}
}

// TestMaskBytes checks that maskBytes agrees with maskString and redacts in place when
// the result fits.
func TestMaskBytes(t *testing.T) {
	for _, c := range maskCases {
		b := []byte(c.in)
		orig := b
		got := maskBytes(c.k, c.st, b, "")
		want := []byte(c.want)
		if c.want == "" {
			want = nil
			if c.in == "" {
				want = []byte{}
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("maskBytes(%v, %d, %q) (-want +got):\n%s", c.k, c.st, c.in, diff)
		}
		if len(got) > 0 && len(got) <= len(orig) && &got[0] != &orig[0] {
			t.Errorf("maskBytes(%v, %d, %q) did not reuse the input", c.k, c.st, c.in)
		}
	}
}

func TestMaskBytesWipes(t *testing.T) {
	b := []byte("hunter2")
	if got := maskBytes(KindSecret, redactDefault, b, ""); got != nil {
		t.Errorf("maskBytes(secret) = %q, want nil", got)
	}
	if diff := cmp.Diff(make([]byte, 7), b); diff != "" {
		t.Errorf("secret bytes not wiped (-want +got):\n%s", diff)
	}
	// A shorter result clears the tail of the slice it no longer uses.
	b = []byte("jane.doe.smith@example.com")
	got := maskBytes(KindEmail, redactDefault, b, "")
	if diff := cmp.Diff("***@example.com", string(got)); diff != "" {
		t.Errorf("maskBytes(email) (-want +got):\n%s", diff)
	}
	if tail := b[len(got):]; strings.Trim(string(tail), "\x00") != "" {
		t.Errorf("tail not cleared: %q", tail)
	}
}

// TestMaskKeepsNothing holds maskKeepsNothing to appendMaskDefault: a kind it reports
// gets nothing for every sample and every table input, and every other kind keeps
// something of some sample.
func TestMaskKeepsNothing(t *testing.T) {
	inputs := append([]string(nil), maskSamples...)
	for _, c := range maskCases {
		inputs = append(inputs, c.in)
	}
	for k := KindNone; k < numKinds+2; k++ {
		kept := false
		for _, in := range inputs {
			if len(appendMaskDefault(nil, k, in)) > 0 {
				kept = true
				if maskKeepsNothing(k) {
					t.Errorf("%v: maskKeepsNothing, but the mask of %q keeps %q", k, in, appendMaskDefault(nil, k, in))
				}
			}
		}
		if !kept && !maskKeepsNothing(k) {
			t.Errorf("%v: no sample keeps anything, but maskKeepsNothing says it may", k)
		}
	}
}
