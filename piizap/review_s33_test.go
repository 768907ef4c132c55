package piizap_test

// Review s33 of the commits 07fddf1..HEAD (internal/guard in piizap, invalid.go).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// s33Code writes itself as text: a type such as uuid.UUID, whose MarshalText holds on
// every value, copies included.
type s33Code struct{ S string }

func (c s33Code) MarshalText() ([]byte, error) { return []byte("code-" + c.S), nil }

// s33User is a tagged record with a field that writes itself (guard.Marshals is true).
type s33User struct {
	ID    string  `pii:"no"`
	Email string  `pii:"email"`
	Code  s33Code `pii:"no"`
}

// s33Failing writes an error: a MarshalJSON that fails, but never panics.
type s33Failing struct{}

func (s33Failing) MarshalJSON() ([]byte, error) { return nil, errors.New("unavailable") }

type s33UserFailing struct {
	Email string     `pii:"email"`
	F     s33Failing `pii:"no"`
}

// s33Holder holds a tagged value behind an interface field.
type s33Holder struct {
	Email string `pii:"email"`
	Item  any    `pii:"no"`
}

type s33List struct {
	ID    string    `pii:"no"`
	Users []s33User `pii:"no"`
}

type s33Own struct{}

func (s33Own) MarshalJSON() ([]byte, error) { panic("the value's own MarshalJSON") }

type s33UntaggedOwn struct{ O s33Own }

func s33NewUser() s33User {
	return s33User{ID: "u1", Email: adaptertest.ReviewEmail, Code: s33Code{"7"}}
}

func s33Line(t *testing.T, core func(zapcore.Core) zapcore.Core, log func(*zap.Logger)) (out string, panicked any) {
	t.Helper()
	var buf bytes.Buffer
	func() {
		defer func() { panicked = recover() }()
		log(zap.New(core(arJSONCore(&buf))))
	}()
	return buf.String(), panicked
}

func s33Wrap(c zapcore.Core) zapcore.Core { return piizap.NewCore(c, nil) }

// DEFECT (found by review of guard.JSON and MarshalError; fixed since): a reflected copy whose type marshals itself is handed to
// zap as guard.guarded{v any} (field.go:137, internal/guard JSON); a second NewCore
// (a library's logger wrapped again by the application, or NewCore around a tee holding
// one) then finds a tagged value behind an unexported interface field and withholds it:
// `"u":"!PII-REDACTED: a guard.guarded that holds personal data in unexported fields"`
// where 07fddf1 wrote the redacted object.
func TestS33WrappedTwice(t *testing.T) {
	twice := func(c zapcore.Core) zapcore.Core { return s33Wrap(s33Wrap(c)) }
	got, p := s33Line(t, twice, func(l *zap.Logger) { l.Info("m", zap.Any("u", s33NewUser())) })
	want := `{"level":"info","msg":"m","u":{"ID":"u1","Email":"***@example.com","Code":"code-7"}}` + "\n"
	if p != nil || got != want {
		t.Errorf("NewCore(NewCore(core)): panic %v, line (-want +got):\n%s", p, cmp.Diff(want, got))
	}
}

// DEFECT (found by review of guard.JSON and MarshalError; fixed since): piizap.Object writes a field whose type marshals itself as
// enc.AddReflected(key, guard.JSON(v)) (object.go:77); through NewCore that encoder is
// the field guard's, whose AddReflected redacts the guarded wrapper again and withholds
// it (a tagged value behind guarded's unexported `any`): a []s33User field is written
// "!PII-REDACTED: a guard.guarded that holds personal data in unexported fields" where
// 07fddf1 wrote the redacted list.
func TestS33ObjectListThroughCore(t *testing.T) {
	v := s33List{ID: "l1", Users: []s33User{s33NewUser()}}
	got, p := s33Line(t, s33Wrap, func(l *zap.Logger) { l.Info("m", piizap.Object("o", v)) })
	want := `{"level":"info","msg":"m","o":{"ID":"l1","Users":[{"ID":"u1","Email":"***@example.com","Code":"code-7"}]}}` + "\n"
	if p != nil || got != want {
		t.Errorf("panic %v, line (-want +got):\n%s", p, cmp.Diff(want, got))
	}
}

