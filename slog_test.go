package pii_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"testing/slogtest"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// lazyMessage produces a Message only when a handler resolves it.
type lazyMessage struct{ m *Message }

func (l lazyMessage) LogValue() slog.Value { return slog.AnyValue(*l.m) }

func TestHandlerRedacts(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil))
	m := sampleMessage()
	before := sampleMessage()
	logger = logger.With("base", &m)
	logger.WithGroup("g").Info("sent",
		"msg", m,
		slog.Group("inner", "ptr", &m, "lazy", lazyMessage{&m}),
		"list", []Message{m},
		"plain", "+14155551234", // a bare string is not a tagged type: see ScanStrings
		"n", 3,
	)
	if diff := cmp.Diff(before, m); diff != "" {
		t.Fatalf("logging changed the caller's value (-before +after):\n%s", diff)
	}
	line := buf.String()
	for _, secret := range []string{"+14155551234", "Jane Doe", "Call Jane", "203.0.113.42", "/u/jane/"} {
		if strings.Count(line, secret) > boolInt(secret == "+14155551234") {
			t.Errorf("log line holds %q:\n%s", secret, line)
		}
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	g := got["g"].(map[string]any)
	want := map[string]any{
		"msg":   "+1415555XXXX",
		"inner": []any{"+1415555XXXX", "+1415555XXXX"},
		"list":  "+1415555XXXX",
		"base":  "+1415555XXXX",
	}
	gotFrom := map[string]any{
		"msg":   g["msg"].(map[string]any)["From"],
		"inner": []any{g["inner"].(map[string]any)["ptr"].(map[string]any)["From"], g["inner"].(map[string]any)["lazy"].(map[string]any)["From"]},
		"list":  g["list"].([]any)[0].(map[string]any)["From"],
		"base":  got["base"].(map[string]any)["From"],
	}
	if diff := cmp.Diff(want, gotFrom); diff != "" {
		t.Errorf("From in the log line (-want +got):\n%s", diff)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// badTag fails its plan; logging it must not print it.
type badTag struct {
	Phone float64 `pii:"phone"`
}

func TestHandlerFailsClosed(t *testing.T) {
	var buf bytes.Buffer
	slog.New(pii.NewHandler(slog.NewTextHandler(&buf, nil), nil)).Info("x", "v", badTag{Phone: 14155551234})
	if strings.Contains(buf.String(), "1.4155551234e+10") || !strings.Contains(buf.String(), "PII-REDACTION-FAILED") {
		t.Errorf("a value whose tags are wrong was logged as it is:\n%s", buf.String())
	}
}

func TestHandlerSlogtest(t *testing.T) {
	var buf bytes.Buffer
	h := pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)
	results := func() []map[string]any {
		var ms []map[string]any
		for line := range bytes.Lines(buf.Bytes()) {
			var m map[string]any
			if err := json.Unmarshal(line, &m); err != nil {
				t.Fatal(err)
			}
			ms = append(ms, m)
		}
		return ms
	}
	if err := slogtest.TestHandler(h, results); err != nil {
		t.Error(err)
	}
}

func TestSafe(t *testing.T) {
	m := Participant{Label: "mobile", Number: "+14155551234"}
	s := pii.Safe(&m)
	js, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "p", s)
	got := []string{fmt.Sprintf("%v", s), fmt.Sprintf("%+v", s), s.String(), string(js)}
	want := []string{
		"&{mobile +1415555XXXX}",
		"&{Label:mobile Number:+1415555XXXX}",
		"&{mobile +1415555XXXX}",
		`{"Label":"mobile","Number":"+1415555XXXX"}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Safe printed (-want +got):\n%s", diff)
	}
	if strings.Contains(withoutTime(buf.String()), "1234") || m.Number != "+14155551234" {
		t.Errorf("slog line %q, original %q", buf.String(), m.Number)
	}
}

func TestHandlerPassesThrough(t *testing.T) {
	// A record with nothing to hide reaches the next handler as it is.
	rec := &recorder{}
	h := pii.NewHandler(rec, nil)
	r := slog.NewRecord(sampleMessage().Created, slog.LevelInfo, "hello", 0)
	r.AddAttrs(slog.Int("n", 1), slog.String("s", "x"))
	if err := h.Handle(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if rec.n != 2 || rec.msg != "hello" {
		t.Errorf("next handler saw %d attrs, message %q", rec.n, rec.msg)
	}
}

type recorder struct {
	n   int
	msg string
}

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	r.n, r.msg = rec.NumAttrs(), rec.Message
	return nil
}
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *recorder) WithGroup(string) slog.Handler      { return r }
