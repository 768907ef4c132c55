package pii_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ef8f9424/pii"
)

// markupNote is a record whose body is scanned for the record's own name.
type markupNote struct {
	Name string `pii:"name"`
	Body string `pii:"body,redact=scan"`
}

// TestRedactedScanFindsNamesInMarkup checks that a redact=scan body hides the record's
// name wherever markdown puts it (emphasis, strike-through, code spans), and leaves a
// longer word that merely holds the name.
func TestRedactedScanFindsNamesInMarkup(t *testing.T) {
	tests := []struct {
		name, body string
		want       string
	}{
		{"Jane", "ask **Jane** first", "ask **J.** first"},
		{"Jane Doe", "ask *Jane Doe* first", "ask *J. D.* first"},
		{"Jane", "ask _Jane_ first", "ask _J._ first"},
		{"Jane", "ask __Jane__ first", "ask __J.__ first"},
		{"Jane", "ask ~~Jane~~ first", "ask ~~J.~~ first"},
		{"Jane", "ask `Jane` first", "ask `J.` first"},
		{"Jane Doe", "***DOE***, _jane_", "***D.***, _j._"},
		{"Jane", "**Janet** and _Janeway_", "**Janet** and _Janeway_"},
	}
	for _, tt := range tests {
		got, err := pii.Redacted(nil, markupNote{Name: tt.name, Body: tt.body})
		if err != nil {
			t.Fatalf("Redacted(%q): %v", tt.body, err)
		}
		if diff := cmp.Diff(tt.want, got.Body); diff != "" {
			t.Errorf("Redacted body of %q (-want +got):\n%s", tt.body, diff)
		}
	}
}
