package piivet_test

import (
	"testing"

	"github.com/ef8f9424/pii/piivet"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestPrecision runs the cases where a value is followed precisely: an element at a
// constant key or index, a field or buffer overwritten before it is logged, a pointer fmt
// prints as an address (also an element of a slice, array or map of pointers), a printer
// handed down through several functions.
func TestPrecision(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piivet.Analyzer,
		"indexed", "overwritten", "addresses", "higherchain", "elemaddresses")
}
