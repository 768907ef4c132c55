package piizap_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// lastFour's MarshalJSON holds on every real card and panics on a redacted copy, whose
// sensitive card is zeroed.
type lastFour struct {
	Card string `pii:"card,handling=sensitive"`
}

func (c lastFour) MarshalJSON() ([]byte, error) { return json.Marshal("*" + c.Card[len(c.Card)-4:]) }

type withCard struct {
	ID      string   `pii:"no"`
	Payment lastFour `pii:"card,handling=sensitive"`
}

// TestObjectNestedMarshalerPanics checks that Object writes the failure note for a
// field of the redacted struct whose MarshalJSON panics on the copy, and the rest of
// the struct, where the log call used to panic.
func TestObjectNestedMarshalerPanics(t *testing.T) {
	var buf bytes.Buffer
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	l := zap.New(zapcore.NewCore(enc, zapcore.AddSync(&buf), zapcore.DebugLevel))
	l.Info("m", piizap.Object("c", withCard{ID: "c1", Payment: lastFour{Card: "4242424242424242"}}))
	want := `{"msg":"m","c":{"ID":"c1","Payment":"!PII-REDACTION-FAILED: pii: piizap_test.lastFour: a method of the value panicked while it was written"}}` + "\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}
