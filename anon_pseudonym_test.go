package pii

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// anonTestKey is the fixed key of the golden pseudonyms below.
var anonTestKey = []byte("pii-test-key-0123456789abcdef")

func anonTestKeyring(t testing.TB, key []byte) *anonKeyring {
	t.Helper()
	k, err := newAnonKeyring(key)
	if err != nil {
		t.Fatalf("newAnonKeyring: %v", err)
	}
	return k
}

func TestNewAnonKeyringErrors(t *testing.T) {
	tests := []struct {
		name string
		key  []byte
		want error
	}{
		{"nil", nil, ErrNoKey},
		{"empty", []byte{}, ErrNoKey},
		{"15 bytes", []byte("0123456789abcde"), ErrShortKey},
		{"16 bytes", []byte("0123456789abcdef"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newAnonKeyring(tt.key)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("newAnonKeyring(%d bytes) = %v, want %v", len(tt.key), err, tt.want)
			}
		})
	}
}

func TestAnonKeyringCopiesKey(t *testing.T) {
	key := append([]byte(nil), anonTestKey...)
	k := anonTestKeyring(t, key)
	before := k.pseudonym(KindPhone, "+14155551234", "")
	for i := range key {
		key[i] = 0 // the caller wipes its key
	}
	if diff := cmp.Diff(before, k.pseudonym(KindPhone, "+14155551234", "")); diff != "" {
		t.Errorf("pseudonym changed after the caller's key slice was wiped (-before +after):\n%s", diff)
	}
}

// TestAnonPseudonymGolden pins the token format: a change here breaks every stored pseudonym.
func TestAnonPseudonymGolden(t *testing.T) {
	k := anonTestKeyring(t, anonTestKey)
	tests := []struct {
		kind  Kind
		value string
		want  string
	}{
		{KindPhone, "+14155551234", "phone:k18cbffaf:2w4ykw7i3rcgv4wreavfzdfmr4"},
		{KindEmail, "jane@example.com", "email:k18cbffaf:t64hvehvkzadzojf7tred6jmkq"},
		{KindName, "Jane Doe", "name:k18cbffaf:e366sdadlmetpzelp5b6uwziq4"},
		{KindGeneric, "x", "generic:k18cbffaf:5lvupngjvjf2pff3djsaf5riny"},
		{KindIP, "203.0.113.7", "ip:k18cbffaf:2pxlj6naucjdngybwwmz74uioy"},
		{KindDevice, "AA:BB:CC:DD:EE:FF", "device:k18cbffaf:luxznt3zdzsvqndd6cogscv2le"},
		{KindPhone, "", ""},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, k.pseudonym(tt.kind, tt.value, "US")); diff != "" {
			t.Errorf("pseudonym(%v, %q) (-want +got):\n%s", tt.kind, tt.value, diff)
		}
	}
}

// TestAnonPseudonymSpec recomputes a token from its documented definition.
func TestAnonPseudonymSpec(t *testing.T) {
	k := anonTestKeyring(t, anonTestKey)
	id := hmac.New(sha256.New, anonTestKey)
	id.Write([]byte("pii/key-id"))
	mac := hmac.New(sha256.New, anonTestKey)
	mac.Write([]byte("email\x00jane@example.com"))
	want := "email:k" + strings.ToLower(string(anonHex(id.Sum(nil)[:4]))) + ":" +
		anonB32.EncodeToString(mac.Sum(nil)[:16])
	if diff := cmp.Diff(want, k.pseudonym(KindEmail, " JANE@Example.COM", "")); diff != "" {
		t.Errorf("token differs from its definition (-want +got):\n%s", diff)
	}
}

func anonHex(b []byte) []byte {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return out
}

func TestAnonPseudonymNormalization(t *testing.T) {
	k := anonTestKeyring(t, anonTestKey)
	tests := []struct {
		name   string
		kind   Kind
		a, b   string
		region string
	}{
		{"phone formatting", KindPhone, "+1 (415) 555-1234", "+14155551234", ""},
		{"phone national in region", KindPhone, "(415) 555-1234", "+14155551234", "US"},
		{"phone region lower case", KindPhone, "415-555-1234", "+14155551234", "us"},
		{"phone full-width digits", KindPhone, "＋１ ４１５ ５５５ １２３４", "+14155551234", ""},
		{"phone UK trunk zero", KindPhone, "+44 (0)20 7946 0958", "+442079460958", ""},
		{"phone unparsable keeps digits", KindPhone, "ext. 12", "12", ""},
		{"email case and space", KindEmail, "JANE@Example.COM ", "jane@example.com", ""},
		{"email full width", KindEmail, "ｊａｎｅ@ｅｘａｍｐｌｅ.ｃｏｍ", "jane@example.com", ""},
		{"name full width", KindName, "Ｊａｎｅ", "jane", ""},
		{"name spaces", KindName, "  Jane \t\n Doe  ", "jane doe", ""},
		{"name ideographic space", KindName, "Jane\u3000Doe", "JANE DOE", ""},
		{"name accents composed", KindName, "Jose\u0301", "José", ""},
		{"name greek final sigma", KindName, "ΟΔΥΣΣΕΥΣ", "οδυσσευς", ""},
		{"other NFC", KindAddress, "Cafe\u0301 Street ", "Café Street", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(k.pseudonym(tt.kind, tt.a, tt.region), k.pseudonym(tt.kind, tt.b, tt.region)); diff != "" {
				t.Errorf("%q and %q have different pseudonyms:\n%s", tt.a, tt.b, diff)
			}
		})
	}
}

