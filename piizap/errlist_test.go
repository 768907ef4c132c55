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

// TestErrorList logs errors that hold a tagged error in a list only their Errors method
// gives (zap's errorGroup, which zap writes as "errorCauses"), at the top of the field
// and wrapped: the text shows with the personal data hidden, and the causes, which would
// show it raw, are left out. A list with nothing to hide is written as zap writes it.
func TestErrorList(t *testing.T) {
	pe := adaptertest.NewPhoneError()
	list := adaptertest.NewErrorList(errors.New("a"), pe)
	const text = `"a; ` + adaptertest.PhoneErrorText + `"`
	tests := []lineTest{
		{"Error", false, func(l *zap.Logger) { l.Info("m", zap.Error(list)) },
			`{"level":"info","msg":"m","error":` + text + `}`},
		{"NamedError wrapped", false, func(l *zap.Logger) { l.Info("m", zap.NamedError("e", fmt.Errorf("x: %w", list))) },
			`{"level":"info","msg":"m","e":"x: a; ` + adaptertest.PhoneErrorText + `"}`},
		{"Any", false, func(l *zap.Logger) { l.Info("m", zap.Any("e", list)) },
			`{"level":"info","msg":"m","e":` + text + `}`},
		{"Sugar Errorw", false, func(l *zap.Logger) { l.Sugar().Infow("m", "error", list) },
			`{"level":"info","msg":"m","error":` + text + `}`},
		{"With", false, func(l *zap.Logger) { l.With(zap.Error(list)).Info("m") },
			`{"level":"info","msg":"m","error":` + text + `}`},
		{"Dict", false, func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Error(list))) },
			`{"level":"info","msg":"m","d":{"error":` + text + `}}`},
		{"Errors", false, func(l *zap.Logger) { l.Info("m", zap.Errors("es", []error{list, errors.New("b")})) },
			`{"level":"info","msg":"m","es":[{"error":` + text + `},{"error":"b"}]}`},
		{"list in a list", false, func(l *zap.Logger) { l.Info("m", zap.Error(adaptertest.NewErrorList(list))) },
			`{"level":"info","msg":"m","error":` + text + `}`},
		{"nothing to hide", false, func(l *zap.Logger) {
			l.Info("m", zap.Error(adaptertest.NewErrorList(errors.New("a"), errors.New("b"))))
		},
			`{"level":"info","msg":"m","error":"a; b","errorCauses":[{"error":"a"},{"error":"b"}]}`},
	}
	checkLines(t, tests)
}

// TestObjectOfErrorList logs, with piizap.Object, an error that holds a tagged error in
// a list only its Errors method gives, through NewCore and through zap alone (Object's
// own redaction): its text shows with the personal data hidden.
func TestObjectOfErrorList(t *testing.T) {
	list := adaptertest.NewErrorList(errors.New("a"), adaptertest.NewPhoneError())
	want := `{"level":"info","msg":"m","e":"a; ` + adaptertest.PhoneErrorText + `"}` + "\n"
	var core, alone bytes.Buffer
	newLogger(&core, nil).Info("m", piizap.Object("e", list))
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
	zap.New(zapcore.NewCore(enc, zapcore.AddSync(&alone), zapcore.DebugLevel)).Info("m", piizap.Object("e", list))
	for name, got := range map[string]string{"NewCore": core.String(), "zap alone": alone.String()} {
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: line (-want +got):\n%s", name, diff)
		}
	}
}
