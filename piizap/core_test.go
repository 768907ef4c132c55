package piizap_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Customer is the tests' customer, with the methods zap.Object and zap.Array ask for.
type Customer adaptertest.Customer

func customer() Customer { return Customer(adaptertest.NewCustomer()) }

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

// CustomerError is an error that carries a customer.
type CustomerError struct {
	C Customer
}

func (e *CustomerError) Error() string { return "customer " + e.C.Plan + " " + e.C.Phone }

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
			l.Info("m", zap.Reflect("e", adaptertest.Envelope{Kind: "k", Payload: c, Owner: (*adaptertest.Customer)(&c)}))
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
			adaptertest.NoPII(t, buf.String())
			adaptertest.ValidJSON(t, buf.String())
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
		if diff := cmp.Diff([]any{"c1", adaptertest.Plan}, []any{line.C["id"], line.C["plan"]}); diff != "" {
			t.Errorf("Not PII fields (-want +got):\n%s\n%s", diff, buf.String())
		}
		if line.C["phone"] == adaptertest.Phone || line.C["phone"] == nil {
			t.Errorf("phone = %v, want a redacted phone: %s", line.C["phone"], buf.String())
		}
	}
}

// TestBadTagFailsClosed logs a value whose tag is wrong: the line says so, and never
// shows the value.
func TestBadTagFailsClosed(t *testing.T) {
	for _, f := range []zap.Field{zap.Any("b", adaptertest.BadTag{Phone: 4155550123}), piizap.Object("b", adaptertest.BadTag{Phone: 4155550123})} {
		var buf bytes.Buffer
		newLogger(&buf, nil).Info("m", f)
		adaptertest.FailedClosed(t, buf.String())
	}
}

// TestSensitiveZeroed logs sensitive data every way the adapter takes it: none of it
// shows, as through a pii.Handler.
func TestSensitiveZeroed(t *testing.T) {
	pay := adaptertest.NewPayment()
	for name, f := range map[string]zap.Field{
		"Any":    zap.Any("p", pay),
		"Object": piizap.Object("p", pay),
		"Safe":   zap.Any("p", pii.Safe(pay)),
	} {
		var buf bytes.Buffer
		newLogger(&buf, nil).Info("m", f)
		t.Run(name, func(t *testing.T) { adaptertest.NoSensitive(t, buf.String()) })
	}
}

// TestBadTagErrorFailsClosed logs, with zap.Error, an error whose type has a wrong
// tag: the line says the redaction failed, never the error's text.
func TestBadTagErrorFailsClosed(t *testing.T) {
	var buf bytes.Buffer
	newLogger(&buf, nil).Info("m", zap.Error(adaptertest.BadTagError{Phone: 4155550123}))
	out := buf.String()
	if !strings.Contains(out, "!PII-REDACTION-FAILED: pii: adaptertest.BadTagError.Phone") || strings.Contains(out, "4.155550123e+09") {
		t.Errorf("output = %s, want a redaction failure without the value", out)
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
		newLogger(&buf, nil, tt.opts...).Info("reply to "+adaptertest.Email, zap.String("note", "call "+adaptertest.Phone), zap.String("plan", adaptertest.Plan))
		out := buf.String()
		if got := strings.Contains(out, adaptertest.Email) || strings.Contains(out, adaptertest.Phone); got != tt.wantSeen {
			t.Errorf("scan %v: personal data seen = %v, want %v: %s", tt.opts != nil, got, tt.wantSeen, out)
		}
		if !strings.Contains(out, adaptertest.Plan) {
			t.Errorf("output lost %q: %s", adaptertest.Plan, out)
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
