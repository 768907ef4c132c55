package freetext

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanFound is a finding as a reader checks it: the kind and the text found.
type scanFound struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

// scanMessage is one hand-written case of testdata/scan/messages.json.
type scanMessage struct {
	Name     string      `json:"name"`
	Region   string      `json:"region"`
	Leniency string      `json:"leniency"`
	Text     string      `json:"text"`
	Names    []string    `json:"names"`
	Want     []scanFound `json:"want"`
}

// scanTestLeniencies spells the leniencies as the test data does.
var scanTestLeniencies = map[string]Leniency{"valid": LeniencyValid, "possible": LeniencyPossible}

func scanTestScanner(t testing.TB, region, leniency string) *textScanner {
	t.Helper()
	l, ok := scanTestLeniencies[leniency]
	if !ok {
		t.Fatalf("unknown leniency %q", leniency)
	}
	s, err := newTextScanner(region, l)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func scanFoundIn(text string, fs []Finding) []scanFound {
	got := []scanFound{}
	for _, f := range fs {
		got = append(got, scanFound{Kind: f.Kind.String(), Value: text[f.Start:f.End]})
	}
	return got
}

func TestScanMessages(t *testing.T) {
	data, err := os.ReadFile("testdata/scan/messages.json")
	if err != nil {
		t.Fatal(err)
	}
	var msgs []scanMessage
	if err := json.Unmarshal(data, &msgs); err != nil {
		t.Fatal(err)
	}
	positives, negatives := 0, 0
	for _, m := range msgs {
		if len(m.Want) == 0 {
			negatives++
		} else {
			positives++
		}
		t.Run(m.Name, func(t *testing.T) {
			s := scanTestScanner(t, m.Region, m.Leniency)
			got := scanFoundIn(m.Text, s.scan(m.Text, m.Names, nil))
			if m.Want == nil {
				m.Want = []scanFound{}
			}
			if diff := cmp.Diff(m.Want, got); diff != "" {
				t.Errorf("scan(%q) mismatch (-want +got):\n%s", m.Text, diff)
			}
			// Whatever was found is gone after redaction, and redaction is a fixed point.
			red := s.redact(m.Text, m.Names)
			if again := s.scan(red, m.Names, nil); len(again) != 0 {
				t.Errorf("scan(redact(%q)) = %v, want nothing", red, scanFoundIn(red, again))
			}
			if len(m.Want) == 0 && red != m.Text {
				t.Errorf("redact changed text without findings: %q", red)
			}
		})
	}
	if negatives < positives {
		t.Errorf("messages.json has %d negatives for %d positives; want at least as many", negatives, positives)
	}
}

func TestScanRedact(t *testing.T) {
	tests := []struct {
		name, region, text string
		names              []string
		want               string
	}{
		{"phone keeps format", "US", "Call +1 (415) 666-7777 now", nil, "Call +1 (415) 666-XXXX now"},
		{"phone e164", "US", "+14156667777", nil, "+1415666XXXX"},
		{"phone extension", "US", "415-666-7777 ext. 503", nil, "415-666-XXXX ext. XXX"},
		{"phone full width", "JP", "０９０－１２３４－５６７８", nil, "０９０－１２３４－XXXX"},
		{"email", "US", "mail jane.doe@example.com.", nil, "mail ***@example.com."},
		{"card", "US", "4111 1111 1111 1111", nil, "4111 11** **** 1111"},
		{"amex", "US", "3782-822463-10005", nil, "3782-82****-*0005"},
		{"iban", "DE", "DE89 3704 0044 0532 0130 00", nil, "DE** **** **** **** **30 00"},
		{"ipv4", "US", "from 203.0.113.45", nil, "from 203.0.113.x"},
		{"ipv6", "US", "from 2001:db8:85a3::8a2e:370:7334 ok", nil, "from 2001:db8:85a3:x:x:x:x:x ok"},
		{"ssn", "US", "SSN 123-45-6789", nil, "SSN ***-**-6789"},
		{"names", "US", "Jane Doe wrote to JANE", []string{"Jane Doe"}, "J. D. wrote to J."},
		{"nothing", "US", "Nothing to see in 2024 at 10:30.", nil, "Nothing to see in 2024 at 10:30."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scanTestScanner(t, tt.region, "valid")
			got := s.redact(tt.text, tt.names)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("redact(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			if again := s.redact(got, tt.names); again != got {
				t.Errorf("redact is not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestScanRedactNoAlloc(t *testing.T) {
	s := scanTestScanner(t, "US", "valid")
	text := "Nothing personal here: 12 apples cost $3.50 at 10:30 on 2024-01-15."
	allocs := testing.AllocsPerRun(100, func() {
		if s.redact(text, nil) != text {
			t.Fatal("text changed")
		}
	})
	if allocs != 0 {
		t.Errorf("redact of clean text allocates %v times, want 0", allocs)
	}
}

func TestScanOverlapPrefersLongerAndSpecific(t *testing.T) {
	s := scanTestScanner(t, "US", "valid")
	tests := []struct {
		text string
		want []scanFound
	}{
		// A phone number as the local part of an email: the longer email wins.
		{"text 4156667777@vtext.com", []scanFound{{"email", "4156667777@vtext.com"}}},
		// A name inside an email address is hidden with the address.
		{"jane@example.com", []scanFound{{"email", "jane@example.com"}}},
	}
	for _, tt := range tests {
		got := scanFoundIn(tt.text, s.scan(tt.text, []string{"Jane"}, nil))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("scan(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestNewTextScannerErrors(t *testing.T) {
	tests := []struct {
		region string
		want   error
	}{
		{"US", nil},
		{"", nil},
		{"ZZ", nil},
		{"de", nil},
		{"XQ", ErrUnknownRegion},
		{"USA", ErrUnknownRegion},
	}
	for _, tt := range tests {
		_, err := newTextScanner(tt.region, LeniencyValid)
		if !errors.Is(err, tt.want) {
			t.Errorf("newTextScanner(%q) error = %v, want %v", tt.region, err, tt.want)
		}
	}
	if _, err := newTextScanner("US", Leniency(7)); !errors.Is(err, ErrUnknownLeniency) {
		t.Errorf("newTextScanner with Leniency(7) error = %v, want ErrUnknownLeniency", err)
	}
}

// TestScanRedactSettled checks when one pass of masking is known to leave nothing to
// find, and that redaction is a fixed point either way: an email's mask makes the text
// shorter, which brings a label or a quote before the address nearer to what follows.
func TestScanRedactSettled(t *testing.T) {
	tests := []struct {
		name, text string
		settled    bool
	}{
		{"sms", "Maria here, call +14155552671 or mail maria.okafor@example.com re: order 1098765432. Reply STOP.", true},
		{"label before the address", "SSN is averyveryverylonglocalpart@example.com re 123456789", false},
		{"label in capitals", "TIN: averyveryverylonglocalpart@example.com re 12345678901", false},
		{"label further away", "SSN is here, and the address to use is averyveryverylonglocalpart@example.com re 123456789", true},
		{"quote before the address", `"a" averyveryverylonglocalpartxxxxxxxxxxxx@example.com and "@example.org`, false},
		{"quoted local part", `mail "jane doe"@example.com re: 12`, false},
		{"address literal", "mail jane@[192.0.2.1] re: 12", false},
		{"digits after a phone", "call +14155552671 12 times", false},
		{"kept digits end in a dash", "call me at 045 33 1234-5678", false},
		{"local part read as an extension", "Hi call(0xx) 123456789 x 1234forme@example.com 122 2345 6789#", false},
		{"local part starts with a letter", "call +14155552671 or write x forme@example.com", true},
		{"country code before a phone", "DE 030 901820 12", false},
	}
	s := scanTestScanner(t, "", "valid")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := s.scan(tt.text, nil, nil)
			if len(fs) == 0 {
				t.Fatalf("scan(%q) finds nothing", tt.text)
			}
			if got := s.settled(tt.text, fs, nil); got != tt.settled {
				t.Errorf("settled(%q) = %t, want %t", tt.text, got, tt.settled)
			}
			scanCheckProperties(t, s, tt.text, nil)
		})
	}
}
