package piizap_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// reflected is an array that zap encodes by reflection, element by element.
type reflected []any

func (r reflected) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, v := range r {
		if err := enc.AppendReflected(v); err != nil {
			return err
		}
	}
	return nil
}

// TestLeavesAsSlog logs the values a PII tag masks as their text (URLs, netip values, an
// error holding only text), errors holding a reflect.Type, and what the library refuses
// (a reflect.Value, a map keyed by a tagged type in an unexported field) every way zap
// takes them, in a child process (a fatal error would end the run): each line shows what
// the slog Handler shows of the value, and nothing personal; the caller's value is as it
// was.
func TestLeavesAsSlog(t *testing.T) {
	adaptertest.InChild(t, func(t *testing.T) {
		for _, scan := range []bool{false, true} {
			for _, s := range adaptertest.Shapes() {
				v := s.Value()
				var opts []piizap.Option
				var hopts []pii.HandlerOption
				if scan {
					opts, hopts = append(opts, piizap.ScanStrings()), append(hopts, pii.ScanStrings())
				}
				want := adaptertest.SlogJSON(t, v, hopts...)
				_, isErr := v.(error)
				routes := map[string]func(*zap.Logger){
					"Any":   func(l *zap.Logger) { l.Info("m", zap.Any("v", v)) },
					"Dict":  func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Any("v", v))) },
					"With":  func(l *zap.Logger) { l.With(zap.Any("v", v)).Info("m") },
					"Infow": func(l *zap.Logger) { l.Sugar().Infow("m", "v", v) },
				}
				if isErr {
					routes["Error"] = func(l *zap.Logger) { l.Info("m", zap.NamedError("v", v.(error))) }
					routes["Errors"] = func(l *zap.Logger) { l.Info("m", zap.Errors("v", []error{v.(error)})) }
				} else {
					// zap writes an error by reflection or field by field, not as its text.
					routes["Reflect"] = func(l *zap.Logger) { l.Info("m", zap.Reflect("v", v)) }
					routes["Object"] = func(l *zap.Logger) { l.Info("m", piizap.Object("v", v)) }
					routes["Array"] = func(l *zap.Logger) { l.Info("m", zap.Array("v", reflected{v})) }
				}
				for name, log := range routes {
					var buf bytes.Buffer
					log(newLogger(&buf, nil, opts...))
					adaptertest.NoLeak(t, buf.String(), s.Failed)
					got := buf.String()
					switch name {
					case "Dict":
						got = adaptertest.Field(t, adaptertest.Field(t, got, "d"), "v")
					default:
						got = adaptertest.Field(t, got, "v")
					}
					w := want
					switch name {
					case "Array":
						if s.Name == "reflect.Value" {
							continue // the core keeps a reflect.Value in a slice: TestReflectValueInSlice
						}
						w = adaptertest.SlogJSON(t, []any{v}, hopts...)
					case "Errors":
						got = adaptertest.Field(t, got[1:len(got)-1], "error") // zap adds errorVerbose
					}
					if diff := cmp.Diff(w, got); diff != "" {
						t.Errorf("%s, %s, scan %v (-slog +zap):\n%s", s.Name, name, scan, diff)
					}
				}
				if l, ok := v.(adaptertest.Leaves); ok {
					adaptertest.Unchanged(t, l)
				}
			}
		}
	})
}

// TestErrorWithTypeVerbose logs an error whose type holds a reflect.Type and formats
// itself: zap writes its %+v as errorVerbose, which shows the type and no email.
func TestErrorWithTypeVerbose(t *testing.T) {
	adaptertest.InChild(t, func(t *testing.T) {
		var buf bytes.Buffer
		newLogger(&buf, nil).Info("m", zap.Error(adaptertest.NewKindError()))
		const want = `{"level":"info","msg":"m","error":"adaptertest.Customer for ***@example.com on premium-plan","errorVerbose":"verbose: adaptertest.Customer for ***@example.com on premium-plan"}`
		if diff := cmp.Diff(want, strings.TrimSpace(buf.String())); diff != "" {
			t.Errorf("line (-want +got):\n%s", diff)
		}
	})
}

// TestReflectValueInSlice logs a reflect.Value inside a slice: zap.Array refuses it, as
// a line refuses a reflect.Value given itself, but zap.Any (and the slog Handler) write
// the copy, which holds the caller's reflect.Value: Redacted returns it, with nil error,
// and its Interface() is the raw record.
func TestReflectValueInSlice(t *testing.T) {
	c := adaptertest.NewCustomer()
	var buf bytes.Buffer
	newLogger(&buf, nil).Info("m", zap.Any("v", []any{reflect.ValueOf(&c)}))
	if line := buf.String(); !strings.Contains(line, "!PII-REDACTION-FAILED") || !strings.Contains(line, "reflect.Value") || strings.Contains(line, adaptertest.Email) {
		t.Errorf("line = %s, want the reflect.Value refused", line)
	}
	if got, err := pii.Redacted(nil, []any{reflect.ValueOf(&c)}); !errors.Is(err, pii.ErrReflectValue) {
		t.Errorf("Redacted = %v, %v; want ErrReflectValue", got, err)
	}
}
