package pii

import (
	"math"
	"net/netip"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestAnonGeneralizeValue(t *testing.T) {
	tests := []struct {
		kind   Kind
		value  string
		region string
		want   string
	}{
		{KindPhone, "+14155551234", "", "+1"},
		{KindPhone, "+44 20 7946 0958", "", "+44"},
		{KindPhone, "020 7946 0958", "GB", "+44"},
		{KindPhone, "(415) 555-1234", "", ""}, // no country code, no region: unknown
		{KindPhone, "not a number", "US", ""},
		{KindPhone, "+01", "US", ""}, // not a canonical calling code: not taken as generalised
		{KindPhone, "+044", "", ""},  // nor this
		{KindIP, "203.0.113.77", "", "203.0.113.0/24"},
		{KindIP, " 203.0.113.77 ", "", "203.0.113.0/24"},
		{KindIP, "203.0.113.77:8080", "", "203.0.113.0/24"},
		{KindIP, "2001:db8:85a3:1234::8a2e:370:7334", "", "2001:db8:85a3::/48"},
		{KindIP, "[2001:db8:85a3::1]:443", "", "2001:db8:85a3::/48"},
		{KindIP, "fe80::1%eth0", "", "fe80::/48"},
		{KindIP, "::ffff:198.51.100.9", "", "198.51.100.0/24"},
		{KindIP, "999.1.1.1", "", ""},
		{KindEmail, "Jane.Doe@Example.COM", "", "example.com"},
		{KindEmail, "a@b@mail.example.org", "", "mail.example.org"},
		{KindEmail, "jane@", "", ""},
		{KindEmail, "@example.com", "", ""},
		{KindEmail, "Jane <jane@example.com>", "", ""},
		{KindEmail, "jane@example..com", "", ""},
		{KindEmail, "jane@bücher.de", "", "bücher.de"},
		{KindDOB, "1990-05-17", "", "1990"},
		{KindDOB, "1990/5/7", "", "1990"},
		{KindDOB, "19900517", "", "1990"},
		{KindDOB, "05/17/1990", "", "1990"},
		{KindDOB, "17.05.1990", "", "1990"},
		{KindDOB, "1990", "", "1990"},
		{KindDOB, "1990-05-17T10:00:00+02:00", "", "1990"},
		{KindDOB, "13/13/1990", "", ""},
		{KindDOB, "19901399", "", ""},
		{KindDOB, "May 17, 1990", "", ""},
		{KindPostal, "94103", "", "941"},
		{KindPostal, "94103-1234", "", "941"},
		{KindPostal, " 10115 ", "", "101"},
		{KindPostal, "03601", "", "000"}, // small ZIP3 area under HIPAA
		{KindPostal, "89301", "", "000"},
		{KindPostal, "941", "", "941"}, // its own output: generalising twice changes nothing
		{KindPostal, "SW1A 1AA", "", ""},
		{KindPostal, "94103-", "", ""},
		{KindGeo, "37.7749,-122.4194", "", "37.8,-122.4"},
		{KindGeo, " 51.5074 , -0.0278 ", "", "51.5,0.0"},
		{KindGeo, "-0.04,0.04", "", "0.0,0.0"},
		{KindGeo, "91,0", "", ""},
		{KindGeo, "NaN,0", "", ""},
		{KindGeo, "37.7749", "", ""},
		{KindCard, "4111 1111 1111 1111", "", "1111"},
		{KindCard, "5500-0000-0000-0004", "", "0004"},
		{KindCard, "378282246310005", "", "0005"},
		{KindCard, "1234", "", "1234"}, // its own output
		{KindCard, "4111x1111111111111", "", ""},
		{KindGeneric, "anything", "", ""},
		{KindName, "Jane Doe", "", ""},
		{KindBody, "call me at +14155551234", "", ""},
		{KindAddress, "1 Market St", "", ""},
		{KindSecret, "hunter2", "", ""},
		{KindGovID, "078-05-1120", "", ""},
		{KindAccount, "DE89370400440532013000", "", ""},
		{KindDevice, "aa:bb:cc:dd:ee:ff", "", ""},
		{KindURL, "https://example.com/u/jane", "", ""},
		{KindHealth, "diabetes", "", ""},
		{KindBiometric, "voiceprint", "", ""},
		{KindNone, "x", "", ""},
		{KindDate, "2024-02-29T10:30:00Z", "", "2024"},
		{KindDate, "02/29/2024", "", "2024"},
		{KindDate, "2024", "", "2024"},
		{KindDate, "last week", "", ""},
		{KindAge, "42", "", "40-49"},
		{KindAge, " 7 ", "", "0-9"},
		{KindAge, "007", "", "0-9"},
		{KindAge, "97", "", "90+"},
		{KindAge, "123456789012345678901234567890", "", "90+"},
		{KindAge, "40-49", "", "40-49"},
		{KindAge, "90+", "", "90+"},
		{KindAge, "-3", "", ""},
		{KindAge, "forty", "", ""},
		{KindEthnicity, "Basque", "", ""},
		{KindGenetic, "rs4680 AG", "", ""},
		{KindChild, "Tim, 7", "", ""},
		{KindPhone, "", "", ""},
		{KindIP, "\xff\xfe", "", ""},
	}
	for _, tt := range tests {
		got := anonGeneralizeValue(tt.kind, tt.value, tt.region)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("anonGeneralizeValue(%v, %q, %q) (-want +got):\n%s", tt.kind, tt.value, tt.region, diff)
		}
	}
}

