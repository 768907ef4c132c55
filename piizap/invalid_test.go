package piizap

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// TestInvalidPairsLearned fails when zap's list of invalid pairs changes its layout:
// the list is then guarded as any marshaler is, and the Stringers and errors it holds
// are written as their raw text again (see invalid.go).
func TestInvalidPairsLearned(t *testing.T) {
	if invalidPairsType == nil {
		t.Fatal("zap's invalid-pair list was not recognised")
	}
}

type invalidUser struct {
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (u invalidUser) String() string { return "user " + u.ID + " " + u.Email }

type invalidErr struct {
	Email string `pii:"email"`
}

func (e invalidErr) Error() string { return "no account for " + e.Email }

// TestInvalidPairs checks that the line zap writes for key-value pairs with keys that
// are not strings is written as zap writes it, with each key and value redacted as a
// field is: a tagged Stringer or error shows its redacted text, untagged values are
// written as zap alone writes them.
func TestInvalidPairs(t *testing.T) {
	u := invalidUser{ID: "u1", Email: "jane.doe@example.com"}
	e := invalidErr{Email: "jane.doe@example.com"}
	const invalidLine = `{"level":"error","msg":"Ignored key-value pairs with non-string keys.","invalid":`
	tests := []struct {
		name string
		log  func(*zap.SugaredLogger)
		want string // the invalid pairs' line; "" when it is the same through zap alone
	}{
		{"untagged values", func(s *zap.SugaredLogger) { s.Infow("m", 1, "x", 2.5, []int{1}, "ok", 3) }, ""},
		{"untagged error", func(s *zap.SugaredLogger) { s.Infow("m", 1, errors.New("boom")) }, ""},
		{"tagged Stringer value", func(s *zap.SugaredLogger) { s.Infow("m", 1, u) },
			invalidLine + `[{"position":0,"key":1,"value":"user u1 ***@example.com"}]}`},
		{"tagged Stringer key", func(s *zap.SugaredLogger) { s.Infow("m", &u, 7) },
			invalidLine + `[{"position":0,"key":"user u1 ***@example.com","value":7}]}`},
		{"tagged error wrapped", func(s *zap.SugaredLogger) { s.Infow("m", 1, fmt.Errorf("lookup: %w", e)) },
			invalidLine + `[{"position":0,"key":1,"value":"lookup: no account for ***@example.com"}]}`},
		{"second pair, With", func(s *zap.SugaredLogger) { s.With("a", 1, 2, e).Info("m") },
			invalidLine + `[{"position":2,"key":2,"value":"no account for ***@example.com"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var plain, redacted bytes.Buffer
			tt.log(zap.New(invalidTestCore(&plain)).Sugar())
			tt.log(zap.New(NewCore(invalidTestCore(&redacted), nil)).Sugar())
			want := plain.String()
			if tt.want != "" {
				line, _, _ := bytes.Cut(redacted.Bytes(), []byte("\n"))
				if diff := cmp.Diff(tt.want, string(line)); diff != "" {
					t.Errorf("the invalid pairs' line (-want +got):\n%s", diff)
				}
				return
			}
			if diff := cmp.Diff(want, redacted.String()); diff != "" {
				t.Errorf("output (-zap alone +through NewCore):\n%s", diff)
			}
		})
	}
}

func invalidTestCore(buf *bytes.Buffer) zapcore.Core {
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg", LevelKey: "level", EncodeLevel: zapcore.LowercaseLevelEncoder})
	return zapcore.NewCore(enc, zapcore.AddSync(buf), zapcore.DebugLevel)
}
