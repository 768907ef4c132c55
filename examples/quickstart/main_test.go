package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// TestQuickstart runs the example and checks what a reader of the README is promised: the log
// line holds the redacted copy, never the originals.
func TestQuickstart(t *testing.T) {
	out := capture(t, main)
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
}

func capture(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = stdout }()
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	f()
	w.Close()
	return <-done
}