// DEFECT (found by review of guard.JSON and MarshalError; fixed since): a copy whose MarshalJSON returns an error (no panic) is
// written with a different error text: zap's encoding/json wraps guard.guarded's
// MarshalJSON error around the copy's own (field.go:137).
// 07fddf1: "uError":"json: error calling MarshalJSON for type piizap_test.s33Failing: unavailable"
// now:     "uError":"json: error calling MarshalJSON for type guard.guarded: json: error calling MarshalJSON for type piizap_test.s33Failing: unavailable"
func TestS33MarshalJSONErrorText(t *testing.T) {
	got, _ := s33Line(t, s33Wrap, func(l *zap.Logger) { l.Info("m", zap.Any("u", s33UserFailing{Email: adaptertest.ReviewEmail})) })
	want := `{"level":"info","msg":"m","uError":"json: error calling MarshalJSON for type piizap_test.s33Failing: unavailable"}` + "\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}

// DEFECT (found by review of guard.JSON and MarshalError; fixed since): the core NewCore wraps is handed guard.guarded in place of
// the redacted copy (field.go:137): zaptest/observer's ContextMap, a custom
// EncoderConfig.NewReflectedEncoder (one that is not encoding/json, or that looks at
// the type) and any core that inspects Field.Interface no longer get the value's type.
func TestS33WrappedCoreSeesCopyType(t *testing.T) {
	obs, logs := observer.New(zapcore.DebugLevel)
	zap.New(piizap.NewCore(obs, nil)).Info("m", zap.Any("u", s33NewUser()))
	got := logs.All()[0].ContextMap()["u"]
	if _, ok := got.(s33User); !ok {
		t.Errorf("observer ContextMap()[\"u\"] is a %T, want the redacted piizap_test.s33User", got)
	}
}

// The review (found as a DEFECT against the README of the time): pii.Safe and
// piizap.Object, which encode the value themselves, recover the panic of a value's own
// method when the value is no copy. Decided since: what they encode never crashes the
// log call, copy or not (the README says so); only zap's own fields let a value's own
// panic through.
func TestS33OwnPanicSwallowed(t *testing.T) {
	for name, log := range map[string]func(*zap.Logger){
		"Stringer(Safe)": func(l *zap.Logger) { l.Info("m", zap.Stringer("v", pii.Safe(s33UntaggedOwn{}))) },
		"Object":         func(l *zap.Logger) { l.Info("m", piizap.Object("v", s33UntaggedOwn{})) },
	} {
		t.Run(name, func(t *testing.T) {
			out, p := s33Line(t, s33Wrap, log)
			if p != nil || !strings.Contains(out, "a method of the value panicked while it was written") {
				t.Errorf("panic %v; wrote %s; want the failure note", p, out)
			}
		})
	}
}

type s33Stringer struct{ s string }

func (s s33Stringer) String() string { return "S<" + s.s + ">" }

type s33Obj struct{ a int }

func (o s33Obj) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddInt("a", o.a)
	return errors.New("obj failed")
}

type s33FmtErr struct{}

func (s33FmtErr) Error() string                              { return "fe" }
func (s33FmtErr) Format(f fmt.State, _ rune)                 { fmt.Fprint(f, "verbose fe") }
func (s33FmtErr) Errors() []error                            { return []error{errors.New("c1")} }
func (s33FmtErr) Unwrap() []error                            { return nil }
func (s33FmtErr) Is(error) bool                              { return false }
func (s33FmtErr) As(any) bool                                { return false }
func (s33FmtErr) GoString() string                           { return "gs" }
func (s33FmtErr) MarshalJSON() ([]byte, error)               { return []byte(`"j"`), nil }
func (s33FmtErr) MarshalText() ([]byte, error)               { return []byte("t"), nil }
func (s33FmtErr) MarshalLogArray(zapcore.ArrayEncoder) error { return nil }

// TestS33InvalidPairsAsZap is a guard: untagged invalid key-value pairs of every kind
// are written by NewCore exactly as by zap alone (in lines, With, a console encoder,
// many pairs).
func TestS33InvalidPairsAsZap(t *testing.T) {
	var nilStringer *s33Stringer
	vals := []any{nil, 1, "s<&>\u2028", errors.New("e<>"), fmt.Errorf("w: %w", errors.New("in")),
		errors.Join(errors.New("j1"), errors.New("j2")), s33FmtErr{}, s33Stringer{"x"}, &s33Stringer{"y"},
		nilStringer, s33Obj{3}, map[string]any{"k": map[int]any{1: []any{"v", 2.5}}},
		time.Date(2020, 1, 2, 3, 4, 5, 6, time.UTC), 3 * time.Second, []byte("bytes<>"), []string{"a"},
		struct{ A int }{1}, true, 1.5, complex(1, 2), uint8(7), func() {}, &struct{ X string }{"p"},
		json.RawMessage(`{"r":1}`), s33Code{"c"},
	}
	var many []any
	for i := range 100 {
		many = append(many, i, vals[i%len(vals)])
	}
	write := func(wrap bool, console bool) string {
		var buf bytes.Buffer
		cfg := zap.NewProductionEncoderConfig()
		cfg.TimeKey = ""
		enc := zapcore.NewJSONEncoder(cfg)
		if console {
			enc = zapcore.NewConsoleEncoder(cfg)
		}
		var core zapcore.Core = zapcore.NewCore(enc, zapcore.AddSync(&buf), zapcore.DebugLevel)
		if wrap {
			core = piizap.NewCore(core, nil)
		}
		l := zap.New(core).Sugar()
		for _, v := range vals {
			l.Infow("m", 1, v, v, "x")
			l.With(2, v).Infow("w", "k", "v")
		}
		l.Infow("many", many...)
		return buf.String()
	}
	for _, console := range []bool{false, true} {
		if diff := cmp.Diff(write(false, console), write(true, console)); diff != "" {
			t.Errorf("console %v: zap alone (-) vs NewCore (+):\n%s", console, diff)
		}
	}
}

// The review (found as a DEFECT): a copy held behind an interface (a struct's `any`
// field, []any, map[string]any) was not tried before zap encodes it, and its
// MarshalJSON panicked out of the log call. Fixed since: the log line's walk tries what
// it copies behind interfaces (action_redact_tried.go in package pii).
func TestS33CopyBehindInterfacePanics(t *testing.T) {
	c := adaptertest.ReviewCardJSON{ID: "c1", Card: adaptertest.ReviewCard}
	for name, f := range map[string]zap.Field{
		"struct field": zap.Any("h", s33Holder{Email: adaptertest.ReviewEmail, Item: c}),
		"[]any":        zap.Any("h", []any{c}),
		"map":          zap.Any("h", map[string]any{"c": c}),
	} {
		t.Run(name, func(t *testing.T) {
			out, p := s33Line(t, s33Wrap, func(l *zap.Logger) { l.Info("m", f) })
			if p != nil {
				t.Errorf("the log call panicked: %v", p)
			}
			adaptertest.NoRaw(t, out, "4242")
			if !strings.Contains(out, "a method of the value panicked while it was written") {
				t.Errorf("no failure note: %s", out)
			}
		})
	}
}
