package piilogrus_test

// Review s33 of the commits 07fddf1..HEAD (guard.go, hook.go, formatter.go, entry_err.go).

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/google/go-cmp/cmp"
	"github.com/sirupsen/logrus"
)

// s33Code writes itself as text, HTML characters included: a type such as uuid.UUID.
type s33Code struct{ S string }

func (c s33Code) MarshalText() ([]byte, error) { return []byte("<code&" + c.S + ">"), nil }

// s33User is a tagged record with a field that writes itself (guard.Marshals is true).
type s33User struct {
	ID    string  `pii:"no"`
	Email string  `pii:"email"`
	Code  s33Code `pii:"no"`
}

type s33Err struct {
	Email string `pii:"email"`
}

func (e *s33Err) Error() string { return "no account for " + e.Email }

type s33Holder struct {
	Email string `pii:"email"`
	Item  any    `pii:"no"`
}

func s33NewUser() s33User {
	return s33User{ID: "u1", Email: adaptertest.ReviewEmail, Code: s33Code{"7"}}
}

// s33Redacted is what the hook makes of s33NewUser(), given to a logger as it is.
func s33Redacted() s33User { return s33User{ID: "u1", Email: "***@example.com", Code: s33Code{"7"}} }

func s33Write(f logrus.Formatter, hooks []logrus.Hook, k string, v any) string {
	var buf bytes.Buffer
	l := logrus.New()
	l.SetOutput(&buf)
	l.SetFormatter(f)
	for _, h := range hooks {
		l.AddHook(h)
	}
	l.WithField(k, v).Info("m")
	return buf.String()
}

// DEFECT (found by review of guard.JSON and MarshalError; fixed since): the README's setup for hooks that add fields, the Hook and
// NewFormatter together, withholds every tagged value whose type writes itself (or
// holds a field that does: a UUID): the Hook puts guard.guarded{v any} in Data
// (hook.go:91 -> guard.go:27), and the formatter finds a tagged value behind that
// unexported interface field: `"u":"!PII-REDACTED: a guard.guarded that holds personal
// data in unexported fields"` where 07fddf1 wrote the redacted object.
func TestS33HookThenFormatter(t *testing.T) {
	for name, next := range map[string]func() logrus.Formatter{
		"json": func() logrus.Formatter { return &logrus.JSONFormatter{DisableTimestamp: true} },
		"text": func() logrus.Formatter { return &logrus.TextFormatter{DisableTimestamp: true} },
	} {
		t.Run(name, func(t *testing.T) {
			got := s33Write(piilogrus.NewFormatter(next(), nil), []logrus.Hook{piilogrus.NewHook(nil)}, "u", s33NewUser())
			want := s33Write(next(), nil, "u", s33Redacted())
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Hook + NewFormatter (-want +got):\n%s", diff)
			}
		})
	}
}

// s33TypeHook records the types of Data's values, as hooks that ship entries (Sentry,
// a Logstash hook) look at them.
type s33TypeHook struct{ user, err *bool }

func (s33TypeHook) Levels() []logrus.Level { return logrus.AllLevels }
func (h s33TypeHook) Fire(e *logrus.Entry) error {
	_, *h.user = e.Data["u"].(s33User)
	_, *h.err = e.Data["e"].(*s33Err)
	return nil
}

// DEFECT (found by review of guard.JSON and MarshalError; fixed since): a hook added after the Hook no longer finds the redacted
// copy in Data (README: the Hook "replaces every Entry.Data value ... by its redacted
// copy"): it finds guard.guarded for a type that writes itself, guard.guardedError for
// an error (guard.go:25,27), whose type assertions fail (errors.As still works), and
// whose encoding/json form is {} for the error where it was the copy's fields.
func TestS33LaterHookSeesCopy(t *testing.T) {
	var user, err bool
	var buf bytes.Buffer
	l := logrus.New()
	l.SetOutput(&buf)
	l.AddHook(piilogrus.NewHook(nil))
	l.AddHook(s33TypeHook{&user, &err})
	l.WithField("u", s33NewUser()).WithField("e", &s33Err{adaptertest.ReviewEmail}).Info("m")
	if !user {
		t.Errorf("a later hook's Data[\"u\"].(s33User) failed")
	}
	if !err {
		t.Errorf("a later hook's Data[\"e\"].(*s33Err) failed")
	}
}

