package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden file")

// TestOutput checks what the program prints against testdata/output.golden.
func TestOutput(t *testing.T) {
	var buf bytes.Buffer
	run(&buf)
	if *update {
		if err := os.WriteFile("testdata/output.golden", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/output.golden")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
