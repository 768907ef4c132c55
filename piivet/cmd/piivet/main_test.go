package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInventoryCommand runs "piivet -inventory" and "piivet -inventory -json" on the
// package whose inventory the analyzer's tests compare with pii.NewInventory.
func TestInventoryCommand(t *testing.T) {
	tests := []struct {
		args   []string
		golden string
	}{
		{[]string{"../../internal/invtest"}, "../../testdata/inventory.golden.md"},
		{[]string{"-json", "../../internal/invtest"}, "../../testdata/inventory.golden.json"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := inventory(tt.args, &stdout, &stderr); code != 0 {
			t.Fatalf("piivet -inventory %v: exit %d: %s", tt.args, code, stderr.String())
		}
		want, err := os.ReadFile(tt.golden)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
			t.Errorf("piivet -inventory %v (-want +got):\n%s", tt.args, diff)
		}
	}
}

// TestInventoryCommandErrors exits non-zero for an unknown profile, and for a bad tag
// naming the field at fault.
func TestInventoryCommandErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := inventory([]string{"-profile", "UK", "../../internal/invtest"}, &stdout, &stderr); code != 2 || !strings.HasPrefix(stderr.String(), "piivet: -profile: ") {
		t.Errorf("-profile UK: exit %d, %q; want 2 and the parse error", code, stderr.String())
	}
	stderr.Reset()
	if code := inventory([]string{"../../testdata/invbad"}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if want := "piivet: pii: invbad.Bad.Phone: tag \"phone\": the field's Go type cannot hold this kind: float64 cannot hold phone\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
}
