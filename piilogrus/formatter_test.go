package piilogrus_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/google/go-cmp/cmp"
	"github.com/sirupsen/logrus"
)

// userKey is the context key under which a request's user travels.
type userKey struct{}

// userHook puts the request's user, found in the entry's Context, in a field, as
// services do to tag every line with who made the request.
type userHook struct{}

func (userHook) Levels() []logrus.Level { return logrus.AllLevels }

func (userHook) Fire(e *logrus.Entry) error {
	if e.Context != nil {
		if u := e.Context.Value(userKey{}); u != nil {
			e.Data["user"] = u
		}
	}
	return nil
}

const redactedCustomer = `{"id":"c1","name":"J. D.","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"}`

// TestFormatterAfterHooks logs through NewFormatter with a hook that adds the request's
// user to every entry, added after piilogrus's Hook or with no Hook at all: the user a
// hook added is redacted, which the Hook, fired before that hook, never saw.
func TestFormatterAfterHooks(t *testing.T) {
	c := adaptertest.NewCustomer()
	ctx := context.WithValue(context.Background(), userKey{}, &c)
	tests := []struct {
		name   string
		format logrus.Formatter
		hooks  []logrus.Hook
		want   string
	}{
		{"json, Hook first", &logrus.JSONFormatter{DisableTimestamp: true}, []logrus.Hook{piilogrus.NewHook(nil), userHook{}},
			`{"c":` + redactedCustomer + `,"level":"info","msg":"m","user":` + redactedCustomer + "}\n"},
		{"json, no Hook", &logrus.JSONFormatter{DisableTimestamp: true}, []logrus.Hook{userHook{}},
			`{"c":` + redactedCustomer + `,"level":"info","msg":"m","user":` + redactedCustomer + "}\n"},
		{"text", &logrus.TextFormatter{DisableTimestamp: true, DisableColors: true}, []logrus.Hook{piilogrus.NewHook(nil), userHook{}},
			`level=info msg=m c="{c1 J. D. ***@example.com +1415555XXXX premium-plan}" user="&{c1 J. D. ***@example.com +1415555XXXX premium-plan}"` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := logrus.New()
			l.SetOutput(&buf)
			l.SetFormatter(piilogrus.NewFormatter(tt.format, nil))
			for _, h := range tt.hooks {
				l.AddHook(h)
			}
			l.WithContext(ctx).WithField("c", c).Info("m")
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
		})
	}
	if c != adaptertest.NewCustomer() {
		t.Errorf("the caller's value changed: %+v", c)
	}
}

// TestFormatterLeavesEntry formats an entry directly, as a hook that ships entries does
// with Entry.String: the entry's Data keeps the caller's values, and an entry with
// nothing to hide is written as the wrapped formatter writes it.
func TestFormatterLeavesEntry(t *testing.T) {
	c := adaptertest.NewCustomer()
	json := &logrus.JSONFormatter{DisableTimestamp: true}
	f := piilogrus.NewFormatter(json, nil, piilogrus.ScanStrings())
	e := logrus.NewEntry(logrus.New()).WithField("c", &c)
	e.Message = "call " + adaptertest.Phone
	got, err := f.Format(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"c":` + redactedCustomer + `,"level":"panic","msg":"call +1415555XXXX"}` + "\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
	if e.Data["c"] != &c || e.Message != "call "+adaptertest.Phone || c != adaptertest.NewCustomer() {
		t.Errorf("the entry changed: %v %q", e.Data, e.Message)
	}
	plain := logrus.NewEntry(logrus.New()).WithFields(logrus.Fields{"n": 1, "s": "x"})
	got, _ = f.Format(plain)
	raw, _ := json.Format(plain)
	if diff := cmp.Diff(string(raw), string(got)); diff != "" {
		t.Errorf("nothing to hide (-logrus +piilogrus):\n%s", diff)
	}
}

// TestFormatterNilNext checks that a nil formatter to wrap is logrus's default text
// formatter, not a panic.
func TestFormatterNilNext(t *testing.T) {
	var buf bytes.Buffer
	l := logrus.New()
	l.SetOutput(&buf)
	l.SetFormatter(piilogrus.NewFormatter(nil, nil))
	l.WithField("c", adaptertest.NewCustomer()).Info("m")
	adaptertest.NoPII(t, buf.String())
}

// TestErrorList logs, with WithError and WithField, errors that hold a tagged error in a
// list only their Errors method gives, through the Hook and through NewFormatter: the
// text shows with the personal data hidden.
func TestErrorList(t *testing.T) {
	list := adaptertest.NewErrorList(errors.New("a"), adaptertest.NewPhoneError())
	want := `{"e":"x: a; ` + adaptertest.PhoneErrorText + `","error":"a; ` + adaptertest.PhoneErrorText + `","level":"info","msg":"m"}` + "\n"
	json := &logrus.JSONFormatter{DisableTimestamp: true}
	for name, l := range map[string]*logrus.Logger{"Hook": newLogger(nil, json), "Formatter": logrus.New()} {
		var buf bytes.Buffer
		l.SetOutput(&buf)
		if name == "Formatter" {
			l.SetFormatter(piilogrus.NewFormatter(json, nil))
		}
		l.WithError(list).WithField("e", fmt.Errorf("x: %w", list)).Info("m")
		if diff := cmp.Diff(want, buf.String()); diff != "" {
			t.Errorf("%s: line (-want +got):\n%s", name, diff)
		}
	}
}

// TestFormatterFailsClosed logs, through NewFormatter with both logrus formatters, a
// value whose type has a wrong tag: the line says the redaction failed, never the value.
func TestFormatterFailsClosed(t *testing.T) {
	for name, f := range formatters {
		var buf bytes.Buffer
		l := logrus.New()
		l.SetOutput(&buf)
		l.SetFormatter(piilogrus.NewFormatter(f, nil))
		l.WithField("b", adaptertest.BadTag{Phone: 4155550123}).Info("m")
		t.Run(name, func(t *testing.T) { adaptertest.FailedClosed(t, buf.String()) })
	}
}
