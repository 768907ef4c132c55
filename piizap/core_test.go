package piizap_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// The personal data of the tests: none of these may reach a log line.
const (
	phone = "+14155550123"
	email = "jane.doe@example.com"
	name  = "Jane Doe"
	plan  = "premium-plan" // Not PII: must reach the line
)

var markers = []string{phone, "4155550123", email, name}

type Customer struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Email string `pii:"email" json:"email"`
	Phone string `pii:"phone" json:"phone"`
	Plan  string `pii:"no" json:"plan"`
}

func customer() Customer {
	return Customer{ID: "c1", Name: name, Email: email, Phone: phone, Plan: plan}
}

// MarshalLogObject lets the customer log itself field by field, as zap.Object and
// zap.Inline ask.
func (c Customer) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("name", c.Name)
	enc.AddString("email", c.Email)
	enc.AddString("phone", c.Phone)
	enc.AddString("plan", c.Plan)
	return nil
}

// Customers logs as an array.
type Customers []Customer

func (cs Customers) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, c := range cs {
		if err := enc.AppendObject(c); err != nil {
			return err
		}
	}
	return nil
}

// Envelope holds a customer behind an interface and a pointer.
type Envelope struct {
	Kind    string `pii:"no"`
	Payload any
	Owner   *Customer
}

// CustomerError is an error that carries a customer.
type CustomerError struct {
	C Customer
}

func (e *CustomerError) Error() string { return "customer " + e.C.Plan + " " + e.C.Phone }

// BadTag has a tag the library refuses.
type BadTag struct {
	Phone float64 `pii:"phone"`
}

func newLogger(buf *bytes.Buffer, p *pii.Policy, opts ...piizap.Option) *zap.Logger {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
	return zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(buf), zapcore.DebugLevel), p, opts...))
}

// TestNoPIIReachesOutput logs tagged values every way zap takes them, and checks that no
// phone, email or name reaches the line while the Not PII plan does.
func TestNoPIIReachesOutput(t *testing.T) {
	c := customer()
	tests := []struct {
		name string
		log  func(*zap.Logger)
	}{
		{"Any", func(l *zap.Logger) { l.Info("m", zap.Any("c", c)) }},
		{"Any pointer", func(l *zap.Logger) { l.Info("m", zap.Any("c", &c)) }},
		{"Any slice", func(l *zap.Logger) { l.Info("m", zap.Any("c", []Customer{c, c})) }},
		{"Any map", func(l *zap.Logger) { l.Info("m", zap.Any("c", map[string]*Customer{"a": &c})) }},
		{"Reflect", func(l *zap.Logger) { l.Info("m", zap.Reflect("c", c)) }},
		{"Reflect interface and pointer", func(l *zap.Logger) {
			l.Info("m", zap.Reflect("e", Envelope{Kind: "k", Payload: c, Owner: &c}))
		}},
		{"Object", func(l *zap.Logger) { l.Info("m", zap.Object("c", c)) }},
		{"Inline", func(l *zap.Logger) { l.Info("m", zap.Inline(c)) }},
		{"Array", func(l *zap.Logger) { l.Info("m", zap.Array("cs", Customers{c, c})) }},
		{"Objects", func(l *zap.Logger) { l.Info("m", zap.Objects("cs", []Customer{c, c})) }},
		{"Dict", func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Any("c", c), zap.String("k", "v"))) }},
		{"Error", func(l *zap.Logger) { l.Error("m", zap.Error(&CustomerError{C: c})) }},
		{"Sugar With", func(l *zap.Logger) { l.Sugar().With("c", &c).Warnf("m %d", 1) }},
		{"With", func(l *zap.Logger) { l.With(zap.Any("c", c)).Info("m") }},
		{"With twice", func(l *zap.Logger) { l.With(zap.Any("c", c)).With(zap.Object("d", c)).Info("m") }},
		{"Sugar", func(l *zap.Logger) { l.Sugar().Infow("m", "c", c) }},
		{"Stringer Safe", func(l *zap.Logger) { l.Info("m", zap.Stringer("c", pii.Safe(c))) }},
		{"Any Safe", func(l *zap.Logger) { l.Info("m", zap.Any("c", pii.Safe(c))) }},
		{"piizap.Object", func(l *zap.Logger) { l.Info("m", piizap.Object("c", c)) }},
		{"piizap.Object pointer", func(l *zap.Logger) { l.Info("m", piizap.Object("c", &c)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			tt.log(newLogger(&buf, nil))
			out := buf.String()
			for _, m := range markers {
				if strings.Contains(out, m) {
					t.Errorf("output holds %q: %s", m, out)
				}
			}
			if !strings.Contains(out, plan) {
				t.Errorf("output lost the Not PII plan: %s", out)
			}
			if !json.Valid(bytes.TrimSpace(buf.Bytes())) {
				t.Errorf("output is not JSON: %s", out)
			}
		})
	}
	if c != customer() {
		t.Errorf("the caller's value changed: %+v", c)
	}
}

