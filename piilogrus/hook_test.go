package piilogrus_test

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

func newLogger(w io.Writer, f logrus.Formatter, opts ...piilogrus.Option) *logrus.Logger {
	l := logrus.New()
	l.SetOutput(w)
	l.SetFormatter(f)
	l.AddHook(piilogrus.NewHook(nil, opts...))
	return l
}

var formatters = map[string]logrus.Formatter{
	"json": &logrus.JSONFormatter{DisableTimestamp: true},
	"text": &logrus.TextFormatter{DisableTimestamp: true, DisableColors: true},
}

// TestNoPIIReachesOutput logs tagged values through both formatters, directly, behind
// pointers, interfaces, slices and maps, and checks that no phone, email or name
// reaches the line while the Not PII plan does.
func TestNoPIIReachesOutput(t *testing.T) {
	c := adaptertest.NewCustomer()
	tests := []struct {
		name string
		log  func(*logrus.Logger)
	}{
		{"WithField", func(l *logrus.Logger) { l.WithField("c", c).Info("m") }},
		{"pointer", func(l *logrus.Logger) { l.WithField("c", &c).Info("m") }},
		{"slice", func(l *logrus.Logger) { l.WithField("c", []adaptertest.Customer{c, c}).Info("m") }},
		{"map", func(l *logrus.Logger) { l.WithField("c", map[string]adaptertest.Customer{"a": c}).Warn("m") }},
		{"interface", func(l *logrus.Logger) {
			l.WithField("e", adaptertest.Envelope{Kind: "k", Payload: c, Owner: &c}).Error("m")
		}},
		{"WithFields", func(l *logrus.Logger) { l.WithFields(logrus.Fields{"c": c, "n": 1}).Info("m") }},
		{"entry reused", func(l *logrus.Logger) {
			e := l.WithField("c", c)
			e.Info("m")
			e.WithField("d", &c).Info("m")
		}},
		{"Safe", func(l *logrus.Logger) { l.WithField("c", pii.Safe(c)).Info("m") }},
	}
	for fname, f := range formatters {
		for _, tt := range tests {
			t.Run(fname+"/"+tt.name, func(t *testing.T) {
				var buf bytes.Buffer
				tt.log(newLogger(&buf, f))
				adaptertest.NoPII(t, buf.String())
			})
		}
	}
	if c != adaptertest.NewCustomer() {
		t.Errorf("the caller's value changed: %+v", c)
	}
}

// TestJSONObject checks that the JSON formatter writes the redacted copy as an object
// with its field names, and leaves the caller's entry as it was.
func TestJSONObject(t *testing.T) {
	var buf bytes.Buffer
	l := newLogger(&buf, formatters["json"])
	c := adaptertest.NewCustomer()
	e := l.WithField("c", c)
	e.Info("m")
	var line struct {
		C map[string]string `json:"c"`
	}
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	if line.C["id"] != "c1" || line.C["plan"] != adaptertest.Plan || line.C["phone"] == "" || line.C["phone"] == adaptertest.Phone {
		t.Errorf("c = %v, want id and plan as they are and a redacted phone", line.C)
	}
	if e.Data["c"] != c {
		t.Errorf("the entry's Data changed: %v", e.Data["c"])
	}
}

// TestBadTagFailsClosed logs a value whose tag is wrong: the line says so, and never
// shows the value.
func TestBadTagFailsClosed(t *testing.T) {
	var buf bytes.Buffer
	newLogger(&buf, formatters["json"]).WithField("b", adaptertest.BadTag{Phone: 4155550123}).Info("m")
	adaptertest.FailedClosed(t, buf.String())
}

// TestScanStrings hides personal data found in the message and string values, only
// when asked.
func TestScanStrings(t *testing.T) {
	tests := []struct {
		opts     []piilogrus.Option
		wantSeen bool
	}{
		{nil, true},
		{[]piilogrus.Option{piilogrus.ScanStrings()}, false},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		newLogger(&buf, formatters["json"], tt.opts...).WithField("note", "call "+adaptertest.Phone).WithField("plan", adaptertest.Plan).Info("reply to " + adaptertest.Email)
		out := buf.String()
		if got := strings.Contains(out, adaptertest.Email) || strings.Contains(out, adaptertest.Phone); got != tt.wantSeen {
			t.Errorf("scan %v: personal data seen = %v, want %v: %s", tt.opts != nil, got, tt.wantSeen, out)
		}
		if !strings.Contains(out, adaptertest.Plan) {
			t.Errorf("output lost %q: %s", adaptertest.Plan, out)
		}
	}
}
