package pii

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestAnonNormalizeSpellings: spellings of one phone number, address or name that a
// person would take for the same are normalised alike, and so share a pseudonym.
func TestAnonNormalizeSpellings(t *testing.T) {
	tests := []struct {
		kind   Kind
		region string
		want   string
		in     []string
	}{
		{KindPhone, "US", "+14155552671", []string{
			"4155552671", "+1 415-555-2671", "(415) 555-2671", "1-415-555-2671", "415.555.2671",
			" +14155552671 ", "+1\u00a0415\u00a0555\u00a02671",
			"tel:+1-415-555-2671", "TEL:+1-415-555-2671", "tel:4155552671", "tel:4155552671;phone-context=+1",
			"＋１ ４１５ ５５５ ２６７１", "٤١٥٥٥٥٢٦٧١", "۴۱۵۵۵۵۲۶۷۱", "+१ ४१५ ५५५ २६७१", "๔๑๕๕๕๕๒๖๗๑",
			"𝟒𝟏𝟓𝟓𝟓𝟓𝟐𝟔𝟕𝟏", "+1\u200b415\u200b555\u200b2671", "415 555 2671\u200d", "\u00ad4155552671",
			"\u2066+14155552671\u2069", "\u200f+1 415 555 2671\u200e", "\ufeff4155552671", "+1 415 555 2671\ufe0f",
			"+1 415 555 2671 (cell)", "415-555-2671 home", "+1 415 555 2671 work",
			"sip:+14155552671@carrier.example;user=phone", "SIPS:+1-415-555-2671@carrier.example", "001 415 555 2671",
		}},
		{KindPhone, "US", "+14155552671;ext=12", []string{
			"4155552671x12", "+1 (415) 555-2671 ext. 12", "tel:+1-415-555-2671;ext=12", "415 555 2671\u200b ext 12",
		}},
		{KindPhone, "US", "+18003569377", []string{"1-800-FLOWERS", "+1 800 356 9377"}},
		{KindPhone, "GB", "+442079460958", []string{"020 7946 0958", "+44 (0)20 7946 0958", "+44 20 7946 0958", "tel:+44-20-7946-0958", "0044 20 7946 0958"}},
		{KindPhone, "US", "+442079460958", []string{"011 44 20 7946 0958", "0044 20 7946 0958", "+44 20 7946 0958"}},
		{KindPhone, "", "+442079460958", []string{"0044 20 7946 0958", "00 44 20 7946 0958", "+44 20 7946 0958", "sip:+442079460958@x.example"}},
		{KindPhone, "", "sip:1234@pbx.example", []string{"sip:1234@pbx.example", "SIP:1234@PBX.example "}},
		{KindEmail, "", "jane@example.com", []string{
			"jane@example.com", "Jane@Example.COM", "JANE@EXAMPLE.COM", " jane@example.com\t",
			"mailto:jane@example.com", "MAILTO:Jane@Example.com", "Mailto:jane@example.com?subject=Hello",
			"<jane@example.com>", "Jane Doe <jane@example.com>", "\"Doe, Jane\" <Jane@Example.com>", "<mailto:jane@example.com>",
			"jane@example.com.", "ｊａｎｅ@ｅｘａｍｐｌｅ．ｃｏｍ", "jane@example\u3002com",
			"jane@example.com\u200b", "\u200bjane@example.com", "j\u00adane@example.com", "\u2066jane@example.com\u2069",
			"mailto:%6Aane@example.com", "\"jane\"@example.com", "<\"Jane\"@example.com>",
		}},
		{KindEmail, "", "jane+news@example.com", []string{"mailto:jane%2Bnews@example.com", "Jane+News@example.com"}},
		{KindEmail, "", "jane@bücher.example", []string{"jane@xn--bcher-kva.example", "Jane@XN--BCHER-KVA.example", "jane@BÜCHER.example", "jane@bu\u0308cher.example"}},
		{KindEmail, "", "οδυσσευσ@example.gr", []string{"ΟΔΥΣΣΕΥΣ@example.gr", "οδυσσευς@example.gr"}},
		{KindEmail, "", "straße@example.de", []string{"STRAẞE@example.de", "Straße@Example.DE"}},
		{KindName, "", "jane doe", []string{
			"Jane Doe", " jane  DOE ", "Ｊａｎｅ Ｄｏｅ", "Jane\u00a0Doe", "Jane\u3000Doe", "Jane\u200b Doe", "\u115fJane Doe",
			"Ja\u00adne Doe", "\u202eJane Doe\u202c",
		}},
		{KindName, "", "葛城", []string{"葛\U000E0100城", "葛城"}},
		{KindAddress, "", "1 Main Street", []string{"1 Main Street ", "1 Main\u200b Street", "\ufeff1 Main Street"}},
	}
	for _, tt := range tests {
		for _, in := range tt.in {
			got := string(anonNormalize(nil, tt.kind, in, tt.region))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%v %q in %q (-want +got):\n%s", tt.kind, in, tt.region, diff)
			}
		}
	}
}

