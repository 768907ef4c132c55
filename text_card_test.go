package pii_test

import (
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// TestScanCardRuns checks how runs of digit groups are split into card numbers: every
// card of a run is hidden on its own (each keeps at most its first six and last four
// digits), and numbers next to a card neither join it nor become cards.
func TestScanCardRuns(t *testing.T) {
	p, err := pii.New(pii.WithRegion("US"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, want string
	}{
		// Several cards in one run.
		{"two plain cards", "4539148803436467 4111111111111111", "453914******6467 411111******1111"},
		{"two grouped cards", "4539 1488 0343 6467 5555 5555 5555 4444", "4539 14** **** 6467 5555 55** **** 4444"},
		{"two dashed cards", "4539-1488-0343-6467 5555-5555-5555-4444", "4539-14**-****-6467 5555-55**-****-4444"},
		{"amex then visa", "3782 822463 10005 4111 1111 1111 1111", "3782 82**** *0005 4111 11** **** 1111"},
		{"two cards comma", "4111111111111111, 5555555555554444", "411111******1111, 555555******4444"},
		// A card next to other numbers.
		{"card then short number", "card 4539148803436467 123", "card 453914******6467 123"},
		{"grouped card then cvv", "4111 1111 1111 1111 123 ok", "4111 11** **** 1111 123 ok"},
		{"card then expiry", "card 4111 1111 1111 1111 12/27", "card 4111 11** **** 1111 12/27"},
		{"card then phone parens", "4111111111111111 (415) 555-2671", "411111******1111 (415) 555-XXXX"},
		{"card then phone spaced", "4111 1111 1111 1111 415 555 2671", "4111 11** **** 1111 415 555 XXXX"},
		{"card then phone dashed", "4111 1111 1111 1111 415-555-2671", "4111 11** **** 1111 415-555-XXXX"},
		{"phone spaced then card", "415 555 2671 4111 1111 1111 1111", "415 555 XXXX 4111 11** **** 1111"},
		{"phone dashed then card", "415-555-2671 4111 1111 1111 1111", "415-555-XXXX 4111 11** **** 1111"},
		// Near misses: the run holds one card or none.
		{"bad luhn then card", "4111111111111112 4111111111111111", "4111111111111112 411111******1111"},
		{"order number then card", "1234567812345678 4111111111111111", "1234567812345678 411111******1111"},
		{"bad luhn grouped then card", "4111 1111 1111 1112 5555 5555 5555 4444", "4111 1111 1111 1112 5555 55** **** 4444"},
		{"bad luhn then short number", "ref 4111111111111112 123", "ref 4111111111111112 123"},
		{"dashed order number", "order 4539-1488-0343-6467-1234 shipped", "order 4539-1488-0343-6467-1234 shipped"},
		{"dashed long number", "order 4539148803436467-1234 shipped", "order 4539148803436467-1234 shipped"},
		{"twenty digits", "id 45391488034364671234 stored", "id 45391488034364671234 stored"},
		{"dates and year", "On 2024-01-15 2024-01-16 and 2024 01 15 4111", "On 2024-01-15 2024-01-16 and 2024 01 15 4111"},
		{"card glued to decimal", "4111 1111 1111 1111.5", "4111 1111 1111 1111.5"},
		// Cards as people write them.
		{"comma expiry", "4111111111111111,12/27", "411111******1111,12/27"},
		{"slash expiry", "4111 1111 1111 1111/12/27", "4111 11** **** 1111/12/27"},
		{"slash card", "4111111111111111/5555555555554444", "411111******1111/555555******4444"},
		{"comma card", "4111111111111111,5555555555554444", "411111******1111,555555******4444"},
		{"dots", "4111.1111.1111.1111", "4111.11**.****.1111"},
		{"double spaces", "4111  1111  1111  1111", "4111  11**  ****  1111"},
		{"mixed separators", "4111 1111-1111 1111", "4111 11**-**** 1111"},
		{"prefix glued by dash", "card-4111111111111111", "card-411111******1111"},
		{"prefix glued", "card4111111111111111", "card411111******1111"},
		{"full width", "４１１１１１１１１１１１１１１１", "４１１１１１******１１１１"},
		{"full width grouped", "４１１１ １１１１ １１１１ １１１１", "４１１１ １１** **** １１１１"},
		{"dots and dashes mixed", "4111.1111-1111.1111", "4111.11**-****.1111"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.RedactText(tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("RedactText(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			if again := p.RedactText(got); again != got {
				t.Errorf("RedactText is not a fixed point: %q -> %q", got, again)
			}
		})
	}
}
