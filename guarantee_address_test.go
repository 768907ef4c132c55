package pii_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gtIsHexDigit reports whether c is a hexadecimal digit.
func gtIsHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// gtMinAddress is the fewest hexadecimal digits of an address as fmt prints it
// (0xc000012345, 0x117c09261570): shorter 0x literals are a []byte's bytes under %#v.
const gtMinAddress = 6

// gtContains reports whether s occurs in hay other than inside a pointer address as fmt
// prints one ("0x" and its hexadecimal digits): an address is random, and its digits
// may spell part of a phone or card number by chance ("0x117c09261570" holds "926157").
// An occurrence that reaches out of an address, or that is not wholly hexadecimal
// digits, counts.
func gtContains(hay, s string) bool {
	if s == "" {
		return strings.Contains(hay, s)
	}
	for from := 0; ; {
		i := strings.Index(hay[from:], s)
		if i < 0 {
			return false
		}
		i += from
		if !gtInAddress(hay, i, i+len(s)) {
			return true
		}
		from = i + 1
	}
}

// gtContainsApart reports whether s stands in hay where no hexadecimal digit joins it
// on both sides: hexadecimal output (%x) spells every byte in such digits, and a run of
// them may hold a number's digits by chance ("2b3133303339333358" holds "333358").
func gtContainsApart(hay, s string) bool {
	for from := 0; ; {
		i := strings.Index(hay[from:], s)
		if i < 0 {
			return false
		}
		i += from
		if j := i + len(s); i == 0 || j == len(hay) || !gtIsHexDigit(hay[i-1]) || !gtIsHexDigit(hay[j]) {
			return true
		}
		from = i + 1
	}
}

// gtInAddress reports whether hay[i:j] lies within the digits of an address.
func gtInAddress(hay string, i, j int) bool {
	start := i
	for start > 0 && gtIsHexDigit(hay[start-1]) {
		start--
	}
	end := j
	for end < len(hay) && gtIsHexDigit(hay[end]) {
		end++
	}
	for k := i; k < j; k++ {
		if !gtIsHexDigit(hay[k]) {
			return false
		}
	}
	// The run of hexadecimal digits around hay[i:j] follows "0x" (fmt writes "0X" for
	// %X), and is as long as an address.
	prefixed := start >= 2 && hay[start-2] == '0' && (hay[start-1] == 'x' || hay[start-1] == 'X')
	return prefixed && end-start >= gtMinAddress
}

// TestGtLeakDetectorSkipsAddresses holds the guarantee test's leak search to telling a
// number's digits from the same digits inside a printed pointer address: TestGuarantee
// once reported a phone number's "926157" found in "0x117c09261570".
func TestGtLeakDetectorSkipsAddresses(t *testing.T) {
	marker := &gtMarker{pii: true, plain: []string{"926157", "+1 (212) 926-1"}, raw: "+1 (212) 926-1570"}
	tests := []struct {
		name, text string
		leak       bool
	}{
		{"in an address", "{F1:0x117c09261570 F2:x}", false},
		{"in an upper-case address", "&{0X117C09261570}", false},
		{"at an address's start", "0x926157aa00 and 0xc000926157", false},
		{"beside an address", "0x117c0 926157", true},
		{"after an address", "0x117c0926157,926157", true},
		{"alone", "Phone:926157", true},
		{"in hex digits without 0x", "17c09261570", true},
		{"as written", "+1 (212) 926-1XXX", true},
		{"after an address, joined", "0x1234567926157", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := &gtRun{}
			run.searchIn(gtOut{name: "Safe %+v", text: tt.text, family: gtFmt}, []*gtMarker{marker}, false, false)
			var got []string
			for _, f := range run.fails {
				got = append(got, f.what+": "+f.found)
			}
			var want []string
			if tt.leak {
				want = []string{"leak: " + marker.plain[0]}
				if tt.name == "as written" {
					want = []string{"leak: " + marker.plain[1]}
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("search of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