// PCI DSS Req. 3.4.1 lets a displayed card number show at most its BIN and last four. A
// card's redaction and its anonymisation must not be joinable into more: every digit the
// anonymised form shows is one the redacted form shows too.
func TestCardFormsNotJoinable(t *testing.T) {
	cards := []string{"4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004",
		"378282246310005", "6011000990139424", "4222222222222", "3530111333300000", "6304000000000000000",
		"123456789012"}
	shown := func(s string) map[int]byte { // digit position from the end -> digit
		m := map[int]byte{}
		n := 0
		for i := len(s) - 1; i >= 0; i-- {
			switch c := s[i]; {
			case '0' <= c && c <= '9':
				m[n] = c
				n++
			case c == '*' || c == 'X' || c == 'x':
				n++
			}
		}
		return m
	}
	for _, card := range cards {
		redacted := shown(maskString(KindCard, redactDefault, card, ""))
		anonymised := shown(anonGeneralizeValue(KindCard, card, ""))
		for pos, d := range anonymised {
			if redacted[pos] != d {
				t.Errorf("%s: the anonymised form shows digit %d from the end, which redaction hides", card, pos+1)
			}
		}
		digits := strings.Count(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return 'd'
			}
			return -1
		}, card), "d")
		if len(redacted) > 10 || (digits >= 13 && len(redacted) != 10) {
			t.Errorf("%s: redaction shows %d digits, want the first six and last four", card, len(redacted))
		}
	}
}

func TestAnonGeneralizeCoversEveryKind(t *testing.T) {
	// Every kind either has a generalisation or drops; none passes its value through.
	for _, k := range Kinds() {
		const v = "secret-value-1990-05-17-94103"
		if got := anonGeneralizeValue(k, v, "US"); strings.Contains(got, v) {
			t.Errorf("anonGeneralizeValue(%v) kept the value: %q", k, got)
		}
	}
}

func TestAnonGeneralizeTime(t *testing.T) {
	loc := time.FixedZone("UTC+2", 2*3600)
	tests := []struct {
		in, want time.Time
	}{
		{time.Date(1990, 5, 17, 13, 4, 5, 6, loc), time.Date(1990, 1, 1, 0, 0, 0, 0, loc)},
		{time.Date(2000, 12, 31, 23, 59, 59, 0, time.UTC), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		got := anonGeneralizeTime(KindDOB, tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("anonGeneralizeTime(%v) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestAnonAgeBand(t *testing.T) {
	tests := []struct {
		age  int
		want string
	}{
		{-1, ""}, {0, "0-9"}, {9, "0-9"}, {10, "10-19"}, {42, "40-49"},
		{89, "80-89"}, {90, "90+"}, {120, "90+"}, {math.MaxInt, "90+"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, AgeBand(tt.age)); diff != "" {
			t.Errorf("AgeBand(%d) (-want +got):\n%s", tt.age, diff)
		}
	}
}

// anonGeneralShapes says what a generalised value of each kind looks like.
var anonGeneralShapes = map[Kind]*regexp.Regexp{
	KindPhone:  regexp.MustCompile(`^\+[1-9][0-9]{0,2}$`),
	KindIP:     regexp.MustCompile(`^([0-9]+\.[0-9]+\.[0-9]+\.0/24|[0-9a-f:]+/48)$`),
	KindEmail:  regexp.MustCompile(`^[^@\s<>A-Z]+$`),
	KindDOB:    regexp.MustCompile(`^[0-9]{4}$`),
	KindDate:   regexp.MustCompile(`^[0-9]{4}$`),
	KindAge:    regexp.MustCompile(`^(0-9|[1-8]0-[1-8]9|90\+)$`),
	KindPostal: regexp.MustCompile(`^[0-9]{3}$`),
	KindGeo:    regexp.MustCompile(`^-?[0-9]{1,3}\.[0-9],-?[0-9]{1,3}\.[0-9]$`),
	KindCard:   regexp.MustCompile(`^[0-9]{4}$`),
}

func FuzzAnonGeneralizeValue(f *testing.F) {
	for _, s := range []string{"+14155551234", "203.0.113.7", "jane@example.com", "1990-05-17", "94103", "37.7,-122.4", "4111 1111 1111 1111"} {
		f.Add(uint8(KindPhone), s)
	}
	f.Fuzz(func(t *testing.T, kindByte uint8, value string) {
		kind := Kind(kindByte % uint8(numKinds))
		got := anonGeneralizeValue(kind, value, "US")
		if got == "" {
			return
		}
		shape, ok := anonGeneralShapes[kind]
		if !ok {
			t.Fatalf("anonGeneralizeValue(%v) = %q, want \"\" for a kind without generalisation", kind, got)
		}
		if !shape.MatchString(got) {
			t.Fatalf("anonGeneralizeValue(%v, %q) = %q, not of the form %s", kind, value, got, shape)
		}
		if kind == KindIP {
			if p, err := netip.ParsePrefix(got); err != nil || p != p.Masked() {
				t.Fatalf("anonGeneralizeValue(ip) = %q, not a masked prefix", got)
			}
		}
	})
}
