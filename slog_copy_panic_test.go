package pii_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// marshalingHandler writes each line as one JSON object with encoding/json and no
// recover, as handlers other than slog's own may (zap's, through zapslog): a panic of a
// value's MarshalJSON reaches the log call.
type marshalingHandler struct {
	buf   *bytes.Buffer
	attrs []slog.Attr
}

func (h *marshalingHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *marshalingHandler) WithGroup(string) slog.Handler            { return h }
func (h *marshalingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &marshalingHandler{h.buf, append(h.attrs[:len(h.attrs):len(h.attrs)], as...)}
}
func (h *marshalingHandler) Handle(_ context.Context, r slog.Record) error {
	m := map[string]any{"msg": r.Message}
	add := func(a slog.Attr) bool { m[a.Key] = a.Value.Any(); return true }
	for _, a := range h.attrs {
		add(a)
	}
	r.Attrs(add)
	b, err := json.Marshal(m)
	h.buf.Write(append(b, '\n'))
	return err
}

// TestHandlerCopyPanicsThirdParty checks that a Handler over a handler other than
// slog's own tries the redacted copy of a value whose MarshalJSON holds on every real
// value and panics on the copy (its sensitive card zeroed), in a line and in With, and
// passes on the failure note instead of crashing the log call; slog's own handlers
// recover by themselves.
func TestHandlerCopyPanicsThirdParty(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(pii.NewHandler(&marshalingHandler{buf: &buf}, nil))
	c := lastFour{ID: "c1", Card: "4242424242424242"}
	logger.With("w", c).Info("m", "c", c)
	const note = "!PII-REDACTION-FAILED: pii: pii_test.lastFour: a method of the value panicked while it was written"
	want := `{"c":"` + note + `","msg":"m","w":"` + note + `"}` + "\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}
