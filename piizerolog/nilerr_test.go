package piizerolog_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// TestNilWrapperError logs a nil *adaptertest.NilCauseError through Object: no panic reaches the
// caller.
func TestNilWrapperError(t *testing.T) {
	var out bytes.Buffer
	l := zerolog.New(&out)
	var err *adaptertest.NilCauseError
	l.Info().Object("o", piizerolog.Object(err)).Msg("failed")
	if !strings.Contains(out.String(), `"o":{"error":null}`) {
		t.Errorf("Object of a nil error: %s", out.String())
	}
}
