package pii

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// urlString is a url-tagged string field under each strategy, the oracle of maskURL.
type urlString struct {
	Default string `pii:"url"`
	Replace string `pii:"url,redact=replace"`
	Zero    string `pii:"url,redact=zero"`
	Last4   string `pii:"url,redact=last4"`
}

// TestMaskURL checks that a URL value is redacted to the URL whose text is what a
// url-tagged string holding the same URL is redacted to, under every strategy, and
// that the caller's URL, user info included, is left exactly as it was.
func TestMaskURL(t *testing.T) {
	inputs := []string{
		"https://jane:pw@example.com/u/jane?x=1#frag",
		"https://jane@example.com:8443/",
		"http://203.0.113.42/x",
		"http://[2001:db8:85a3::8a2e:370:7334]:80/path",
		"mailto:jane@example.com",
		"/relative/jane",
		"https://example.com/",
		"",
	}
	strategies := []struct {
		name string
		st   redactStrategy
		of   func(urlString) string
	}{
		{"default", redactDefault, func(s urlString) string { return s.Default }},
		{"replace", redactReplace, func(s urlString) string { return s.Replace }},
		{"zero", redactZero, func(s urlString) string { return s.Zero }},
		{"last4", redactLast4, func(s urlString) string { return s.Last4 }},
	}
	for _, in := range inputs {
		u, err := url.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		before, userBefore := *u, u.User.String()
		red, err := Redacted(nil, urlString{in, in, in, in})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range strategies {
			t.Run(s.name+"/"+in, func(t *testing.T) {
				mask := func(v string) string { return string(appendMask(nil, KindURL, s.st, v, "")) }
				got := maskURL(u, mask)
				if diff := cmp.Diff(s.of(red), got.String()); diff != "" {
					t.Errorf("text differs from a url-tagged string's (-string +URL):\n%s", diff)
				}
				if u.User != nil && got.User == u.User {
					t.Errorf("the mask shares the caller's user info")
				}
				if again := maskURL(got, mask); again.String() != got.String() {
					t.Errorf("not idempotent: %q, then %q", got, again)
				}
			})
		}
		if *u != before || u.User.String() != userBefore {
			t.Errorf("%q: the caller's URL was changed to %q", in, u)
		}
	}
	if got := maskURL(nil, func(string) string { return "x" }); got != nil {
		t.Errorf("maskURL(nil) = %v, want nil", got)
	}
}

// TestMaskURLOf checks the URL made of a mask's text: structured where the text parses
// back to itself, opaque otherwise, and always printing as the text.
func TestMaskURLOf(t *testing.T) {
	tests := []struct {
		text string
		want url.URL
	}{
		{"", url.URL{}},
		{"https://example.com/", url.URL{Scheme: "https", Host: "example.com", Path: "/"}},
		{"http://203.0.113.0:8080/", url.URL{Scheme: "http", Host: "203.0.113.0:8080", Path: "/"}},
		{"[REDACTED]", url.URL{Opaque: "[REDACTED]"}},
		{"****e.com", url.URL{Opaque: "****e.com"}},
	}
	for _, tt := range tests {
		got := maskURLOf(tt.text)
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(url.URL{})); diff != "" {
			t.Errorf("maskURLOf(%q) (-want +got):\n%s", tt.text, diff)
		}
		if got.String() != tt.text {
			t.Errorf("maskURLOf(%q) prints %q", tt.text, got.String())
		}
	}
}
