package piizap_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// TestScanStringsKeys logs fields whose keys are made of data, every way zap takes a key:
// with ScanStrings they are scanned as values are; without, they are left as they are.
func TestScanStringsKeys(t *testing.T) {
	const red = "***@example.com"
	tests := []struct {
		name string
		log  func(*zap.Logger)
		want string
	}{
		{"field", func(l *zap.Logger) { l.Info("m", zap.Int(adaptertest.Email, 1)) },
			`{"level":"info","msg":"m","` + red + `":1}`},
		{"changed value", func(l *zap.Logger) { l.Info("m", zap.String(adaptertest.Email, "call "+adaptertest.Phone)) },
			`{"level":"info","msg":"m","` + red + `":"call +1415555XXXX"}`},
		{"sugared pair", func(l *zap.Logger) { l.Sugar().Infow("m", adaptertest.Email, 1) },
			`{"level":"info","msg":"m","` + red + `":1}`},
		{"With", func(l *zap.Logger) { l.With(zap.Int(adaptertest.Email, 1)).Info("m") },
			`{"level":"info","msg":"m","` + red + `":1}`},
		{"Dict", func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Int(adaptertest.Email, 1))) },
			`{"level":"info","msg":"m","d":{"` + red + `":1}}`},
		{"Namespace", func(l *zap.Logger) { l.Info("m", zap.Namespace(adaptertest.Email), zap.Int("n", 1)) },
			`{"level":"info","msg":"m","` + red + `":{"n":1}}`},
		{"tagged value", func(l *zap.Logger) { l.Info("m", zap.Any(adaptertest.Email, adaptertest.NewCustomer())) },
			""},
		{"marshaler's keys", func(l *zap.Logger) { l.Info("m", zap.Object("o", everyKey{})) },
			`{"level":"info","msg":"m","o":{` + everyKeyLine(red) + `}}`},
		{"keys of a marshaler in an array", func(l *zap.Logger) { l.Info("m", zap.Objects("a", []everyKey{{}})) },
			`{"level":"info","msg":"m","a":[{` + everyKeyLine(red) + `}]}`},
		{"keys of a marshaler in a marshaler", func(l *zap.Logger) {
			l.Info("m", zap.Object("o", zapcore.ObjectMarshalerFunc(func(enc zapcore.ObjectEncoder) error {
				return enc.AddObject(adaptertest.Email, everyKey{})
			})))
		}, `{"level":"info","msg":"m","o":{"` + red + `":{` + everyKeyLine(red) + `}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			tt.log(newLogger(&buf, nil, piizap.ScanStrings()))
			if tt.want == "" {
				adaptertest.NoPII(t, buf.String()) // a tagged value: its plan shows, its data does not
			} else if diff := cmp.Diff(tt.want+"\n", buf.String()); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
			buf.Reset()
			tt.log(newLogger(&buf, nil))
			if !bytes.Contains(buf.Bytes(), []byte(adaptertest.Email)) {
				t.Errorf("without ScanStrings the key changed: %s", buf.String())
			}
		})
	}
}

// everyKey is a marshaler that adds a value under an email address with each method of
// zapcore.ObjectEncoder, the namespace it opens last.
type everyKey struct{}

func (everyKey) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	k := adaptertest.Email
	enc.AddBool(k, true)
	enc.AddComplex128(k, 1)
	enc.AddComplex64(k, 1)
	enc.AddDuration(k, time.Second)
	enc.AddFloat64(k, 1.5)
	enc.AddFloat32(k, 1.5)
	enc.AddInt(k, 1)
	enc.AddInt64(k, 1)
	enc.AddInt32(k, 1)
	enc.AddInt16(k, 1)
	enc.AddInt8(k, 1)
	enc.AddTime(k, time.Unix(0, 0).UTC())
	enc.AddUint(k, 1)
	enc.AddUint64(k, 1)
	enc.AddUint32(k, 1)
	enc.AddUint16(k, 1)
	enc.AddUint8(k, 1)
	enc.AddUintptr(k, 1)
	enc.AddString(k, "s")
	enc.AddByteString(k, []byte("b"))
	enc.AddBinary(k, []byte("b"))
	if err := enc.AddReflected(k, 1); err != nil {
		return err
	}
	if err := enc.AddArray(k, zapcore.ArrayMarshalerFunc(func(zapcore.ArrayEncoder) error { return nil })); err != nil {
		return err
	}
	enc.OpenNamespace(k)
	enc.AddInt("n", 1)
	return nil
}

// everyKeyLine is what zap's JSON encoder writes for everyKey, its key written as key.
func everyKeyLine(key string) string {
	var b strings.Builder
	for i, v := range []string{"true", `"1+0i"`, `"1+0i"`, "1000000000", "1.5", "1.5", "1", "1", "1", "1", "1",
		"0", "1", "1", "1", "1", "1", "1", `"s"`, `"b"`, `"Yg=="`, "1", "[]"} {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"` + key + `":` + v)
	}
	b.WriteString(`,"` + key + `":{"n":1}`)
	return b.String()
}
