package piilogrus_test

// Adversarial review of piilogrus: routes a property test does not generate. Tests marked
// LEAK or PANIC held defects this review found (helper-64, 2026-12-02); each is fixed
// and its test guards the fix. The others are guards that passed from the start.

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/google/go-cmp/cmp"
	"github.com/sirupsen/logrus"
)

// arUser is a tagged record that prints itself (fmt.Stringer).
type arUser struct {
	ID    string `pii:"no"`
	Email string `pii:"email"`
	Name  string `pii:"name"`
}

func (u arUser) String() string { return "user " + u.ID + " " + u.Email + " " + u.Name }

// arSetups are the two ways to add redaction, each over logrus's two formatters.
var arSetups = map[string]func(l *logrus.Logger, opts ...piilogrus.Option){
	"hook/text": func(l *logrus.Logger, opts ...piilogrus.Option) {
		l.AddHook(piilogrus.NewHook(nil, opts...))
		l.SetFormatter(&logrus.TextFormatter{DisableTimestamp: true})
	},
	"hook/json": func(l *logrus.Logger, opts ...piilogrus.Option) {
		l.AddHook(piilogrus.NewHook(nil, opts...))
		l.SetFormatter(&logrus.JSONFormatter{DisableTimestamp: true})
	},
	"formatter/text": func(l *logrus.Logger, opts ...piilogrus.Option) {
		l.SetFormatter(piilogrus.NewFormatter(&logrus.TextFormatter{DisableTimestamp: true}, nil, opts...))
	},
	"formatter/json": func(l *logrus.Logger, opts ...piilogrus.Option) {
		l.SetFormatter(piilogrus.NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, nil, opts...))
	},
}

// arLog runs log on a new logger set up by setup, reporting a panic as a failure, and
// returns what was written.
func arLog(t *testing.T, setup func(*logrus.Logger, ...piilogrus.Option), log func(*logrus.Logger), opts ...piilogrus.Option) string {
	t.Helper()
	var buf bytes.Buffer
	l := logrus.New()
	l.SetOutput(&buf)
	setup(l, opts...)
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("the log call panicked: %v", r)
			}
		}()
		log(l)
	}()
	return buf.String()
}

// LEAK (found by review, fixed): with ScanStrings, the keys of Data are scanned (README: "also
// hides personal data found ... in the keys of Data"), but a key whose value logrus
// refuses (a func) never reaches Data: WithFields records it in the entry's unexported
// err ("can not add field \"jane.doe@example.com\""), which both of logrus's
// formatters write as logrus_error. Neither the Hook (hook.go Fire: Message and Data
// only) nor NewFormatter (formatter.go: out := *e keeps err) can see or clear it.
// Now: the entry's refused-field text is scanned too (entry_err.go).
func TestReviewScannedKeyInLogrusError(t *testing.T) {
	for name, setup := range arSetups {
		t.Run(name, func(t *testing.T) {
			out := arLog(t, setup, func(l *logrus.Logger) {
				l.WithField(adaptertest.ReviewEmail, func() {}).Info("m")
			}, piilogrus.ScanStrings())
			adaptertest.NoRaw(t, out, adaptertest.ReviewEmail)
			if !strings.Contains(out, "logrus_error") {
				t.Errorf("logrus_error is missing: %s", out)
			}
		})
	}
}

// PANIC (found by review, fixed): a tagged error (or a tagged type with MarshalJSON) whose
// method is correct on every real value panics on the redacted copy, whose sensitive
// card is zeroed. The Hook and NewFormatter put that copy in Data (hook.go Fire,
// formatter.go Format) without trying it; logrus's JSONFormatter calls Error() on it
// and json.Marshal (which re-panics) with no recover: the log call panics, where
// logrus alone writes the line. (TextFormatter survives: fmt recovers, writing
// "%!v(PANIC=Error method: ...)".) A pii.Handler over slog writes "!PANIC: ..." and
// goes on.
// Now: a copy's error is given as its text read under recover, and a copy that
// marshals itself is guarded (guard.go, internal/guard).
func TestReviewRedactedCopyMethodPanics(t *testing.T) {
	for _, name := range []string{"hook/json", "formatter/json"} {
		for what, log := range map[string]func(*logrus.Logger){
			"WithError": func(l *logrus.Logger) {
				l.WithError(adaptertest.ReviewCardErr{ID: "c1", Card: adaptertest.ReviewCard}).Error("m")
			},
			"WithField of JSON": func(l *logrus.Logger) {
				l.WithField("c", adaptertest.ReviewCardJSON{ID: "c1", Card: adaptertest.ReviewCard}).Info("m")
			},
		} {
			t.Run(name+"/"+what, func(t *testing.T) {
				out := arLog(t, arSetups[name], log)
				adaptertest.NoRaw(t, out, "4242")
			})
		}
	}
}

