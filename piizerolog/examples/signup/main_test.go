package main

import (
	"io"
	"testing"

	"github.com/ef8f9424/pii/internal/golden"
)

// TestOutput checks what the program prints against testdata/output.golden.
func TestOutput(t *testing.T) {
	golden.Run(t, func(w io.Writer) error { run(w); return nil })
}
