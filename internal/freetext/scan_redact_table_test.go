package freetext

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanCheckRedactTable checks that s.redact gives, for each text of tests, the text
// it maps to, and that what it gives is a fixed point of redaction.
func scanCheckRedactTable(t *testing.T, s *textScanner, tests map[string]string) {
	t.Helper()
	got := map[string]string{}
	for in := range tests {
		got[in] = s.redact(in, nil)
		if again := s.redact(got[in], nil); again != got[in] {
			t.Errorf("redact(%q) = %q, and again %q", in, got[in], again)
		}
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("redact (-want +got):\n%s", diff)
	}
}
