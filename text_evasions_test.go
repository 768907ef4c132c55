package pii

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRedactTextEvasions checks, through RedactText, the ways of writing personal data
// that passed through the free-text finder whole or in part: markdown emphasis around a
// phone number, characters that show nothing inside a value, the digits of scripts
// other than Latin, Arabic and full-width, separators beyond ASCII in cards and IBANs,
// zero-padded IPv4 addresses, addresses kept from harvesters, and what it mangled: an
// IPv4 address's port, the digits of a decimal fraction.
func TestRedactTextEvasions(t *testing.T) {
	tests := map[string]string{
		"call **415-555-2671** now":               "call **415-555-XXXX** now",
		"call 415\u200b555\u200b2671":             "call 415\u200b555\u200bXXXX",
		"card 4111\u200b1111\u200b1111\u200b1111": "card 4111\u200b11**\u200b****\u200b1111",
		"फ़ोन +1 ४१५ ५५५ २६७१":                    "फ़ोन +1 ४१५ ५५५ XXXX",
		"card 4111\u00a01111\u00a01111\u00a01111": "card 4111\u00a011**\u00a0****\u00a01111",
		"iban DE89–3704–0044–0532–0130–00":        "iban DE**–****–****–****–**30–00",
		"from 192.168.001.010":                    "from 192.168.001.x",
		"from 172.216.100.123:22":                 "from 172.216.100.x:22",
		"mail jane [at] example [dot] com":        "mail ***",
		"mail taro.@docomo.ne.jp":                 "mail ***@docomo.ne.jp",
		"lat 37.4155552671":                       "lat 37.4155552671",
		"call 415・555・2671":                       "call 415・555・XXXX",
	}
	got := map[string]string{}
	for in := range tests {
		got[in] = RedactText(in)
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("RedactText (-want +got):\n%s", diff)
	}
}