// (The review also found that a copy held behind an interface, a struct's `any` field
// or []any, was not tried before JSONFormatter encodes it; the log line's walk now tries
// it, see TestCopyBehindInterfacePanics in package pii.)

// TestS33HTMLAsLogrus is a guard: the Hook alone, and NewFormatter alone, write a copy
// that writes itself (HTML characters in its text) byte for byte as logrus writes the
// same redacted value given to it directly, with and without DisableHTMLEscape.
func TestS33HTMLAsLogrus(t *testing.T) {
	for name, next := range map[string]func() logrus.Formatter{
		"json":        func() logrus.Formatter { return &logrus.JSONFormatter{DisableTimestamp: true} },
		"json noHTML": func() logrus.Formatter { return &logrus.JSONFormatter{DisableTimestamp: true, DisableHTMLEscape: true} },
		"json pretty": func() logrus.Formatter { return &logrus.JSONFormatter{DisableTimestamp: true, PrettyPrint: true} },
		"text":        func() logrus.Formatter { return &logrus.TextFormatter{DisableTimestamp: true} },
	} {
		t.Run(name, func(t *testing.T) {
			want := s33Write(next(), nil, "u", s33Redacted())
			if got := s33Write(next(), []logrus.Hook{piilogrus.NewHook(nil)}, "u", s33NewUser()); got != want {
				t.Errorf("Hook (-want +got):\n%s", cmp.Diff(want, got))
			}
			if got := s33Write(piilogrus.NewFormatter(next(), nil), nil, "u", s33NewUser()); got != want {
				t.Errorf("NewFormatter (-want +got):\n%s", cmp.Diff(want, got))
			}
		})
	}
}

// TestS33EntryErrConcurrent is a guard (run with -race): with ScanStrings, the Hook and
// NewFormatter rewrite logrus_error from many goroutines logging one shared entry, and
// a formatter shared with a later hook that formats entries itself; without ScanStrings
// the line is logrus's own.
func TestS33EntryErrConcurrent(t *testing.T) {
	var mu sync.Mutex
	var buf bytes.Buffer
	l := logrus.New()
	l.SetOutput(&lockedWriter{&mu, &buf})
	f := piilogrus.NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, nil, piilogrus.ScanStrings())
	l.SetFormatter(f)
	l.AddHook(piilogrus.NewHook(nil, piilogrus.ScanStrings()))
	l.AddHook(s33FormatHook{f})
	entry := l.WithField(adaptertest.ReviewEmail, func() {}).WithError(errors.New("x"))
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				entry.WithField("i", i).Info("m")
			}
		}()
	}
	wg.Wait()
	if strings.Contains(buf.String(), adaptertest.ReviewEmail) {
		t.Errorf("logrus_error holds the raw key")
	}
	plain := func(f logrus.Formatter) string {
		var b bytes.Buffer
		l := logrus.New()
		l.SetOutput(&b)
		l.SetFormatter(f)
		if _, ok := f.(*logrus.JSONFormatter); ok {
			l.AddHook(piilogrus.NewHook(nil))
		}
		l.WithField(adaptertest.ReviewEmail, func() {}).Info("m")
		return b.String()
	}
	want := plain(&logrus.TextFormatter{DisableTimestamp: true})
	if got := plain(piilogrus.NewFormatter(&logrus.TextFormatter{DisableTimestamp: true}, nil)); got != want {
		t.Errorf("without ScanStrings (-want +got):\n%s", cmp.Diff(want, got))
	}
}

type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// s33FormatHook formats the entry itself, in another goroutine, as shipping hooks do.
type s33FormatHook struct{ f logrus.Formatter }

func (s33FormatHook) Levels() []logrus.Level { return logrus.AllLevels }
func (h s33FormatHook) Fire(e *logrus.Entry) error {
	done := make(chan struct{})
	go func() { _, _ = h.f.Format(e); close(done) }()
	_, _ = h.f.Format(e)
	<-done
	return nil
}
