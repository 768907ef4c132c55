package pii_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ef8f9424/pii"
)

// TestRedactTextLeaks checks, through RedactText, the forms that passed through the
// free-text finder whole (FREETEXT.md, "Known limits", before they were closed): a
// number broken across lines or joined by underscores or stars, written with HTML
// references or split by tags, after a hash sign; a Chinese mobile number in bare
// digits; an address with a spaced at sign or on a host with no dot. Each keeps what
// its kind's mask keeps elsewhere: a phone number loses its last four digits, an
// address its local part.
func TestRedactTextLeaks(t *testing.T) {
	cn, err := pii.New(pii.WithRegion("CN"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		policy   *pii.Policy
		in, want string
	}{
		{nil, "call 415\n555-2671", "call 415\n555-XXXX"},
		{nil, "call 415-555-\r\n2671", "call 415-555-\r\nXXXX"},
		{nil, "call 415_555_2671", "call 415_555_XXXX"},
		{nil, "call 415*555*2671", "call 415*555*XXXX"},
		{nil, "call &#43;1 415 555 2671", "call &#43;1 415 555 XXXX"},
		{nil, "call &#x34;15-555-&#x32;&#x36;&#x37;&#x31;", "call &#x34;15-555-XXXX"},
		{nil, "call 415&nbsp;555&nbsp;2671", "call 415&nbsp;555&nbsp;XXXX"},
		{nil, "call 415&#8209;555&#8209;2671", "call 415&#8209;555&#8209;XXXX"},
		{nil, "call <b>415</b>-555-2671", "call <b>415</b>-555-XXXX"},
		{nil, "call <span>415</span> <span>555</span> <span>2671</span>", "call <span>415</span> <span>555</span> <span>XXXX</span>"},
		{nil, "call #4155552671", "call #415555XXXX"},
		{nil, "call 13800138000", "call 1380013XXXX"},
		{cn, "call 13800138000", "call 1380013XXXX"},
		{cn, "手机13800138000", "手机1380013XXXX"},
		{nil, "order 13800138000", "order 13800138000"},
		{nil, "mail jane @ example.com", "mail ***@ example.com"},
		{nil, "mail jane@localhost", "mail ***@localhost"},
		{nil, "issue #12345, 12\n34\n56", "issue #12345, 12\n34\n56"},
	}
	for _, tt := range tests {
		redact := pii.RedactText
		if tt.policy != nil {
			redact = tt.policy.RedactText
		}
		got := redact(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("RedactText(%q) (-want +got):\n%s", tt.in, diff)
		}
		if again := redact(got); again != got {
			t.Errorf("RedactText(%q) = %q, and again %q", tt.in, got, again)
		}
	}
}
