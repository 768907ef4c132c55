package piilogrus_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
)

// TestBadTagErrorFailsClosed logs, with WithError, an error whose type has a wrong tag,
// through both formatters: the line says the redaction failed and names the field, never
// the error's text. Wrapped (fmt.Errorf's %w), its text is withheld whole, with the same
// note.
func TestBadTagErrorFailsClosed(t *testing.T) {
	bad := adaptertest.BadTagError{Phone: 4155550123}
	tests := []struct {
		err  error
		want string
	}{
		{bad, "!PII-REDACTION-FAILED: pii: adaptertest.BadTagError.Phone"},
		{fmt.Errorf("call: %w", bad), "!PII-REDACTION-FAILED: pii: adaptertest.BadTagError.Phone"},
	}
	for name, f := range formatters {
		for _, tt := range tests {
			var buf bytes.Buffer
			newLogger(&buf, f).WithError(tt.err).Info("m")
			out := buf.String()
			if !strings.Contains(out, tt.want) || strings.Contains(out, "4.155550123e+09") {
				t.Errorf("%s, %T: output = %s, want %q and not the value", name, tt.err, out, tt.want)
			}
		}
	}
}
