package main

import (
	"bytes"
	"testing"

	"github.com/ef8f9424/pii/internal/golden"
)

// TestOutput checks that the program prints what its doc and the README say it does.
func TestOutput(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "output.golden", buf.Bytes())
}
