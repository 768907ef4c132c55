package pii_test

import (
	"net/url"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// callbackRecord keeps URLs in fields that are not PII: a webhook, untagged, and a
// link tagged pii:"no".
type callbackRecord struct {
	Hook *url.URL
	Link url.URL `pii:"no"`
}

// TestAuditURLUserinfo: Audit scans the user information of a URL in a field that is not
// PII, as it scans the URL's query: an address there (https://jane@example.com@host/) is
// personal data in a field the tags say holds none. Userinfo keeps it in unexported
// fields, which the walk does not read, and CheckNoPII passed.
func TestAuditURLUserinfo(t *testing.T) {
	hook := &url.URL{Scheme: "https", Host: "hooks.example.net", Path: "/in", User: url.User("jane.doe@example.com")}
	link := url.URL{Scheme: "https", Host: "example.net", User: url.UserPassword("jane.doe@example.com", "s3cret")}
	got, err := pii.Audit(callbackRecord{Hook: hook, Link: link})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, m := range got {
		if m.Kind == pii.KindEmail {
			paths = append(paths, m.Path)
		}
	}
	if diff := cmp.Diff([]string{"Hook.User", "Link.User"}, paths); diff != "" {
		t.Errorf("Audit found emails in (-want +got):\n%s", diff)
	}
	if err := pii.CheckNoPII(callbackRecord{Hook: hook}); err == nil {
		t.Error("CheckNoPII passed a webhook URL whose user is an email address")
	}
}