func TestAnonPseudonymDistinct(t *testing.T) {
	k1 := anonTestKeyring(t, anonTestKey)
	k2 := anonTestKeyring(t, []byte("another-key-0123456789abcdef"))
	tests := []struct {
		name string
		a, b string
	}{
		{"different numbers", k1.pseudonym(KindPhone, "+14155551234", ""), k1.pseudonym(KindPhone, "+14155551235", "")},
		{"different keys", k1.pseudonym(KindPhone, "+14155551234", ""), k2.pseudonym(KindPhone, "+14155551234", "")},
		{"different kinds", k1.pseudonym(KindName, "jane", ""), k1.pseudonym(KindEmail, "jane", "")},
		{"no-digit phones", k1.pseudonym(KindPhone, "anonymous", ""), k1.pseudonym(KindPhone, "restricted", "")},
		{"address case kept", k1.pseudonym(KindAddress, "A", ""), k1.pseudonym(KindAddress, "a", "")},
		// ß is not ss in an internationalised address (nor in a domain, under IDNA2008).
		{"email sharp s", k1.pseudonym(KindEmail, "STRASSE@example.de", ""), k1.pseudonym(KindEmail, "straße@example.de", "")},
		{"invalid UTF-8", k1.pseudonym(KindName, "\xff", ""), k1.pseudonym(KindName, "\xfe", "")},
	}
	for _, tt := range tests {
		if tt.a == tt.b {
			t.Errorf("%s: both pseudonyms are %q", tt.name, tt.a)
		}
	}
	if k1.id == k2.id {
		t.Errorf("two keys share the key id %q", k1.id)
	}
}

var anonTokenRE = regexp.MustCompile(`^[a-z]+:k[0-9a-f]{8}:[a-z2-7]{26}$`)

func TestAnonPseudonymHidesInput(t *testing.T) {
	k := anonTestKeyring(t, anonTestKey)
	inputs := []struct {
		kind  Kind
		value string
	}{
		{KindPhone, "+14155551234"},
		{KindEmail, "jane.doe@example.com"},
		{KindName, "Jane Doe"},
		{KindAddress, "1 Market Street, San Francisco"},
		{KindGovID, "078-05-1120"},
		{KindDevice, "aabbccddeeff"},
	}
	for _, in := range inputs {
		tok := k.pseudonym(in.kind, in.value, "US")
		if !anonTokenRE.MatchString(tok) {
			t.Errorf("pseudonym of a %v is %q, not of the token format", in.kind, tok)
		}
		hash := tok[strings.LastIndexByte(tok, ':')+1:]
		low := strings.ToLower(in.value)
		for i := 0; i+4 <= len(low); i++ {
			if strings.Contains(hash, low[i:i+4]) {
				t.Errorf("pseudonym %q contains %q from its input", tok, low[i:i+4])
			}
		}
	}
}

func TestAnonPseudonymIdempotent(t *testing.T) {
	k1 := anonTestKeyring(t, anonTestKey)
	k2 := anonTestKeyring(t, []byte("another-key-0123456789abcdef"))
	tok := k1.pseudonym(KindPhone, "+14155551234", "")
	if diff := cmp.Diff(tok, k1.pseudonym(KindPhone, tok, "")); diff != "" {
		t.Errorf("pseudonymising a pseudonym changed it (-want +got):\n%s", diff)
	}
	if got := k1.pseudonym(KindEmail, tok, ""); got == tok {
		t.Errorf("a phone token was kept as an email pseudonym: %q", got)
	}
	if got := k2.pseudonym(KindPhone, tok, ""); got == tok {
		t.Errorf("another key kept a foreign token: %q", got)
	}
}

func TestAnonPseudonymConcurrent(t *testing.T) {
	k := anonTestKeyring(t, anonTestKey)
	values := []string{"+14155551234", "(415) 555-1235", "Jane Doe", "Ｊａｎｅ", "jane@example.com"}
	want := make([]string, len(values))
	for i, v := range values {
		want[i] = k.pseudonym(KindName, v, "US")
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 16; g++ {
		wg.Go(func() {
			for n := 0; n < 200; n++ {
				i := (g + n) % len(values)
				if got := k.pseudonym(KindName, values[i], "US"); got != want[i] {
					errs <- got
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent pseudonym gave %q, not the sequential token", got)
	}
}

func FuzzAnonPseudonym(f *testing.F) {
	for _, s := range []string{"+14155551234", "Ｊａｎｅ", "jane@example.com", "\xff\xfe", " ", "+", "phone:k18cbffaf:2w4ykw7i3rcgv4wreavfzdfmr4"} {
		f.Add(uint8(KindPhone), s, "US")
	}
	k := anonTestKeyring(f, anonTestKey)
	f.Fuzz(func(t *testing.T, kindByte uint8, value, region string) {
		kind := Kind(kindByte % uint8(numKinds))
		tok := k.pseudonym(kind, value, region)
		if value == "" {
			if tok != "" {
				t.Fatalf("empty value gave %q", tok)
			}
			return
		}
		if !anonTokenRE.MatchString(tok) || !strings.HasPrefix(tok, kind.String()+":") {
			t.Fatalf("pseudonym %q is not of the token format", tok)
		}
		if again := k.pseudonym(kind, value, region); again != tok {
			t.Fatalf("pseudonym not deterministic: %q then %q", tok, again)
		}
		if again := k.pseudonym(kind, tok, region); again != tok {
			t.Fatalf("pseudonym not idempotent: %q then %q", tok, again)
		}
	})
}
