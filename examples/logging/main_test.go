package main

import (
	"testing"

	"github.com/ef8f9424/pii/internal/golden"
)

// TestOutput checks that the program prints what its doc and the README say it does.
func TestOutput(t *testing.T) { golden.Run(t, run) }
