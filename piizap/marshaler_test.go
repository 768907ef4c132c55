package piizap_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// badObject is a zapcore.ObjectMarshaler whose type carries a tag the library refuses.
type badObject struct {
	Phone float64 `pii:"phone"`
}

func (b badObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddFloat64("phone", b.Phone)
	return nil
}

// badArray is a zapcore.ArrayMarshaler of values whose type carries a refused tag.
type badArray []adaptertest.BadTag

func (a badArray) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, b := range a {
		enc.AppendFloat64(b.Phone)
	}
	return nil
}

// TestBadTagMarshalerFailsClosed logs, with zap.Object and zap.Array, marshalers whose
// types carry a wrong tag: the line says the redaction failed and names the field, and
// logging neither panics nor shows the value.
func TestBadTagMarshalerFailsClosed(t *testing.T) {
	for name, f := range map[string]zap.Field{
		"Object": zap.Object("b", badObject{Phone: 4155550123}),
		"Array":  zap.Array("b", badArray{{Phone: 4155550123}}),
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("logging panicked: %v", r)
					}
				}()
				newLogger(&buf, nil).Info("m", f)
			}()
			out := buf.String()
			if !bytes.Contains(buf.Bytes(), []byte("!PII-REDACTION-FAILED: pii: ")) || bytes.Contains(buf.Bytes(), []byte("4.155550123e+09")) {
				t.Errorf("output = %s, want a redaction failure without the value", out)
			}
		})
	}
}

// who is an untagged fmt.Stringer whose text holds a phone number.
type who struct{ n string }

func (w who) String() string { return "call " + w.n }

// TestScannedStringer logs, with ScanStrings, a zap.Stringer whose text holds a phone
// number: the line shows the text with the number hidden, under the field's key.
func TestScannedStringer(t *testing.T) {
	var buf bytes.Buffer
	newLogger(&buf, nil, piizap.ScanStrings()).Info("m", zap.Stringer("who", who{"+14155552671"}))
	out := buf.String()
	if !strings.Contains(out, `"who":"call +1415555XXXX"`) || strings.Contains(out, "PANIC") {
		t.Errorf("output = %s, want who's text with the number masked", out)
	}
}

// TestObjectOfError logs errors with Object: their text shows, with the personal data
// of a tagged value they wrap (%w) hidden, never an empty object. (A tagged value
// printed into an error's text with %v is text like any other: piivet reports it.)
func TestObjectOfError(t *testing.T) {
	for _, err := range []error{
		errors.New("plain failure"),
		fmt.Errorf("signup refused: %w", &CustomerError{C: customer()}),
	} {
		var buf bytes.Buffer
		newLogger(&buf, nil).Info("m", piizap.Object("err", err))
		out := buf.String()
		if strings.Contains(out, `"err":{}`) || !strings.Contains(out, "failure") && !strings.Contains(out, "refused") {
			t.Errorf("output = %s, want the error's text", out)
		}
		for _, m := range adaptertest.Markers {
			if strings.Contains(out, m) {
				t.Errorf("output holds %q: %s", m, out)
			}
		}
	}
}