// TestObjectStructured checks that Object and a wrapped pii.Safe write objects with
// field names, not flat strings.
func TestObjectStructured(t *testing.T) {
	c := customer()
	for _, f := range []zap.Field{piizap.Object("c", c), zap.Stringer("c", pii.Safe(c))} {
		var buf bytes.Buffer
		newLogger(&buf, nil).Info("m", f)
		var line struct {
			C map[string]any `json:"c"`
		}
		if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
			t.Fatalf("%v: %s", err, buf.String())
		}
		if diff := cmp.Diff([]any{"c1", plan}, []any{line.C["id"], line.C["plan"]}); diff != "" {
			t.Errorf("Not PII fields (-want +got):\n%s\n%s", diff, buf.String())
		}
		if line.C["phone"] == phone || line.C["phone"] == nil {
			t.Errorf("phone = %v, want a redacted phone: %s", line.C["phone"], buf.String())
		}
	}
}

// TestBadTagFailsClosed logs a value whose tag is wrong: the line says so, and never
// shows the value.
func TestBadTagFailsClosed(t *testing.T) {
	for _, f := range []zap.Field{zap.Any("b", BadTag{Phone: 4155550123}), piizap.Object("b", BadTag{Phone: 4155550123})} {
		var buf bytes.Buffer
		newLogger(&buf, nil).Info("m", f)
		out := buf.String()
		if !strings.Contains(out, "!PII-REDACTION-FAILED: pii: piizap_test.BadTag.Phone") || strings.Contains(out, "4155550123") ||
			strings.Contains(out, "4.155550123e+09") {
			t.Errorf("output = %s, want a redaction failure without the value", out)
		}
	}
}

// TestScanStrings hides personal data found in the message and in string fields, only
// when asked.
func TestScanStrings(t *testing.T) {
	tests := []struct {
		opts     []piizap.Option
		wantSeen bool
	}{
		{nil, true},
		{[]piizap.Option{piizap.ScanStrings()}, false},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		newLogger(&buf, nil, tt.opts...).Info("reply to "+email, zap.String("note", "call "+phone), zap.String("plan", plan))
		out := buf.String()
		if got := strings.Contains(out, email) || strings.Contains(out, phone); got != tt.wantSeen {
			t.Errorf("scan %v: personal data seen = %v, want %v: %s", tt.opts != nil, got, tt.wantSeen, out)
		}
		if !strings.Contains(out, plan) {
			t.Errorf("output lost %q: %s", plan, out)
		}
	}
}

// TestUntaggedPassesThrough leaves fields without personal data as they came.
func TestUntaggedPassesThrough(t *testing.T) {
	var buf bytes.Buffer
	newLogger(&buf, nil).Info("m", zap.Any("n", []string{"a", "b"}), zap.Int("i", 3), zap.Any("s", struct{ A int }{4}))
	if want := `{"level":"info","msg":"m","n":["a","b"],"i":3,"s":{"A":4}}` + "\n"; buf.String() != want {
		t.Errorf("got %s, want %s", buf.String(), want)
	}
}

// TestLevel reports the wrapped core's level, so that zap.Logger.Level works through it.
func TestLevel(t *testing.T) {
	base := zapcore.NewCore(zapcore.NewJSONEncoder(zapcore.EncoderConfig{}), zapcore.AddSync(&bytes.Buffer{}), zapcore.WarnLevel)
	if got := zapcore.LevelOf(piizap.NewCore(base, nil)); got != zapcore.WarnLevel {
		t.Errorf("LevelOf = %v, want warn", got)
	}
	var buf bytes.Buffer
	l := zap.New(piizap.NewCore(zapcore.NewCore(zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"}), zapcore.AddSync(&buf), zapcore.WarnLevel), nil))
	l.Info("dropped", zap.Any("c", customer()))
	if buf.Len() != 0 {
		t.Errorf("an info line passed a warn core: %s", buf.String())
	}
}
