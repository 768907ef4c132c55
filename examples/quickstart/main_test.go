package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/golden"
)

// TestQuickstart runs the example and checks what a reader of the README is promised: the
// log line holds the redacted copy, never the originals; and the whole output is the one
// in testdata/output.golden.
func TestQuickstart(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	logLine := out[strings.Index(out, "The log line:"):strings.Index(out, "In place:")]
	for _, leak := range []string{"555-1234", "Jane Doe", "7946 0958", "203.0.113.42"} {
		if strings.Contains(logLine, leak) {
			t.Errorf("the log line holds %q:\n%s", leak, logLine)
		}
	}
	for _, want := range []string{`"From":"+1 (415) 555-XXXX"`, `"To":"+14155550100"`, `"Author":"J. D."`} {
		if !strings.Contains(logLine, want) {
			t.Errorf("the log line lacks %s:\n%s", want, logLine)
		}
	}
	golden.Check(t, "output.golden", buf.Bytes())
}