// TestAnonNormalizeKeepsApart: values that may belong to two people are never
// normalised alike: numbers a digit or an extension apart, addresses whose local parts
// differ in what a provider may tell apart, names written with a joiner that changes
// them, and invalid UTF-8.
func TestAnonNormalizeKeepsApart(t *testing.T) {
	tests := []struct {
		name   string
		kind   Kind
		region string
		a, b   string
	}{
		{"a digit apart", KindPhone, "US", "+1 415 555 2671", "+1 415 555 2672"},
		{"a digit more", KindPhone, "US", "+1 415 555 2671", "+1 415 555 26710"},
		{"Unicode digits a digit apart", KindPhone, "US", "٤١٥٥٥٥٢٦٧١", "٤١٥٥٥٥٢٦٧٢"},
		{"extension", KindPhone, "US", "+1 415 555 2671", "+1 415 555 2671 ext. 12"},
		{"two extensions", KindPhone, "US", "+1 415 555 2671 ext. 12", "+1 415 555 2671 ext. 13"},
		{"two numbers, one", KindPhone, "US", "4155552671 / 4155552672", "4155552671"},
		{"two numbers, the other", KindPhone, "US", "4155552671 / 4155552672", "4155552672"},
		{"another country", KindPhone, "", "+1 415 555 2671", "+44 415 555 2671"},
		{"vanity", KindPhone, "US", "1-800-FLOWERS", "1-800"},
		{"extensions of two exchanges", KindPhone, "US", "sip:1234@pbx-a.example", "sip:1234@pbx-b.example"},
		{"extension of an exchange", KindPhone, "US", "sip:1234@pbx-a.example", "ext. 1234"},
		{"no international prefix", KindPhone, "US", "0044 20 7946 0958", "44 20 7946 0958"},
		{"leading zero kept", KindPhone, "IT", "+39 06 1234 5678", "+39 6 1234 5678"},
		{"local part dots", KindEmail, "", "jane.doe@example.com", "janedoe@example.com"},
		{"local part tag", KindEmail, "", "jane+news@example.com", "jane@example.com"},
		{"local part sharp s", KindEmail, "", "straße@example.de", "strasse@example.de"},
		{"domain sharp s", KindEmail, "", "jane@straße.de", "jane@strasse.de"},
		{"domain final sigma", KindEmail, "", "jane@ς.example", "jane@σ.example"},
		{"subdomain", KindEmail, "", "jane@mail.example.com", "jane@example.com"},
		{"compatibility digit", KindEmail, "", "jane²@example.com", "jane2@example.com"},
		{"quoted space", KindEmail, "", "\"jane doe\"@example.com", "janedoe@example.com"},
		{"quoted dots", KindEmail, "", "\"jane..doe\"@example.com", "jane.doe@example.com"},
		{"two recipients", KindEmail, "", "mailto:jane@example.com,joe@example.com", "jane@example.com"},
		{"invalid UTF-8 email", KindEmail, "", "\xff@example.com", "\xfe@example.com"},
		{"invalid UTF-8 domain", KindEmail, "", "jane@\xff.com", "jane@\xfe.com"},
		{"bad punycode kept", KindEmail, "", "jane@xn--99999999999999.example", "jane@xn--.example"},
		{"Persian non-joiner", KindName, "", "می\u200cخواهم", "میخواهم"},
		{"Devanagari joiner", KindName, "", "क्\u200dष", "क्ष"},
		{"invalid UTF-8 name", KindName, "", "Jane \xff", "Jane \xfe"},
	}
	for _, tt := range tests {
		a := string(anonNormalize(nil, tt.kind, tt.a, tt.region))
		b := string(anonNormalize(nil, tt.kind, tt.b, tt.region))
		if a == b {
			t.Errorf("%s: %q and %q both normalise to %q", tt.name, tt.a, tt.b, a)
		}
	}
}

