package pii_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

type urlFields struct {
	Ptr   *url.URL `pii:"url"`
	Value url.URL  `pii:"url"`
	Text  string   `pii:"url"`
	Nil   *url.URL `pii:"url"`
}

// TestRedactURLValue checks that a url-tagged *url.URL and url.URL are redacted as a
// url-tagged string of the same URL is, and that Redacted leaves the caller's URL as
// it was.
func TestRedactURLValue(t *testing.T) {
	tests := []string{
		"https://jane:pw@example.com/u/jane?x=1",
		"http://203.0.113.42:8080/x",
		"mailto:jane@example.com",
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			u, _ := url.Parse(in)
			v := urlFields{Ptr: u, Value: *u, Text: in}
			got, err := pii.Redacted(nil, v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got.Text, got.Ptr.String()); diff != "" {
				t.Errorf("*url.URL (-string +URL):\n%s", diff)
			}
			if diff := cmp.Diff(got.Text, got.Value.String()); diff != "" {
				t.Errorf("url.URL (-string +URL):\n%s", diff)
			}
			if u.String() != in || v.Value.String() != in {
				t.Errorf("the caller's URL changed: %q, %q", u, v.Value.String())
			}
			if s := pii.Safe(v).String(); strings.Contains(s, "jane:pw") || strings.Contains(s, "/u/jane") {
				t.Errorf("Safe shows %q", s)
			}
			w := v
			if err := pii.Redact(&w); err != nil {
				t.Fatal(err)
			}
			if u.String() != in {
				t.Errorf("Redact wrote into the caller's *url.URL: %q", u)
			}
			if w.Ptr.String() != got.Text || w.Value.String() != got.Text || w.Nil != nil {
				t.Errorf("Redact: %q, %q, %v; want %q", w.Ptr, w.Value.String(), w.Nil, got.Text)
			}
		})
	}
}
