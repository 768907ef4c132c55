package pii_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// checkForLogText checks what ForLog under p makes of v: the text want, or, when want is
// "", a note that the text is withheld whole.
func checkForLogText(t *testing.T, p *pii.Policy, v any, want string) {
	t.Helper()
	got, changed := p.ForLog(v)
	text := fmt.Sprint(got)
	if want == "" {
		if !changed || !strings.HasPrefix(text, "!PII-REDACTED: ") {
			t.Errorf("ForLog = %q, %v; want it withheld", text, changed)
		}
	} else if diff := cmp.Diff(want, text); diff != "" {
		t.Errorf("ForLog (-want +got):\n%s", diff)
	}
}

// timeAttr is the time a JSON or text handler writes first on a line.
var timeAttr = regexp.MustCompile(`"time":"[^"]*",?|time=\S+ ?`)

// withoutTime returns a handler's line without its time, whose digits (nanoseconds, in
// JSON) hold by chance, now and then, the short run of digits a test looks for ("2671").
func withoutTime(line string) string { return timeAttr.ReplaceAllString(line, "") }
