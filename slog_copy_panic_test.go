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

// holdsCards keeps tagged values whose methods panic on their copies behind
// interfaces, where a type cannot tell what they hold.
type holdsCards struct {
	ID    string `pii:"no"`
	Item  any
	Items []any
	ByKey map[string]any
	Err   error
	Plain any // a tagged value whose methods hold on its copy
}

// cardDeclined's Error holds on every real card and panics on its redacted copy.
type cardDeclined struct {
	Card string `pii:"card,handling=sensitive"`
}

func (e cardDeclined) Error() string { return "declined: card ending " + e.Card[len(e.Card)-4:] }

// TestCopyBehindInterfacePanics checks that a log line's copy of a value held behind
// an interface (an any field, []any, map[string]any, an error field), whose
// MarshalJSON or Error panics on the copy, is replaced by the failure note (nil where
// the interface cannot hold it), so that neither encoding/json nor a handler that does
// not recover crashes; a held value whose methods hold is copied as it is.
func TestCopyBehindInterfacePanics(t *testing.T) {
	c := lastFour{ID: "c1", Card: "4242424242424242"}
	v := holdsCards{
		ID: "h1", Item: c, Items: []any{c, "ok"}, ByKey: map[string]any{"c": c},
		Err: cardDeclined{Card: "4242424242424242"}, Plain: contact{Email: "jane.doe@example.com"},
	}
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	x, _ := p.ForLog(v)
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	const note = "!PII-REDACTION-FAILED: pii: pii_test.lastFour: a method of the value panicked while it was written"
	const errNote = "!PII-REDACTION-FAILED: pii: pii_test.cardDeclined: a method of the value panicked while it was written"
	want := `{"ID":"h1","Item":"` + note + `","Items":["` + note + `","ok"],"ByKey":{"c":"` + note + `"},"Err":"` + errNote + `","Plain":{"Email":"***@example.com"}}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("json.Marshal(ForLog(v)) (-want +got):\n%s", diff)
	}
	if got := x.(holdsCards).Err.Error(); got != errNote {
		t.Errorf("the error field's copy reads %q, want %q", got, errNote)
	}
	var buf bytes.Buffer
	slog.New(pii.NewHandler(&marshalingHandler{buf: &buf}, nil)).Info("m", "v", v)
	if !bytes.Contains(buf.Bytes(), []byte(note)) {
		t.Errorf("a line through a handler that does not recover: %s", buf.String())
	}
}

type contact struct {
	Email string `pii:"email"`
}
