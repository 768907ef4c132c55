package piizerolog_test

// Review s34 (adversarial, as a user who logs through zerolog): routes the earlier
// reviews did not cover. No route found here fails on 050713f; the tests below pin,
// as passing, the routes whose counterparts crash piizap and piilogrus (see their
// review_s34_test.go): a redacted copy whose Error or MarshalJSON panics, reached as an
// error written as its text, or through a pii.SafeValue.

import (
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
)

// s34Note is what a line shows of a redacted copy of type typ whose method panicked.
func s34Note(typ string) string {
	return "!PII-REDACTION-FAILED: pii: " + typ + ": a method of the value panicked while it was written"
}

// s34HiddenCardErr is a tagged error whose only field is hidden from JSON: Object
// writes it as its text (jsonfields.ErrorText), and Error panics on the copy.
type s34HiddenCardErr struct {
	Card string `pii:"card,handling=sensitive" json:"-"`
}

func (e s34HiddenCardErr) Error() string {
	return "card ending " + e.Card[len(e.Card)-4:] + " declined"
}

// s34CardErrs is an error that is a list (a validation error list): its Error panics
// on the copy.
type s34CardErrs []adaptertest.ReviewCardErr

func (es s34CardErrs) Error() string {
	var s []string
	for _, e := range es {
		s = append(s, e.Error())
	}
	return strings.Join(s, "; ")
}

// PASSES, pinned. Route: an error written as its text (Object of an error with no
// JSON-visible field or of an error list, pii.Safe of either, Err, Errs) whose copy's
// Error panics. Object's errorText and MarshalError read the text under recover
// (guard.Error) and write the note; piizap.Object shares jsonfields.ShapeOf but calls
// Error bare, and panics on the same values (piizap TestS34ObjectErrorTextPanics).
func TestS34ErrorTextCopyPanicsHold(t *testing.T) {
	arHooks(t)
	he := s34HiddenCardErr{Card: adaptertest.ReviewCard}
	es := s34CardErrs{{ID: "c1", Card: adaptertest.ReviewCard}}
	nh, nl := `"`+s34Note("piizerolog_test.s34HiddenCardErr")+`"`, `"`+s34Note("piizerolog_test.s34CardErrs")+`"`
	tests := []struct {
		name string
		log  func(zerolog.Logger)
		want string
	}{
		{"Object of a hidden-field error", func(l zerolog.Logger) { l.Info().Object("e", piizerolog.Object(he)).Send() },
			`{"level":"info","e":{"error":` + nh + `}}`},
		{"Object of Safe of it", func(l zerolog.Logger) { l.Info().Object("e", piizerolog.Object(pii.Safe(he))).Send() },
			`{"level":"info","e":{"error":` + nh + `}}`},
		{"Object of an error list", func(l zerolog.Logger) { l.Info().Object("e", piizerolog.Object(es)).Send() },
			`{"level":"info","e":{"error":` + nl + `}}`},
		{"Object of Safe of an error list", func(l zerolog.Logger) { l.Info().Object("e", piizerolog.Object(pii.Safe(es))).Send() },
			`{"level":"info","e":{"error":` + nl + `}}`},
		{"Err and Errs", func(l zerolog.Logger) { l.Info().Err(he).Errs("es", []error{es}).Send() },
			`{"level":"info","error":` + nh + `,"es":[` + nl + `]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := arLog(t, tt.log)
			adaptertest.NoRaw(t, out, "4242")
			if diff := cmp.Diff(tt.want+"\n", out); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
		})
	}
}

// PASSES, pinned. Route: pii.Safe(v) of a value whose copy's MarshalJSON panics, given
// to Interface, Fields (map and list), Arr().Interface, Dict().Interface, With() and
// Object. MarshalInterface hands the SafeValue to ForLog, which tries the copy, and
// Object's jsonObject encodes under recover; piizap and piilogrus with ScanStrings take
// sv.LogValue().Any(), an untried copy, and panic (their TestS34ScanStringsSafeCopyPanics).
func TestS34SafeCopyPanicsHold(t *testing.T) {
	arHooks(t)
	c := adaptertest.ReviewCardJSON{ID: "c1", Card: adaptertest.ReviewCard}
	n := `"` + s34Note("adaptertest.ReviewCardJSON") + `"`
	tests := []struct {
		name string
		log  func(zerolog.Logger)
		want string
	}{
		{"Interface", func(l zerolog.Logger) { l.Info().Interface("c", pii.Safe(c)).Send() },
			`{"level":"info","c":` + n + `}`},
		{"Fields map and list", func(l zerolog.Logger) {
			l.Info().Fields(map[string]any{"c": pii.Safe(c)}).Fields([]any{"d", pii.Safe(c)}).Send()
		}, `{"level":"info","c":` + n + `,"d":` + n + `}`},
		{"Arr and Dict", func(l zerolog.Logger) {
			l.Info().Array("a", zerolog.Arr().Interface(pii.Safe(c))).Dict("d", zerolog.Dict().Interface("c", pii.Safe(c))).Send()
		}, `{"level":"info","a":[` + n + `],"d":{"c":` + n + `}}`},
		{"With", func(l zerolog.Logger) { ll := l.With().Interface("c", pii.Safe(c)).Logger(); ll.Info().Send() },
			`{"level":"info","c":` + n + `}`},
		{"Object", func(l zerolog.Logger) { l.Info().Object("c", piizerolog.Object(pii.Safe(c))).Send() },
			`{"level":"info","c":{"error":` + n + `}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := arLog(t, tt.log)
			adaptertest.NoRaw(t, out, "4242")
			if diff := cmp.Diff(tt.want+"\n", out); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
		})
	}
}
