package piizap_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// shown is a tagged type that prints its fields with String and Format, as zap.Stringer
// and an error's "errorVerbose" ask.
type shown struct {
	Phone string `pii:"phone"`
	Plan  string `pii:"no"`
}

func (s shown) String() string             { return s.Phone + " " + s.Plan }
func (s shown) Error() string              { return "failed: " + s.String() }
func (s shown) Format(f fmt.State, _ rune) { fmt.Fprint(f, "verbose: "+s.String()) }
func (s *shown) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("phone", s.Phone)
	return nil
}

// TestRoutes logs tagged values the ways services do that other tests leave out:
// zap's generic and list helpers, errors with a verbose form, arrays, interfaces, loggers
// derived with options, and a sampler around the core. Each line is the one zap writes
// of the redacted value.
func TestRoutes(t *testing.T) {
	c := adaptertest.NewCustomer()
	s := shown{adaptertest.Phone, adaptertest.Plan}
	const rc, rs = redactedCustomer, "+1415555XXXX premium-plan"
	var held any = &c
	tests := []lineTest{
		{"Stringer", false, func(l *zap.Logger) { l.Info("m", zap.Stringer("s", s)) },
			`{"level":"info","msg":"m","s":"` + rs + `"}`},
		{"Stringers", false, func(l *zap.Logger) { l.Info("m", zap.Stringers("s", []shown{s, s})) },
			`{"level":"info","msg":"m","s":["` + rs + `","` + rs + `"]}`},
		{"Error with Format", false, func(l *zap.Logger) { l.Info("m", zap.Error(s)) },
			`{"level":"info","msg":"m","error":"failed: ` + rs + `","errorVerbose":"verbose: ` + rs + `"}`},
		{"Errors", false, func(l *zap.Logger) {
			l.Info("m", zap.Errors("es", []error{s, fmt.Errorf("w: %w", adaptertest.NewPhoneError())}))
		},
			`{"level":"info","msg":"m","es":[{"error":"failed: ` + rs + `","errorVerbose":"verbose: ` + rs + `"},{"error":"w: ` + adaptertest.PhoneErrorText + `"}]}`},
		{"NamedError joined", false, func(l *zap.Logger) {
			l.Info("m", zap.NamedError("e", errors.Join(errors.New("a"), adaptertest.NewPhoneError())))
		},
			`{"level":"info","msg":"m","e":"a\n` + adaptertest.PhoneErrorText + `"}`},
		{"ObjectValues", false, func(l *zap.Logger) { l.Info("m", zap.ObjectValues("o", []shown{s})) },
			`{"level":"info","msg":"m","o":[{"phone":"+1415555XXXX"}]}`},
		{"Any of an array", false, func(l *zap.Logger) { l.Info("m", zap.Any("a", [2]adaptertest.Customer{c, c})) },
			`{"level":"info","msg":"m","a":[` + rc + `,` + rc + `]}`},
		{"Any of an interface's address", false, func(l *zap.Logger) { l.Info("m", zap.Any("a", &held)) },
			`{"level":"info","msg":"m","a":` + rc + `}`},
		{"Any of []any and map", false, func(l *zap.Logger) {
			l.Info("m", zap.Any("a", []any{c, 1}), zap.Any("m", map[string]any{"c": &c}))
		}, `{"level":"info","msg":"m","a":[` + rc + `,1],"m":{"c":` + rc + `}}`},
		{"WithOptions Fields", false, func(l *zap.Logger) { l.WithOptions(zap.Fields(zap.Any("c", c))).Named("n").Info("m") },
			`{"level":"info","msg":"m","c":` + rc + `}`},
		{"IncreaseLevel", false, func(l *zap.Logger) { l.WithOptions(zap.IncreaseLevel(zap.WarnLevel)).Warn("m", zap.Any("c", c)) },
			`{"level":"warn","msg":"m","c":` + rc + `}`},
		{"sampler around the core", false, func(l *zap.Logger) {
			l.WithOptions(zap.WrapCore(func(core zapcore.Core) zapcore.Core { return zapcore.NewSamplerWithOptions(core, 1e9, 1, 0) })).
				With(zap.Any("c", c)).Info("m", zap.Stringer("s", s))
		}, `{"level":"info","msg":"m","c":` + rc + `,"s":"` + rs + `"}`},
		{"Hooks", false, func(l *zap.Logger) {
			l.WithOptions(zap.Hooks(func(zapcore.Entry) error { return nil })).Info("m", zap.Any("c", c))
		}, `{"level":"info","msg":"m","c":` + rc + `}`},
	}
	checkLines(t, tests)
}

// TestRoutesAsZap logs values that hold nothing to hide, and values zap cannot encode
// (a channel, a function), beside a tagged one: each line is the one zap writes without
// the core, but for the tagged value, and nothing panics.
func TestRoutesAsZap(t *testing.T) {
	tests := []struct {
		name   string
		fields []zap.Field
	}{
		{"channel", []zap.Field{zap.Any("ch", make(chan int)), zap.String("p", "x")}},
		{"function", []zap.Field{zap.Any("f", func() {}), zap.Int("n", 1)}},
		{"struct with a channel", []zap.Field{zap.Any("s", struct{ C chan int }{make(chan int)})}},
		{"plain error list", []zap.Field{zap.Error(adaptertest.NewErrorList(errors.New("a"), errors.New("b")))}},
		{"nil pointers", []zap.Field{zap.Error((*adaptertest.ErrorList)(nil)), zap.NamedError("p", (*adaptertest.PhoneError)(nil))}},
		{"plain Errors", []zap.Field{zap.Errors("es", []error{errors.New("a"), fmt.Errorf("w: %w", errors.New("b"))})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var raw, got bytes.Buffer
			enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
			zap.New(zapcore.NewCore(enc, zapcore.AddSync(&raw), zapcore.DebugLevel)).Info("m", tt.fields...)
			newLogger(&got, nil).Info("m", tt.fields...)
			if diff := cmp.Diff(raw.String(), got.String()); diff != "" {
				t.Errorf("line (-zap +piizap):\n%s", diff)
			}
		})
	}
}

// TestConsoleEncoder logs tagged values through zap's console encoder: the line shows
// the redacted values, as the JSON encoder does.
func TestConsoleEncoder(t *testing.T) {
	var buf bytes.Buffer
	enc := zapcore.NewConsoleEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	l := zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(&buf), zapcore.DebugLevel), nil))
	c := adaptertest.NewCustomer()
	l.With(zap.Any("c", c)).Info("m", zap.Error(adaptertest.NewPhoneError()), zap.Stringer("s", shown{adaptertest.Phone, adaptertest.Plan}))
	want := "m\t{\"c\": " + redactedCustomer + ", \"error\": \"" + adaptertest.PhoneErrorText + "\", \"s\": \"+1415555XXXX premium-plan\"}\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}