// TestReviewDataRoutes is a guard: errors, Stringers, nested Fields and hidden values
// in Data, through the Hook and NewFormatter with a nil Policy (these pass).
func TestReviewDataRoutes(t *testing.T) {
	u := arUser{ID: "u1", Email: adaptertest.ReviewEmail, Name: adaptertest.ReviewName}
	e := adaptertest.ReviewErr{ID: "e1", Email: adaptertest.ReviewEmail}
	tests := []struct {
		name string
		log  func(*logrus.Logger)
		want string // the JSON line
	}{
		{"WithError wrapped", func(l *logrus.Logger) { l.WithError(fmt.Errorf("lookup: %w", e)).Info("m") },
			`{"error":"lookup: no account for ***@example.com","level":"info","msg":"m"}`},
		{"WithError joined with a hidden value", func(l *logrus.Logger) { l.WithError(errors.Join(e, adaptertest.NewReviewHidden(u))).Info("m") },
			`{"error":"!PII-REDACTED: the text of a *errors.joinError that holds personal data","level":"info","msg":"m"}`},
		{"error in a nested map", func(l *logrus.Logger) {
			l.WithField("m", map[string]any{"f": logrus.Fields{"e": e}, "u": []*arUser{&u, nil}}).Info("m")
		}, `{"level":"info","m":{"f":{"e":{"ID":"e1","Email":"***@example.com"}},"u":[{"ID":"u1","Email":"***@example.com","Name":"J. D."},null]},"msg":"m"}`},
		{"Stringer value", func(l *logrus.Logger) { l.WithField("u", u).Info("m") },
			`{"level":"info","msg":"m","u":{"ID":"u1","Email":"***@example.com","Name":"J. D."}}`},
		{"hidden behind an unexported any", func(l *logrus.Logger) { l.WithField("h", adaptertest.NewReviewHidden(u)).Info("m") },
			`{"h":"!PII-REDACTED: the text of a adaptertest.ReviewHidden that holds personal data","level":"info","msg":"m"}`},
	}
	for _, name := range []string{"hook/json", "formatter/json"} {
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				out := arLog(t, arSetups[name], tt.log)
				if diff := cmp.Diff(tt.want+"\n", out); diff != "" {
					t.Errorf("line (-want +got):\n%s", diff)
				}
			})
		}
	}
	// The text formatter prints with fmt: the Stringer's redacted copy.
	out := arLog(t, arSetups["hook/text"], func(l *logrus.Logger) { l.WithField("u", u).Info("m") })
	if diff := cmp.Diff("level=info msg=m u=\"user u1 ***@example.com J. D.\"\n", out); diff != "" {
		t.Errorf("text line (-want +got):\n%s", diff)
	}
}

// TestReviewScanStrings is a guard: with ScanStrings, the message, keys, []byte values
// and keys of nested maps are scanned (these pass).
func TestReviewScanStrings(t *testing.T) {
	for name, setup := range arSetups {
		t.Run(name, func(t *testing.T) {
			out := arLog(t, setup, func(l *logrus.Logger) {
				l.WithFields(logrus.Fields{
					adaptertest.ReviewEmail: 1,
					"b":                     []byte("mail " + adaptertest.ReviewEmail),
					"m":                     map[string]int{adaptertest.ReviewEmail: 2},
					"e":                     errors.New("for " + adaptertest.ReviewEmail),
				}).Info("contact " + adaptertest.ReviewEmail)
			}, piilogrus.ScanStrings())
			adaptertest.NoRaw(t, out, adaptertest.ReviewEmail)
			if !strings.Contains(out, "***@example.com") {
				t.Errorf("the masked email is missing: %s", out)
			}
		})
	}
}
