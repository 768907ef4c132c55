package piivet_test

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzAnalyzeSource runs the analyzer on arbitrary source, type-checked as far as it
// goes: whatever it is given, it must not panic.
func FuzzAnalyzeSource(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "src", "*", "*.go"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := analyze(src); err != nil {
			t.Skip() // nothing parsed
		}
	})
}