func TestAnonPunycodeLabel(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"xn--bcher-kva", "bücher", true},
		{"XN--BCHER-KVA", "bücher", true},
		{"xn--mnchen-3ya", "münchen", true},
		{"xn--zca", "ß", true},
		{"xn--wgv71a119e", "日本語", true}, // RFC 3492 section 7.1 style: no basic code points
		{"xn--ls8h", "💩", true},
		{"example", "", false},
		{"xn--", "", false},
		{"xn--bcher-kv", "", false},       // a digit sequence cut short
		{"xn--a-!", "", false},            // not a Punycode digit
		{"xn--99999999999999", "", false}, // overflows
		{"xn--\u00e9-kva", "", false},     // a basic part that is not ASCII
		{"xn--" + strings.Repeat("a", 300), "", false},
	}
	for _, tt := range tests {
		got, ok := anonPunycodeLabel(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("anonPunycodeLabel(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestAnonNormalizeASCIIAllocFree: the common case, ASCII input, allocates nothing.
func TestAnonNormalizeASCIIAllocFree(t *testing.T) {
	buf := make([]byte, 0, 128)
	for _, c := range []struct {
		kind  Kind
		value string
	}{
		{KindEmail, "Jane.Doe@Example.com"},
		{KindEmail, "mailto:jane@example.com?subject=x"},
		{KindEmail, "Jane <jane@example.com>"},
		{KindName, " Jane  Doe "},
		{KindAddress, "1 Main Street"},
	} {
		if n := testing.AllocsPerRun(50, func() { buf = anonNormalize(buf[:0], c.kind, c.value, "US") }); n != 0 {
			t.Errorf("%v %q: %v allocations", c.kind, c.value, n)
		}
	}
}

// FuzzAnonNormalize: normalisation never panics, keeps valid UTF-8 valid, and gives its
// own output back for emails and names, so that a pseudonym of a normalised value is
// the value's own.
func FuzzAnonNormalize(f *testing.F) {
	for _, s := range []string{"+1 (415) 555-2671 (cell)", "mailto:Jane%2B1@xn--bcher-kva.example.?x", "Jane\u200b Doe",
		"\u2066+1\u2069", "<>", "xn--", "٤١٥", "\xff\xfe", "a\u200c\u200db", "@", "mailto:%"} {
		f.Add(uint8(KindEmail), s, "US")
		f.Add(uint8(KindPhone), s, "GB")
	}
	f.Fuzz(func(t *testing.T, kindByte uint8, value, region string) {
		kind := Kind(kindByte % uint8(numKinds))
		got := anonNormalize(nil, kind, value, region)
		if utf8.ValidString(value) && !utf8.Valid(got) {
			t.Fatalf("%v %q normalised to invalid UTF-8 %q", kind, value, got)
		}
		if again := anonNormalize(nil, kind, string(got), region); (kind == KindEmail || kind == KindName) &&
			utf8.Valid(got) && string(again) != string(got) {
			t.Fatalf("%v %q: normalised %q, then %q", kind, value, got, again)
		}
	})
}

// FuzzAnonPunycodeLabel: decoding never panics, and what it decodes is valid UTF-8 that
// holds no dot, so a label never becomes two.
func FuzzAnonPunycodeLabel(f *testing.F) {
	for _, s := range []string{"xn--bcher-kva", "xn--wgv71a119e", "xn--ls8h", "xn--", "xn---", "xn--a-", "xn--99999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, label string) {
		got, ok := anonPunycodeLabel(label)
		if !ok {
			return
		}
		if !utf8.ValidString(got) || strings.ContainsAny(got, ".@") {
			t.Fatalf("anonPunycodeLabel(%q) = %q", label, got)
		}
	})
}

// TestAnonNormalizePhoneDigits: however a number is written, changing any one of its
// digits gives another normal form: a pseudonym never joins two numbers a digit apart.
func TestAnonNormalizePhoneDigits(t *testing.T) {
	numbers := []struct{ value, region string }{
		{"+1 (415) 555-2671", "US"}, {"415-555-2671 (cell)", "US"}, {"tel:+1-415-555-2671;ext=12", "US"},
		{"020 7946 0958", "GB"}, {"+44 (0)20 7946 0958", "GB"}, {"0044 20 7946 0958", "US"},
		{"+39 06 1234 5678", "IT"}, {"030 123456", "DE"}, {"sip:+14155552671@carrier.example", ""},
		{"٤١٥٥٥٥٢٦٧١", "US"}, {"1234", "US"}, {"sip:1234@pbx.example", "US"},
	}
	for _, n := range numbers {
		want := string(anonNormalize(nil, KindPhone, n.value, n.region))
		for i := 0; i < len(n.value); {
			r, size := utf8.DecodeRuneInString(n.value[i:])
			if d, ok := anonDigit(r); ok {
				for other := byte(0); other < 10; other++ {
					if other == d {
						continue
					}
					changed := n.value[:i] + string(rune('0'+other)) + n.value[i+size:]
					if got := string(anonNormalize(nil, KindPhone, changed, n.region)); got == want {
						t.Errorf("%q and %q (%s) both normalise to %q", n.value, changed, n.region, got)
					}
				}
			}
			i += size
		}
	}
}
